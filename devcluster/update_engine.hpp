#pragma once
// Rolls a job update forward (or back) instance by instance and batch by batch, following its
// JobUpdateSettings, the way upstream's JobUpdateController does.

#include <optional>

#include "devcluster/scheduler_core.hpp"

namespace aurora::devcluster {

inline constexpr const char* kPulseTimeoutMessage = "Pulses from external service have timed out.";

// The update asks for pulses (JobUpdateSettings.blockIfNoPulsesAfterMs is set).
bool is_coordinated(const UpdateRecord& update);
// A coordinated update whose last pulse is older than blockIfNoPulsesAfterMs (divided by the
// speed, like every delay).
bool pulse_expired(const SchedulerCore& core, const UpdateRecord& update);

class UpdateEngine {
 public:
  explicit UpdateEngine(SchedulerCore& core) : core_(core) {}

  // Resets the progress for a fresh pass: forward (at start) or back (on rollback).
  void begin_pass(UpdateRecord& update, bool forward);
  // Advances one update as far as it can go now. True if anything changed.
  bool evaluate(UpdateRecord& update);
  // Advances every active update.
  bool evaluate_all();

 private:
  enum class Outcome { Working, Succeeded, Failed };

  std::optional<gen::TaskConfig> target_config(const UpdateRecord& update, int instance,
                                               bool forward) const;
  Outcome evaluate_instance(UpdateRecord& update, int instance, InstanceProgress& progress,
                            bool forward);
  // Starts an instance; false if it was already in its target state (a no-op, not recorded).
  bool start_instance(UpdateRecord& update, int instance, bool forward);
  void record_outcome(UpdateRecord& update, int instance, Outcome outcome, bool forward);
  bool start_more(UpdateRecord& update, bool forward);

  SchedulerCore& core_;
};

}  // namespace aurora::devcluster
