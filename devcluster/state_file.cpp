#include "devcluster/state_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "devcluster/state_codec.hpp"

namespace aurora::devcluster {
namespace {

void write_all(int fd, const std::string& data, const std::filesystem::path& path) {
  std::size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    written += static_cast<std::size_t>(n);
  }
}

void fsync_directory(const std::filesystem::path& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

StateDirectoryLock::StateDirectoryLock(const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  auto path = directory / "lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("state directory " + directory.string() +
                             " is in use by another aurora-devcluster");
  }
}

StateDirectoryLock::~StateDirectoryLock() {
  if (fd_ >= 0) ::close(fd_);
}

StateFile::StateFile(std::filesystem::path directory) : directory_(std::move(directory)) {
  std::filesystem::create_directories(directory_);
}

std::optional<ClusterState> StateFile::load() const {
  std::ifstream in(path());
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.str());
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot parse " + path().string() + ": " + error.what());
  }
  return decode_state(document);
}

void StateFile::save(const ClusterState& state) const {
  std::string text = encode_state(state).dump(1);
  auto temp = directory_ / "state.json.tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::runtime_error("cannot create " + temp.string() + ": " + std::strerror(errno));
  }
  try {
    write_all(fd, text, temp);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    throw std::runtime_error("cannot flush " + temp.string() + ": " + std::strerror(errno));
  }
  if (::rename(temp.c_str(), path().c_str()) != 0) {
    throw std::runtime_error("cannot replace " + path().string() + ": " + std::strerror(errno));
  }
  fsync_directory(directory_);
}

}  // namespace aurora::devcluster
