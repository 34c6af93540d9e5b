#include "errors/interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "errors/error.hpp"

namespace aurora::interrupt {
namespace {

std::atomic<bool> g_requested{false};
std::atomic<int> g_cooperative_depth{0};

void on_signal(int) {
  g_requested.store(true);
  if (g_cooperative_depth.load() == 0) {
    static const char kMessage[] = "ERROR] Command interrupted by user\n";
    ssize_t ignored = write(STDERR_FILENO, kMessage, sizeof(kMessage) - 1);
    (void)ignored;
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

bool requested() { return g_requested.load(); }

void check() {
  if (requested()) throw Error(ErrorKind::Interrupted, "Command interrupted by user");
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

void reset() { g_requested.store(false); }

}  // namespace aurora::interrupt
