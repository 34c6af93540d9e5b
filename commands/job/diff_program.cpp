#include "commands/job/diff_program.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "errors/error.hpp"

extern char** environ;

namespace aurora::commands::job {
namespace {

[[noreturn]] void fail(const std::string& reason) {
  throw Error(ErrorKind::CommandFailure, "Error running diff: " + reason);
}

// A file under $TMPDIR holding `contents`, removed when this goes out of scope.
class TempFile {
 public:
  TempFile(const std::string& label, const std::string& contents) {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/aurora-diff-" + label + "-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) fail("cannot create a temporary file in " + pattern + ": " + std::strerror(errno));
    path_ = pattern;
    size_t written = 0;
    while (written < contents.size()) {
      const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        ::close(fd);
        fail("cannot write " + path_ + ": " + std::strerror(errno));
      }
      written += static_cast<size_t>(n);
    }
    ::close(fd);
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Reads both pipes to their end together, so that neither can fill up and stall the child.
void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&out, &err};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      } else {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      }
    }
  }
}

}  // namespace

std::vector<std::string> diff_viewer_command() {
  std::vector<std::string> words;
  if (const char* viewer = std::getenv("DIFF_VIEWER")) {
    std::istringstream in(viewer);
    std::string word;
    while (in >> word) words.push_back(word);
  }
  if (words.empty()) words.push_back("diff");
  return words;
}

std::string run_diff_program(const std::vector<std::string>& command, const std::string& remote,
                             const std::string& local) {
  const TempFile remote_file("remote", remote);
  const TempFile local_file("local", local);
  std::vector<std::string> argv = command;
  argv.push_back(remote_file.path());
  argv.push_back(local_file.path());
  std::vector<char*> args;
  for (auto& word : argv) args.push_back(word.data());
  args.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) fail(std::strerror(errno));
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    fail(std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    fail("cannot run " + command.front() + ": " + std::strerror(rc));
  }
  std::string out, err;
  drain(out_pipe[0], err_pipe[0], out, err);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    fail(command.front() + " was killed by signal " + std::to_string(WTERMSIG(status)) +
         (err.empty() ? "" : ": " + err));
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // posix_spawnp reports a missing program as exit 127 of the child on glibc.
  if (code == 127 && out.empty() && err.empty()) fail("cannot run " + command.front());
  if (code != 0 && code != 1) fail(err);
  return out;
}

}  // namespace aurora::commands::job
