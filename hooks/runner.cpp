#include "hooks/runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>

#include "errors/error.hpp"
#include "errors/interrupt.hpp"

extern char** environ;

namespace aurora::hooks {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How long output pipes are drained after the hook exited (a background child may keep them).
constexpr milliseconds kDrainAfterExit{200};
constexpr milliseconds kTermGrace{2000};

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw Error(ErrorKind::Unknown, std::string("Cannot create a pipe for a hook: ") +
                                        std::strerror(errno));
  }
  Pipe pipe;
  pipe.read = Fd(fds[0]);
  pipe.write = Fd(fds[1]);
  return pipe;
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// aurora's environment with the request's variables replacing any of the same name.
std::vector<std::string> merged_environment(const Environment& extra) {
  std::vector<std::string> merged;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const std::string_view name = text.substr(0, text.find('='));
    bool replaced = false;
    for (const auto& [key, value] : extra) replaced = replaced || key == name;
    if (!replaced) merged.emplace_back(text);
  }
  for (const auto& [key, value] : extra) merged.push_back(key + "=" + value);
  return merged;
}

std::vector<char*> c_strings(std::vector<std::string>& words) {
  std::vector<char*> out;
  for (auto& word : words) out.push_back(word.data());
  out.push_back(nullptr);
  return out;
}

// Only async-signal-safe calls between fork and exec.
[[noreturn]] void exec_child(int in, int out, int err, int status, char* const argv[],
                             char* const envp[]) {
  ::setpgid(0, 0);
  const int targets[3] = {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO};
  const int sources[3] = {in, out, err};
  for (int i = 0; i < 3; ++i) {
    if (sources[i] == targets[i]) {
      ::fcntl(targets[i], F_SETFD, 0);
    } else {
      ::dup2(sources[i], targets[i]);
    }
  }
  // An ignored SIGPIPE would survive exec; the hook gets the default dispositions and mask.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGQUIT}) ::sigaction(sig, &default_action, nullptr);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(argv[0], argv, envp);
  const int code = errno;
  ssize_t ignored = ::write(status, &code, sizeof code);
  (void)ignored;
  ::_exit(127);
}

// Ignores SIGPIPE while alive, so a hook that exits without reading stdin gives EPIPE instead.
class SigpipeIgnored {
 public:
  SigpipeIgnored() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &saved_);
  }
  ~SigpipeIgnored() { ::sigaction(SIGPIPE, &saved_, nullptr); }

 private:
  struct sigaction saved_ {};
};

struct Capture {
  std::string* text;
  size_t* dropped;
  size_t limit;
};

