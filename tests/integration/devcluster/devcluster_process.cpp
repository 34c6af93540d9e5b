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
                                     const std::vector<std::string>& extra) {
  static int started = 0;
  std::string tag = std::to_string(++started);
  auto port_file = work_dir / ("port-" + tag);
  std::filesystem::remove(port_file);
  std::vector<std::string> argv = {AURORA_DEVCLUSTER_BINARY, "--port", "0", "--port-file",
                                   port_file.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  process_ = std::make_unique<aurora::testing::ChildProcess>(
      argv, work_dir / ("devcluster-" + tag + ".log"));
  bool ready = eventually([&] {
    std::ifstream in(port_file);
    return static_cast<bool>(in >> port_) && port_ > 0;
  });
  if (!ready) {
    throw std::runtime_error("aurora-devcluster did not start:\n" + process_->log_tail());
  }
}

void DevclusterProcess::kill_hard() {
  ::kill(process_->pid(), SIGKILL);
  eventually([&] { return !process_->running(); });
}

}  // namespace aurora::devcluster::testing
