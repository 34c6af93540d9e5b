#pragma once
// Runs one hook executable as a child process: no shell, its own process group, a document on
// stdin, stdout and stderr captured, and a deadline.

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace aurora::hooks {

using Environment = std::vector<std::pair<std::string, std::string>>;

struct HookRequest {
  std::filesystem::path path;
  std::vector<std::string> arguments;  // after argv[0] (the path)
  Environment environment;             // set on top of aurora's own environment
  std::string input;                   // written to stdin, even if the hook never reads it
  std::chrono::milliseconds timeout{60'000};
  size_t output_limit = 1 << 20;       // bytes kept of each of stdout and stderr
};

struct HookRun {
  enum class Outcome { Exited, Signaled, TimedOut, FailedToStart };
  Outcome outcome = Outcome::FailedToStart;
  int exit_code = 0;           // Exited
  int signal = 0;              // Signaled
  std::string start_error;     // FailedToStart
  std::string out, err;        // captured, up to output_limit each
  size_t out_dropped = 0, err_dropped = 0;

  bool succeeded() const { return outcome == Outcome::Exited && exit_code == 0; }
  // Completes "Hook x failed": " with exit code 3", " with signal 9", ": timed out after 2 s",
  // ": could not be started: <reason>".
  std::string outcome_phrase(std::chrono::milliseconds timeout) const;
};

// Runs the hook to completion. On timeout the hook's process group gets SIGTERM, then SIGKILL
// after two seconds. Ctrl-C (aurora::interrupt) stops the hook the same way and throws
// Error(Interrupted). Output written after the hook itself exited is not waited for.
HookRun run_hook(const HookRequest& request);

}  // namespace aurora::hooks
