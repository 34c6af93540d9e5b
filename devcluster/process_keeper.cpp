#include "devcluster/process_keeper.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace aurora::devcluster {
namespace {

// The keeper's end of the control pipe is moved here, so that one close_range drops the rest.
constexpr int kControlFd = 3;

int exit_code(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Closes every descriptor from `first` up. Only async-signal-safe calls: we run after fork().
void close_from(int first, long open_max) {
  if (syscall(SYS_close_range, first, ~0U, 0) == 0) return;
  for (long fd = first; fd < open_max; ++fd) close(static_cast<int>(fd));
}

// Everything below runs in forked children of a multithreaded process: async-signal-safe calls
// only, on data prepared before fork().
struct Prepared {
  const ProcessLaunch* launch;
  char* const* argv;
  long open_max;
};

[[noreturn]] void run_worker(const Prepared& prepared) {
  setpgid(0, 0);
  close(kControlFd);
  // devcluster blocks SIGTERM and SIGINT in every thread and ignores SIGPIPE; a task starts with
  // the defaults.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigaction(SIGPIPE, &default_action, nullptr);
  const ProcessLaunch& launch = *prepared.launch;
  if (chdir(launch.directory.c_str()) != 0) _exit(127);
  const int in = open("/dev/null", O_RDONLY);
  const int out = open(launch.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = open(launch.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0 || err < 0) _exit(127);
  if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
  close_from(3, prepared.open_max);
  execve("/bin/bash", prepared.argv, environ);
  _exit(127);
}

[[noreturn]] void run_keeper(const Prepared& prepared, int control) {
  // Out of devcluster's session and process group: a Ctrl-C meant for devcluster reaches
  // devcluster, which then stops its tasks through the pipe.
  setsid();
  sigset_t quiet;
  sigemptyset(&quiet);
  for (int signal_number : {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE}) {
    sigaddset(&quiet, signal_number);
  }
  sigprocmask(SIG_SETMASK, &quiet, nullptr);
  if (control != kControlFd) {
    if (dup2(control, kControlFd) < 0) _exit(127);
  }
  close_from(kControlFd + 1, prepared.open_max);

  const pid_t worker = fork();
  if (worker == 0) run_worker(prepared);
  if (worker < 0) _exit(127);
  // Also here, so that the group exists before we may signal it, whoever runs first.
  setpgid(worker, worker);
  const int worker_fd = static_cast<int>(syscall(SYS_pidfd_open, worker, 0));

  while (true) {
    pollfd fds[2] = {{kControlFd, POLLIN, 0}, {worker_fd, POLLIN, 0}};
    // Without pidfds (kernels before 5.3) we look at the worker every 100 ms.
    const int ready = poll(fds, worker_fd >= 0 ? 2 : 1, worker_fd >= 0 ? -1 : 100);
    int status = 0;
    if (waitpid(worker, &status, WNOHANG) == worker) {
      kill(-worker, SIGKILL);  // what the process left running in its group
      _exit(exit_code(status));
    }
    if (ready > 0 && fds[0].revents != 0) {
      // devcluster closed the pipe: it stops the process, or it is gone.
      kill(-worker, SIGKILL);
      while (waitpid(worker, &status, 0) < 0 && errno == EINTR) {
      }
      _exit(128 + SIGKILL);
    }
  }
}

}  // namespace

KeptProcess::KeptProcess(const ProcessLaunch& launch) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("pipe failed: ") + std::strerror(errno));
  }
  std::string command = launch.command;
  char bash[] = "bash";
  char dash_c[] = "-c";
  char* argv[] = {bash, dash_c, command.data(), nullptr};
  const Prepared prepared{&launch, argv, sysconf(_SC_OPEN_MAX)};
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipe_fds[1]);
    run_keeper(prepared, pipe_fds[0]);
  }
  const int fork_error = errno;
  close(pipe_fds[0]);
  if (pid < 0) {
    close(pipe_fds[1]);
    throw std::runtime_error(std::string("fork failed: ") + std::strerror(fork_error));
  }
  keeper_ = pid;
  control_ = pipe_fds[1];
}

KeptProcess::~KeptProcess() { stop(); }

KeptProcess::KeptProcess(KeptProcess&& other) noexcept
    : keeper_(other.keeper_), control_(other.control_) {
  other.keeper_ = -1;
  other.control_ = -1;
}

KeptProcess& KeptProcess::operator=(KeptProcess&& other) noexcept {
  if (this != &other) {
    stop();
    keeper_ = other.keeper_;
    control_ = other.control_;
    other.keeper_ = -1;
    other.control_ = -1;
  }
  return *this;
}

std::optional<int> KeptProcess::poll_exit() {
  if (keeper_ < 0) return std::nullopt;
  int status = 0;
  if (waitpid(keeper_, &status, WNOHANG) != keeper_) return std::nullopt;
  keeper_ = -1;
  release();
  return exit_code(status);
}

void KeptProcess::stop() {
  release();  // the keeper sees the pipe close and kills the group
  if (keeper_ < 0) return;
  int status = 0;
  while (waitpid(keeper_, &status, 0) < 0 && errno == EINTR) {
  }
  keeper_ = -1;
}

void KeptProcess::release() {
  if (control_ >= 0) close(control_);
  control_ = -1;
}

}  // namespace aurora::devcluster
