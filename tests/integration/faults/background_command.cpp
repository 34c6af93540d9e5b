#include "tests/integration/faults/background_command.hpp"

#include <sys/wait.h>

#include <thread>

#include "tests/integration/fixtures/temp_dir.hpp"

namespace aurora::testing {
namespace {

bool poll_file(const std::filesystem::path& file, std::string_view text,
               std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (true) {
    if (read_file(file).find(text) != std::string::npos) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

BackgroundCommand::BackgroundCommand(const std::vector<std::string>& argv,
                                     const std::map<std::string, std::string>& env,
                                     const std::filesystem::path& dir) {
  static int started = 0;
  const std::string tag = std::to_string(++started);
  out_file_ = dir / ("command-" + tag + ".out");
  err_file_ = dir / ("command-" + tag + ".err");
  // ChildProcess sends both streams to one file: `sh` splits stderr off, and `env` and `exec`
  // keep one process id throughout, so signals reach the command itself.
  std::vector<std::string> wrapped = {"env"};
  for (const auto& [name, value] : env) wrapped.push_back(name + "=" + value);
  wrapped.insert(wrapped.end(),
                 {"AURORA_TEST_STDERR=" + err_file_.string(), "/bin/sh", "-c",
                  "exec \"$0\" \"$@\" 2>\"$AURORA_TEST_STDERR\""});
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  started_ = std::chrono::steady_clock::now();
  process_ = std::make_unique<ChildProcess>(wrapped, out_file_);
}

std::string BackgroundCommand::out() const { return read_file(out_file_); }
std::string BackgroundCommand::err() const { return read_file(err_file_); }

bool BackgroundCommand::wait_for_err(std::string_view text, std::chrono::milliseconds limit) {
  return poll_file(err_file_, text, limit);
}

bool BackgroundCommand::wait_for_out(std::string_view text, std::chrono::milliseconds limit) {
  return poll_file(out_file_, text, limit);
}

ProcessResult BackgroundCommand::finish(std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (process_->running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ProcessResult result;
  if (process_->running()) {
    process_->stop(std::chrono::milliseconds(0));
  } else {
    const int status = *process_->wait_status();
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  ended_ = std::chrono::steady_clock::now();
  result.out = out();
  result.err = err();
  return result;
}

std::chrono::milliseconds BackgroundCommand::elapsed() const {
  const auto end = ended_ == std::chrono::steady_clock::time_point{} ? std::chrono::steady_clock::now()
                                                                     : ended_;
  return std::chrono::duration_cast<std::chrono::milliseconds>(end - started_);
}

}  // namespace aurora::testing
