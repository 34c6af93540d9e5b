#pragma once
// Upstream's JobMonitor: polls a job's tasks with a doubling interval until every returned
// instance satisfies a predicate (create/add --wait-until, and kill waiting for tasks to die).

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::api {
class SchedulerClient;
}

namespace aurora::commands::job {

enum class TaskPredicate {
  RunningOrFinished,  // LIVE_STATES ∪ TERMINAL_STATES (--wait-until RUNNING)
  Terminal,           // TERMINAL_STATES (--wait-until FINISHED, kill)
};

bool satisfies(TaskPredicate predicate, gen::ScheduleStatus::type status);

// --wait-until PENDING|RUNNING|FINISHED: PENDING (nullopt) means no wait at all.
std::optional<TaskPredicate> predicate_for_wait_until(std::string_view state);

// Upstream's intervals: 2 s, doubling, capped at 150 s.
struct PollSchedule {
  std::chrono::milliseconds first{2'000};
  std::chrono::milliseconds cap{150'000};
};

// Per instance, the status of the task whose first event is the latest (a replaced task's
// successor wins over it).
std::map<int32_t, gen::ScheduleStatus::type> latest_status_by_instance(
    const std::vector<gen::ScheduledTask>& tasks);

// The polling loop on its own: checks `condition`, sleeps the schedule's interval between
// checks. With `give_up`, returns false once the condition still fails and the interval has
// reached the cap (8 checks over 254 s with upstream's schedule); otherwise waits forever.
bool poll_until(const std::function<bool()>& condition, const PollSchedule& schedule, bool give_up,
                const std::function<void(std::chrono::milliseconds)>& sleep);

class JobMonitor {
 public:
  // `sleep` defaults to an interruptible sleep (Ctrl-C ends the wait with exit 130).
  JobMonitor(api::SchedulerClient& scheduler, gen::JobKey job, PollSchedule schedule = {},
             std::function<void(std::chrono::milliseconds)> sleep = {});

  // True once every returned task of `instances` (all when nullopt or empty) satisfies
  // `predicate`; zero tasks count as satisfied and a failed poll as zero tasks. False only with
  // `give_up`, after the last check.
  bool wait_until(TaskPredicate predicate, const std::optional<std::set<int32_t>>& instances,
                  bool give_up);

 private:
  bool holds(TaskPredicate predicate, const std::optional<std::set<int32_t>>& instances);

  api::SchedulerClient* scheduler_;
  gen::JobKey job_;
  PollSchedule schedule_;
  std::function<void(std::chrono::milliseconds)> sleep_;
};

}  // namespace aurora::commands::job
