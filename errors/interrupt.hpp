#pragma once
// Ctrl-C handling shared by every layer: long waits poll the flag and stop cleanly.

namespace aurora::interrupt {

// Installs the SIGINT/SIGTERM handler. Outside a Cooperative scope the process exits 130 at once
// (printing upstream's message); inside one, the signal only raises the flag.
void install_handler();

// True once SIGINT or SIGTERM arrived.
bool requested();

// Throws Error(ErrorKind::Interrupted) if requested().
void check();

// Sleeps up to `milliseconds`, returning early (and throwing) when interrupted.
void sleep_for_ms(long milliseconds);

// While alive, a signal sets the flag instead of exiting, so the holder can stop between steps.
class Cooperative {
 public:
  Cooperative();
  ~Cooperative();
  Cooperative(const Cooperative&) = delete;
  Cooperative& operator=(const Cooperative&) = delete;
};

// For tests: clears the flag.
void reset();

}  // namespace aurora::interrupt
