// The job monitor's polling schedule and how it reads a job's tasks.
#include "commands/job/job_monitor.hpp"

#include <doctest/doctest.h>

using namespace aurora;
using namespace aurora::commands::job;
using std::chrono::milliseconds;

namespace {

gen::ScheduledTask task(int32_t instance, gen::ScheduleStatus::type status, int64_t first_event) {
  gen::ScheduledTask t;
  t.assignedTask.instanceId = instance;
  t.status = status;
  gen::TaskEvent event;
  event.timestamp = first_event;
  event.status = gen::ScheduleStatus::PENDING;
  t.taskEvents = {event};
  return t;
}

}  // namespace

TEST_CASE("with a time limit the monitor gives up after 8 checks and 254 seconds of sleep") {
  int checks = 0;
  std::vector<long> sleeps;
  const bool met = poll_until(
      [&] {
        ++checks;
        return false;
      },
      PollSchedule{}, true, [&](milliseconds ms) { sleeps.push_back(ms.count() / 1000); });
  CHECK_FALSE(met);
  CHECK(checks == 8);
  CHECK(sleeps == std::vector<long>{2, 4, 8, 16, 32, 64, 128});
}

TEST_CASE("without a time limit the interval stays at 150 seconds until the condition holds") {
  int checks = 0;
  std::vector<long> sleeps;
  const bool met = poll_until([&] { return ++checks == 11; }, PollSchedule{}, false,
                              [&](milliseconds ms) { sleeps.push_back(ms.count() / 1000); });
  CHECK(met);
  CHECK(sleeps == std::vector<long>{2, 4, 8, 16, 32, 64, 128, 150, 150, 150});
}

TEST_CASE("a condition that already holds needs no sleep") {
  int sleeps = 0;
  CHECK(poll_until([] { return true; }, PollSchedule{}, true, [&](milliseconds) { ++sleeps; }));
  CHECK(sleeps == 0);
}

TEST_CASE("per instance the task that started last decides the status") {
  const auto statuses = latest_status_by_instance({
      task(0, gen::ScheduleStatus::KILLED, 100),
      task(0, gen::ScheduleStatus::RUNNING, 200),
      task(1, gen::ScheduleStatus::FINISHED, 300),
      task(1, gen::ScheduleStatus::PENDING, 50),
  });
  CHECK(statuses.at(0) == gen::ScheduleStatus::RUNNING);
  CHECK(statuses.at(1) == gen::ScheduleStatus::FINISHED);
}

TEST_CASE("RUNNING waits accept live and terminal states, FINISHED only terminal ones") {
  using S = gen::ScheduleStatus;
  CHECK(satisfies(TaskPredicate::RunningOrFinished, S::RUNNING));
  CHECK(satisfies(TaskPredicate::RunningOrFinished, S::KILLING));
  CHECK(satisfies(TaskPredicate::RunningOrFinished, S::FAILED));
  CHECK_FALSE(satisfies(TaskPredicate::RunningOrFinished, S::STARTING));
  CHECK_FALSE(satisfies(TaskPredicate::RunningOrFinished, S::PENDING));
  CHECK(satisfies(TaskPredicate::Terminal, S::KILLED));
  CHECK(satisfies(TaskPredicate::Terminal, S::LOST));
  CHECK_FALSE(satisfies(TaskPredicate::Terminal, S::RUNNING));
  CHECK_FALSE(satisfies(TaskPredicate::Terminal, S::KILLING));
}

TEST_CASE("--wait-until PENDING does not wait") {
  CHECK_FALSE(predicate_for_wait_until("PENDING").has_value());
  CHECK(predicate_for_wait_until("RUNNING") == TaskPredicate::RunningOrFinished);
  CHECK(predicate_for_wait_until("FINISHED") == TaskPredicate::Terminal);
}
