#pragma once
// Upstream's InstanceWatcher with its StatusHealthCheck, as a state machine fed with polls, so the
// restart's notion of "healthy" is tested without a scheduler or a clock.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::commands::job {

struct WatchSettings {
  int watch_secs = 30;  // an instance must stay RUNNING (same task) this long
  // Our addition: an instance not seen RUNNING this long after the restart counts as failed
  // (upstream waited forever). 0 disables the limit.
  int restart_threshold_secs = 600;
};

class BatchWatch {
 public:
  // `started_at` and every `now` are seconds on one monotonic clock; `info` receives the log lines.
  BatchWatch(std::vector<int32_t> batch, WatchSettings settings, double started_at,
             std::function<void(std::string_view)> info);

  // One poll: the batch's RUNNING tasks as the scheduler returned them.
  void observe(const std::vector<gen::ScheduledTask>& running_tasks, double now);

  bool finished() const;
  // Finished instances that did not prove healthy, ascending.
  std::vector<int32_t> failed() const;

 private:
  struct InstanceState {
    bool seen = false;  // a RUNNING task was detected
    std::string task_id;
    double birthday = 0;
    bool finished = false;
    bool healthy = false;

    void finish(bool proved_healthy) {
      finished = true;
      healthy = proved_healthy;
    }
  };

  WatchSettings settings_;
  double started_at_;
  std::function<void(std::string_view)> info_;
  std::map<int32_t, InstanceState> states_;
};

}  // namespace aurora::commands::job
