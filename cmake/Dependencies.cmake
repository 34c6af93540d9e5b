# Every dependency comes from a Debian package (see scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3.2 CONFIG REQUIRED)
find_package(CURL REQUIRED)
find_package(Boost 1.74 REQUIRED)
pkg_check_modules(THRIFT REQUIRED IMPORTED_TARGET thrift>=0.17)

# Link libthrift statically: Debian's shared runtime drags in Qt5.
find_library(AURORA_THRIFT_STATIC NAMES libthrift.a REQUIRED)
add_library(aurora_thrift INTERFACE)
target_include_directories(aurora_thrift INTERFACE ${THRIFT_INCLUDE_DIRS})
target_link_libraries(aurora_thrift INTERFACE ${AURORA_THRIFT_STATIC} Boost::headers
                      Threads::Threads)

# The ZooKeeper C client ships neither a CMake config nor a .pc file.
find_path(ZOOKEEPER_INCLUDE_DIR zookeeper/zookeeper.h REQUIRED)
find_library(ZOOKEEPER_STATIC NAMES libzookeeper_mt.a zookeeper_mt REQUIRED)
add_library(aurora_zookeeper INTERFACE)
target_include_directories(aurora_zookeeper INTERFACE ${ZOOKEEPER_INCLUDE_DIR})
target_compile_definitions(aurora_zookeeper INTERFACE THREADED)
target_link_libraries(aurora_zookeeper INTERFACE ${ZOOKEEPER_STATIC} Threads::Threads)

if(AURORA_BUILD_TESTS)
  find_package(doctest CONFIG REQUIRED)
endif()
