#include "commands/task/child_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "errors/error.hpp"
#include "errors/interrupt.hpp"

extern char** environ;

namespace aurora::commands::task {
namespace {

std::vector<char*> c_argv(std::vector<std::string>& words) {
  std::vector<char*> out;
  for (auto& word : words) out.push_back(word.data());
  out.push_back(nullptr);
  return out;
}

pid_t spawn(std::vector<std::string> argv, const posix_spawn_file_actions_t* actions) {
  auto args = c_argv(argv);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], actions, nullptr, args.data(), environ);
  if (rc != 0) {
    throw Error(ErrorKind::CommandFailure,
                "Cannot run " + argv[0] + ": " + std::strerror(rc));
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 255;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

CapturedRun run_captured(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw Error(ErrorKind::CommandFailure, std::string("pipe failed: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  pid_t pid = 0;
  try {
    pid = spawn(argv, &actions);
  } catch (...) {
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    throw;
  }
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  CapturedRun result;
  char buffer[8192];
  while (true) {
    const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n > 0) {
      result.output.append(buffer, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  close(pipe_fds[0]);
  result.exit_code = wait_for(pid);
  return result;
}

int run_attached(const std::vector<std::string>& argv, const std::function<void(pid_t)>& started) {
  // The terminal sends Ctrl-C to ssh too; we outlive it to report its status.
  interrupt::Cooperative keep_running;
  const pid_t pid = spawn(argv, nullptr);
  if (started) started(pid);
  return wait_for(pid);
}

}  // namespace aurora::commands::task
