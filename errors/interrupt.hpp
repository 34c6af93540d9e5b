#pragma once
// Ctrl-C and SIGTERM handling shared by every layer: long waits poll the flag and stop cleanly.

namespace aurora::interrupt {

// Installs the SIGINT/SIGTERM handler. Outside a Cooperative scope the process exits at once
// (printing upstream's message); inside one, the signal only raises the flag.
void install_handler();

// True once SIGINT or SIGTERM arrived.
bool requested();

// Throws Error(ErrorKind::Interrupted) if requested().
void check();

// 130 after SIGINT (upstream's code for Ctrl-C), 143 after SIGTERM (128 + 15: what upstream's
// client, which did not catch SIGTERM, left its parent to see).
int exit_code();

// "Command interrupted by user" (SIGINT, as upstream) or "Command terminated by SIGTERM".
const char* description();

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
