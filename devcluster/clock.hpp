#pragma once
// Time is injected so tests can drive task and update progression without sleeping.

#include <chrono>
#include <cstdint>
#include <mutex>

namespace aurora::devcluster {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch.
  virtual int64_t now_ms() const = 0;
};

class SystemClock : public Clock {
 public:
  int64_t now_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that only moves when told to.
class ManualClock : public Clock {
 public:
  explicit ManualClock(int64_t start_ms = 1'700'000'000'000) : now_(start_ms) {}
  int64_t now_ms() const override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void advance_ms(int64_t delta) {
    std::lock_guard lock(mutex_);
    now_ += delta;
  }

 private:
  mutable std::mutex mutex_;
  int64_t now_;
};

}  // namespace aurora::devcluster
