#include <doctest/doctest.h>

#include <sstream>

#include "cli/log.hpp"

using namespace aurora::cli;

TEST_CASE("log labels are five characters wide, as upstream's plain formatter") {
  std::ostringstream sink;
  Logger log(sink, LogLevel::Debug);
  log.debug("d");
  log.info("i");
  log.warn("w");
  log.error("e");
  log.fatal("f");
  CHECK(sink.str() == "DEBUG] d\n INFO] i\n WARN] w\nERROR] e\nFATAL] f\n");
}

TEST_CASE("debug lines are dropped at the default level") {
  std::ostringstream sink;
  Logger log(sink, LogLevel::Info);
  log.debug("hidden");
  log.info("shown");
  CHECK(sink.str() == " INFO] shown\n");
}
