#pragma once
// Runs one Thermos process under a small keeper process of ours, so that everything the process
// starts dies with it, and with devcluster: devcluster is scheduler and agent in one, and when it
// is killed (even with SIGKILL) no task process may outlive it, hold its port or write into a
// sandbox the restarted devcluster reuses.
//
//   devcluster --control pipe--> keeper (own session) --> bash -c CMD (own process group) --> ...
//
// The keeper holds the read end of a pipe whose only write end devcluster holds. When the write
// end closes -- devcluster stops the process, or dies -- the keeper kills the process group and
// exits. When bash exits, the keeper kills what it left behind in its group and exits with bash's
// status. Descriptors devcluster has open (its listening socket, other tasks' pipes) are closed
// in the keeper, so a task inherits none of them. A process that leaves the group (setsid) is not
// followed, as it would not be by a plain Thermos executor without cgroups.

#include <sys/types.h>

#include <optional>
#include <string>

namespace aurora::devcluster {

struct ProcessLaunch {
  std::string directory;    // the sandbox; absolute
  std::string stdout_path;  // absolute
  std::string stderr_path;  // absolute
  std::string command;      // for bash -c
};

class KeptProcess {
 public:
  // Starts the keeper, which starts bash. Throws std::runtime_error when fork or pipe fail.
  explicit KeptProcess(const ProcessLaunch& launch);
  // Stops the process if it still runs.
  ~KeptProcess();
  KeptProcess(KeptProcess&& other) noexcept;
  KeptProcess& operator=(KeptProcess&& other) noexcept;
  KeptProcess(const KeptProcess&) = delete;
  KeptProcess& operator=(const KeptProcess&) = delete;

  // Without blocking: the exit code once the process ended (128 + N when killed by signal N;
  // 127 when bash could not be started), nullopt while it runs.
  std::optional<int> poll_exit();
  // Kills the process group and waits for the keeper; no-op once ended.
  void stop();

 private:
  void release();

  pid_t keeper_ = -1;
  int control_ = -1;  // write end; closing it tells the keeper to stop
};

}  // namespace aurora::devcluster
