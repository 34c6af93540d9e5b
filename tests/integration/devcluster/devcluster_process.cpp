#include "tests/integration/devcluster/devcluster_process.hpp"

#include <signal.h>

#include <fstream>
#include <stdexcept>
#include <thread>

namespace aurora::devcluster::testing {

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

DevclusterProcess::DevclusterProcess(const std::filesystem::path& work_dir,
                                     const std::vector<std::string>& extra)
    : work_dir_(work_dir) {
  static int started = 0;
  tag_ = std::to_string(++started);
  argv_ = {AURORA_DEVCLUSTER_BINARY, "--port-file", (work_dir / ("port-" + tag_)).string()};
  argv_.insert(argv_.end(), extra.begin(), extra.end());
  start({"--port", "0"});
}

void DevclusterProcess::restart() { start({"--port", std::to_string(port_)}); }

void DevclusterProcess::start(const std::vector<std::string>& port) {
  const auto port_file = work_dir_ / ("port-" + tag_);
  std::filesystem::remove(port_file);
  std::vector<std::string> argv = argv_;
  argv.insert(argv.begin() + 1, port.begin(), port.end());
  // A restart appends to the first run's log, so a failure shows both.
  process_ = std::make_unique<aurora::testing::ChildProcess>(
      argv, work_dir_ / ("devcluster-" + tag_ + ".log"));
  int bound = 0;
  eventually([&] {
    std::ifstream in(port_file);
    return (static_cast<bool>(in >> bound) && bound > 0) || !process_->running();
  });
  if (bound <= 0) {
    throw std::runtime_error("aurora-devcluster did not start:\n" + process_->log_tail());
  }
  port_ = bound;
}

void DevclusterProcess::kill_hard() {
  ::kill(process_->pid(), SIGKILL);
  eventually([&] { return !process_->running(); });
}

}  // namespace aurora::devcluster::testing
