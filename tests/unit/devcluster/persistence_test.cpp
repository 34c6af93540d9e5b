#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "devcluster/state_codec.hpp"
#include "devcluster/state_file.hpp"
#include "tests/unit/devcluster/job_fixtures.hpp"
#include "tests/unit/devcluster/scheduler_harness.hpp"

using namespace aurora;
using namespace aurora::devcluster;
using namespace aurora::devcluster::testing;

namespace {

struct ScratchDir {
  ScratchDir() {
    char pattern[] = "/tmp/devcluster-state-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

}  // namespace

TEST_CASE("the state survives encoding to JSON and back unchanged") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 2));
  harness.advance(3000);
  harness.scheduler.startJobUpdate(update_request(job_key(), 3, "echo v2", 1, 1000), "msg");
  harness.advance(1500);
  ClusterState state = harness.scheduler.snapshot();
  ClusterState decoded = decode_state(nlohmann::json::parse(encode_state(state).dump()));
  CHECK(decoded.tasks == state.tasks);
  REQUIRE(decoded.updates.size() == 1);
  CHECK(decoded.updates[0].details == state.updates[0].details);
  CHECK(decoded.updates[0].progress.order == state.updates[0].progress.order);
  CHECK(decoded.updates[0].progress.next_index == state.updates[0].progress.next_index);
  CHECK(decoded.next_port == state.next_port);
}

TEST_CASE("a scheduler restarted on the same state directory sees every job, task and update") {
  ScratchDir directory;
  gen::JobUpdateKey key;
  ClusterState before;
  {
    SchedulerHarness harness{StateFile(directory.path)};
    harness.scheduler.createJob(job_config(job_key(), 2));
    harness.advance(3000);
    key = harness.scheduler.startJobUpdate(update_request(job_key(), 2, "echo v2", 1, 1000), "")
              .result.startJobUpdateResult.key;
    harness.advance(1500);
    before = harness.scheduler.snapshot();
  }
  SchedulerHarness restarted{StateFile(directory.path)};
  ClusterState after = restarted.scheduler.snapshot();
  CHECK(after.tasks == before.tasks);
  REQUIRE(after.updates.size() == 1);
  CHECK(after.updates[0].details == before.updates[0].details);
  // The clock of the restarted scheduler starts where the test's manual clocks start; the update
  // still finishes.
  restarted.clock.advance_ms(5000);
  CHECK(restarted.advance_until([&] {
    return restarted.scheduler.snapshot().updates[0].status() ==
           gen::JobUpdateStatus::ROLLED_FORWARD;
  }));
}

TEST_CASE("the state file is replaced atomically and no temp file is left behind") {
  ScratchDir directory;
  StateFile file(directory.path);
  CHECK_FALSE(file.load().has_value());
  ClusterState state;
  state.next_port = 31234;
  file.save(state);
  CHECK(std::filesystem::exists(file.path()));
  CHECK_FALSE(std::filesystem::exists(directory.path / "state.json.tmp"));
  CHECK(file.load()->next_port == 31234);
}

TEST_CASE("a corrupt state file is reported instead of silently starting empty") {
  ScratchDir directory;
  std::ofstream(directory.path / "state.json") << "{not json";
  StateFile file(directory.path);
  CHECK_THROWS_AS(file.load(), std::runtime_error);
}

TEST_CASE(
    "with real processes, tasks left on the agent by a crash come back LOST and rescheduled") {
  ScratchDir directory;
  {
    SchedulerHarness harness{StateFile(directory.path)};
    harness.scheduler.createJob(job_config(job_key(), 1));
    harness.advance(3000);
  }
  SchedulerSettings settings;
  settings.tasks_run_processes = true;
  ManualClock clock;
  SimulatedExecutor executor;
  Scheduler restarted(settings, clock, executor, StateFile(directory.path));
  gen::TaskQuery query;
  auto tasks = restarted.getTasksStatus(query).result.scheduleStatusResult.tasks;
  REQUIRE(tasks.size() == 2);
  std::multiset<gen::ScheduleStatus::type> statuses;
  for (const auto& task : tasks) statuses.insert(task.status);
  CHECK(statuses == std::multiset{gen::ScheduleStatus::PENDING, gen::ScheduleStatus::LOST});
}

TEST_CASE("a state directory is used by one devcluster at a time") {
  ScratchDir directory;
  auto first = std::make_unique<StateDirectoryLock>(directory.path);
  CHECK_THROWS_AS(StateDirectoryLock{directory.path}, std::runtime_error);
  first.reset();
  CHECK_NOTHROW(StateDirectoryLock{directory.path});
}