// Reads what is available; false at end of file.
bool read_available(int fd, const Capture& capture) {
  char buffer[16384];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      const size_t room = capture.limit - std::min(capture.limit, capture.text->size());
      const size_t keep = std::min(room, static_cast<size_t>(n));
      capture.text->append(buffer, keep);
      *capture.dropped += static_cast<size_t>(n) - keep;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

// Terminates the hook's process group: SIGTERM, then SIGKILL after the grace period; reaps it.
void stop_group(pid_t pid) {
  ::kill(-pid, SIGTERM);
  const auto deadline = Clock::now() + kTermGrace;
  int status = 0;
  while (Clock::now() < deadline) {
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      ::kill(-pid, SIGKILL);  // whatever the hook left behind in its group
      return;
    }
    std::this_thread::sleep_for(milliseconds(10));
  }
  ::kill(-pid, SIGKILL);
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

std::string HookRun::outcome_phrase(milliseconds timeout) const {
  switch (outcome) {
    case Outcome::Exited: return " with exit code " + std::to_string(exit_code);
    case Outcome::Signaled: return " with signal " + std::to_string(signal);
    case Outcome::TimedOut: {
      const auto ms = timeout.count();
      return ": timed out after " +
             (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms");
    }
    case Outcome::FailedToStart: return ": could not be started: " + start_error;
  }
  return "unknown outcome";
}

HookRun run_hook(const HookRequest& request) {
  interrupt::check();
  interrupt::Cooperative cooperative;  // Ctrl-C stops the hook, not aurora at once
  SigpipeIgnored sigpipe_ignored;
  HookRun run;
  std::vector<std::string> argv_words{request.path.string()};
  argv_words.insert(argv_words.end(), request.arguments.begin(), request.arguments.end());
  std::vector<std::string> env_words = merged_environment(request.environment);
  std::vector<char*> argv = c_strings(argv_words);
  std::vector<char*> envp = c_strings(env_words);

  Pipe in = make_pipe(), out = make_pipe(), err = make_pipe(), status = make_pipe();
  const pid_t pid = ::fork();
  if (pid < 0) {
    run.start_error = std::strerror(errno);
    return run;
  }
  if (pid == 0) {
    exec_child(in.read.get(), out.write.get(), err.write.get(), status.write.get(), argv.data(),
               envp.data());
  }
  ::setpgid(pid, pid);  // also in the child: whichever runs first
  in.read.reset();
  out.write.reset();
  err.write.reset();
  status.write.reset();

  int exec_errno = 0;
  ssize_t got;
  while ((got = ::read(status.read.get(), &exec_errno, sizeof exec_errno)) < 0 && errno == EINTR) {
  }
  if (got == sizeof exec_errno) {
    int ignored;
    ::waitpid(pid, &ignored, 0);
    run.start_error = std::strerror(exec_errno);
    return run;
  }

  set_nonblocking(in.write.get());
  set_nonblocking(out.read.get());
  set_nonblocking(err.read.get());
  const Capture out_capture{&run.out, &run.out_dropped, request.output_limit};
  const Capture err_capture{&run.err, &run.err_dropped, request.output_limit};
  size_t written = 0;
  if (request.input.empty()) in.write.reset();

  const auto deadline = Clock::now() + request.timeout;
  std::optional<Clock::time_point> exited_at;
  int wait_status = 0;
  while (true) {
    if (!exited_at && ::waitpid(pid, &wait_status, WNOHANG) == pid) exited_at = Clock::now();
    if (exited_at && ((!out.read.open() && !err.read.open()) ||
                      Clock::now() - *exited_at > kDrainAfterExit)) {
      break;
    }
    if (!exited_at && Clock::now() >= deadline) {
      stop_group(pid);
      run.outcome = HookRun::Outcome::TimedOut;
      return run;
    }
    if (interrupt::requested()) {
      if (!exited_at) stop_group(pid);
      interrupt::check();
    }

    std::vector<pollfd> fds;
    if (in.write.open()) fds.push_back({in.write.get(), POLLOUT, 0});
    if (out.read.open()) fds.push_back({out.read.get(), POLLIN, 0});
    if (err.read.open()) fds.push_back({err.read.get(), POLLIN, 0});
    const int wait_ms = fds.empty() ? 5 : 50;
    if (::poll(fds.data(), fds.size(), wait_ms) <= 0) continue;
    for (const auto& fd : fds) {
      if (fd.revents == 0) continue;
      if (fd.fd == in.write.get()) {
        const ssize_t n = ::write(fd.fd, request.input.data() + written,
                                  request.input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        // EPIPE: the hook exited or closed stdin without reading it all; that is its right.
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == request.input.size()) {
          in.write.reset();
        }
      } else if (fd.fd == out.read.get()) {
        if (!read_available(fd.fd, out_capture)) out.read.reset();
      } else if (fd.fd == err.read.get()) {
        if (!read_available(fd.fd, err_capture)) err.read.reset();
      }
    }
  }
  if (out.read.open()) read_available(out.read.get(), out_capture);
  if (err.read.open()) read_available(err.read.get(), err_capture);
  if (WIFEXITED(wait_status)) {
    run.outcome = HookRun::Outcome::Exited;
    run.exit_code = WEXITSTATUS(wait_status);
  } else {
    run.outcome = HookRun::Outcome::Signaled;
    run.signal = WTERMSIG(wait_status);
  }
  return run;
}

}  // namespace aurora::hooks
