#pragma once
// ssh and scp are started from an argv vector with posix_spawnp: no local shell ever reads the
// words, so nothing in them is interpreted on this side.

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace aurora::commands::task {

struct CapturedRun {
  int exit_code = 0;   // the exit status, or 128 + signal number
  std::string output;  // stdout and stderr, interleaved as written
};

// Runs argv[0] (searched in PATH) with stdin from /dev/null and stdout and stderr merged into one
// captured stream. Throws Error(CommandFailure) when the program cannot be started.
CapturedRun run_captured(const std::vector<std::string>& argv);

// Runs argv[0] on the user's terminal (inherited stdin, stdout and stderr); `started` receives the
// child's pid before the wait. Returns the exit status (128 + signal number when killed). While it
// runs, Ctrl-C reaches the child and we wait for it rather than exit.
int run_attached(const std::vector<std::string>& argv, const std::function<void(pid_t)>& started);

}  // namespace aurora::commands::task
