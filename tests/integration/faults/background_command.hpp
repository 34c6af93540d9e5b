#pragma once
// The aurora client started in the background, so a test can crash its scheduler, freeze its
// answers or signal it while a command is under way, then collect how the command ended.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tests/integration/fixtures/child_process.hpp"
#include "tests/integration/fixtures/run_process.hpp"

namespace aurora::testing {

class BackgroundCommand {
 public:
  // Starts `argv` with `env` added to the environment; stdout and stderr go to files in `dir`.
  BackgroundCommand(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env,
                    const std::filesystem::path& dir);

  pid_t pid() const { return process_->pid(); }
  // True once stderr (or stdout) holds `text`, polling for up to `limit`.
  bool wait_for_err(std::string_view text, std::chrono::milliseconds limit = std::chrono::seconds(20));
  bool wait_for_out(std::string_view text, std::chrono::milliseconds limit = std::chrono::seconds(20));
  // Waits up to `limit` for the exit (then kills it, and the exit code reads -1).
  ProcessResult finish(std::chrono::milliseconds limit = std::chrono::seconds(60));
  // How long the command has been running (or ran).
  std::chrono::milliseconds elapsed() const;

 private:
  std::string out() const;
  std::string err() const;

  std::filesystem::path out_file_;
  std::filesystem::path err_file_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point ended_;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace aurora::testing
