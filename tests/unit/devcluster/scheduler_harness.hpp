#pragma once
// A scheduler on a manual clock: tests move time and watch tasks and updates progress.

#include <functional>

#include "devcluster/clock.hpp"
#include "devcluster/scheduler.hpp"

namespace aurora::devcluster::testing {

struct SchedulerHarness {
  explicit SchedulerHarness(std::optional<StateFile> state_file = std::nullopt)
      : scheduler(settings(), clock, executor, std::move(state_file)) {}
  // With settings of the test's own (e.g. another speed), state in memory.
  explicit SchedulerHarness(const SchedulerSettings& custom)
      : scheduler(custom, clock, executor, std::nullopt) {}

  static SchedulerSettings settings() {
    SchedulerSettings settings;
    settings.hostname = "127.0.0.1";
    return settings;
  }

  // Moves time forward in steps of `step_ms`, ticking after each.
  void advance(int64_t total_ms, int64_t step_ms = 100) {
    for (int64_t elapsed = 0; elapsed < total_ms; elapsed += step_ms) {
      clock.advance_ms(step_ms);
      scheduler.tick();
    }
  }

  // Ticks (100 ms at a time) until `done` holds or `limit_ms` of fake time passed.
  bool advance_until(const std::function<bool()>& done, int64_t limit_ms = 120'000) {
    for (int64_t elapsed = 0; elapsed < limit_ms; elapsed += 100) {
      if (done()) return true;
      clock.advance_ms(100);
      scheduler.tick();
    }
    return done();
  }

  std::vector<gen::ScheduledTask> tasks(const gen::JobKey& job,
                                        std::set<gen::ScheduleStatus::type> statuses = {}) {
    gen::TaskQuery query;
    query.jobKeys = {job};
    query.statuses = std::move(statuses);
    return scheduler.getTasksStatus(query).result.scheduleStatusResult.tasks;
  }

  ManualClock clock;
  SimulatedExecutor executor;
  Scheduler scheduler;
};

}  // namespace aurora::devcluster::testing
