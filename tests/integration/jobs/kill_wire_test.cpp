// What job kill and killall put on the wire, against a scripted scheduler that records each call:
// unset instances and message stay unset, as upstream's None (the scheduler records an empty
// message as "Killed by USER.\n" where an absent one gives "Killed by USER").
#include <doctest/doctest.h>

#include <atomic>
#include <set>

#include "tests/integration/jobs/scripted_scheduler.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

const std::string kJob = "devcluster/www-data/prod/hello";

// hello has instances 0 and 1, RUNNING until the first killTasks, KILLED after it.
ScriptedScheduler::Answer two_instances_then_killed() {
  auto killed = std::make_shared<std::atomic<bool>>(false);
  return [killed](const ScriptedCall& call) {
    if (call.method == "killTasks") {
      *killed = true;
      return ok_response();
    }
    if (call.method != "getTasksWithoutConfigs") return ok_response();
    const auto status = *killed ? gen::ScheduleStatus::KILLED : gen::ScheduleStatus::RUNNING;
    const auto query = task_query_of(call);
    std::vector<gen::ScheduledTask> tasks;
    for (int32_t id : {0, 1}) {
      if (query.instanceIds.empty() || query.instanceIds.count(id)) {
        tasks.push_back(scripted_task("hello", id, status));
      }
    }
    return tasks_response(tasks);
  };
}

std::vector<KillTasksArguments> kills(const ScriptedScheduler& scheduler) {
  std::vector<KillTasksArguments> found;
  for (const auto& call : scheduler.calls()) {
    if (call.method == "killTasks") found.push_back(kill_tasks_arguments(call));
  }
  return found;
}

}  // namespace

TEST_CASE("killall --no-batching without -m sends neither instances nor a message") {
  ScriptedScheduler scheduler(two_instances_then_killed());
  const auto result = scheduler.aurora({"job", "killall", "--no-batching", kJob});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Job killall succeeded\n");
  const auto sent = kills(scheduler);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].job.role == "www-data");
  CHECK(sent[0].job.environment == "prod");
  CHECK(sent[0].job.name == "hello");
  CHECK_FALSE(sent[0].instances.has_value());
  CHECK_FALSE(sent[0].message.has_value());
}

TEST_CASE("kill --no-batching without -m sends the instances and no message") {
  ScriptedScheduler scheduler(two_instances_then_killed());
  const auto result = scheduler.aurora({"job", "kill", "--no-batching", kJob + "/1"});
  CHECK(result.exit_code == 0);
  const auto sent = kills(scheduler);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].instances == std::set<int32_t>{1});
  CHECK_FALSE(sent[0].message.has_value());
}

TEST_CASE("a batched kill with -m sends the message with every batch") {
  ScriptedScheduler scheduler(two_instances_then_killed());
  const auto result = scheduler.aurora({"job", "kill", "-m", "going away", kJob + "/0-1"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "Successfully killed instances [0]\n"
        "Successfully killed instances [1]\n"
        "Job kill succeeded\n");
  const auto sent = kills(scheduler);
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].instances == std::set<int32_t>{0});
  CHECK(sent[1].instances == std::set<int32_t>{1});
  for (const auto& kill : sent) CHECK(kill.message == std::string("going away"));
}
