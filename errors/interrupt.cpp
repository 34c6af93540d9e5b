#include "errors/interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "errors/error.hpp"

namespace aurora::interrupt {
namespace {

// The signal that arrived (0: none); SIGTERM wins over SIGINT since it asks for more.
std::atomic<int> g_signal{0};
std::atomic<int> g_cooperative_depth{0};

constexpr const char kInterrupted[] = "Command interrupted by user";
constexpr const char kTerminated[] = "Command terminated by SIGTERM";

void write_line(const char* text, size_t length) {
  ssize_t ignored = write(STDERR_FILENO, "ERROR] ", 7);
  ignored = write(STDERR_FILENO, text, length);
  ignored = write(STDERR_FILENO, "\n", 1);
  (void)ignored;
}

void on_signal(int signal_number) {
  if (g_signal.load() != SIGTERM) g_signal.store(signal_number);
  if (g_cooperative_depth.load() == 0) {
    if (signal_number == SIGTERM) {
      write_line(kTerminated, sizeof(kTerminated) - 1);
      _exit(143);
    }
    write_line(kInterrupted, sizeof(kInterrupted) - 1);
    _exit(130);
  }
}

}  // namespace

void install_handler() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool requested() { return g_signal.load() != 0; }

int exit_code() { return g_signal.load() == SIGTERM ? 143 : 130; }

const char* description() { return g_signal.load() == SIGTERM ? kTerminated : kInterrupted; }

void check() {
  if (requested()) throw Error(ErrorKind::Interrupted, description());
}

void sleep_for_ms(long milliseconds) {
  using std::chrono::steady_clock;
  const auto deadline = steady_clock::now() + std::chrono::milliseconds(milliseconds);
  while (true) {
    check();
    const auto now = steady_clock::now();
    if (now >= deadline) return;
    std::this_thread::sleep_for(std::min<steady_clock::duration>(deadline - now,
                                                                 std::chrono::milliseconds(50)));
  }
}

Cooperative::Cooperative() { g_cooperative_depth.fetch_add(1); }
Cooperative::~Cooperative() { g_cooperative_depth.fetch_sub(1); }

void reset() { g_signal.store(0); }

}  // namespace aurora::interrupt
