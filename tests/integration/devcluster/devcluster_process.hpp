#pragma once
// Runs the real aurora-devcluster binary for a test and knows the port it bound.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tests/integration/fixtures/child_process.hpp"

namespace aurora::devcluster::testing {

class DevclusterProcess {
 public:
  // Starts `aurora-devcluster --port 0 --port-file ... <extra>` and waits for the port file.
  DevclusterProcess(const std::filesystem::path& work_dir, const std::vector<std::string>& extra);

  int port() const { return port_; }
  // SIGKILL: nothing gets a chance to clean up.
  void kill_hard();
  // After kill_hard or stop: starts it again with the same options on the port it had.
  void restart();
  // SIGTERM and wait.
  void stop() { process_->stop(); }
  bool running() { return process_->running(); }
  std::string log_tail() const { return process_->log_tail(); }

 private:
  void start(const std::vector<std::string>& argv);

  std::filesystem::path work_dir_;
  std::string tag_;
  std::vector<std::string> argv_;  // without --port
  std::unique_ptr<aurora::testing::ChildProcess> process_;
  int port_ = 0;
};

// Polls `done` every 20 ms for up to `limit`; true once it holds.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(20));

}  // namespace aurora::devcluster::testing
