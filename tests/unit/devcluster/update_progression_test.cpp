#include <doctest/doctest.h>

#include <algorithm>

#include "aurora_api_constants.h"
#include "devcluster/job_keys.hpp"
#include "tests/unit/devcluster/job_fixtures.hpp"
#include "tests/unit/devcluster/scheduler_harness.hpp"

using namespace aurora;
using namespace aurora::devcluster;
using namespace aurora::devcluster::testing;
using Status = gen::JobUpdateStatus;
using Action = gen::JobUpdateAction;

namespace {

std::string first_message(const gen::Response& response) {
  return response.details.empty() ? "" : response.details.front().message;
}

gen::JobUpdateDetails details(SchedulerHarness& harness, const gen::JobUpdateKey& key) {
  gen::JobUpdateQuery query;
  query.__set_key(key);
  auto list =
      harness.scheduler.getJobUpdateDetails(query).result.getJobUpdateDetailsResult.detailsList;
  REQUIRE(list.size() == 1);
  return list.front();
}

Status::type status_of(SchedulerHarness& harness, const gen::JobUpdateKey& key) {
  return details(harness, key).update.summary.state.status;
}

// A running 4-instance job ready to be updated.
gen::JobUpdateKey start_update(SchedulerHarness& harness, gen::JobUpdateRequest request) {
  harness.scheduler.createJob(job_config(job_key(), 4));
  harness.advance(3000);
  auto response = harness.scheduler.startJobUpdate(request, "going live");
  REQUIRE(response.responseCode == gen::ResponseCode::OK);
  return response.result.startJobUpdateResult.key;
}

int count_running_with(SchedulerHarness& harness, const std::string& cmdline) {
  int count = 0;
  for (const auto& task : harness.tasks(job_key(), {gen::ScheduleStatus::RUNNING})) {
    if (task.assignedTask.task.executorConfig.data.find(cmdline) != std::string::npos) ++count;
  }
  return count;
}

std::vector<int> instances_with(const gen::JobUpdateDetails& update, Action::type action) {
  std::vector<int> instances;
  for (const auto& event : update.instanceEvents) {
    if (event.action == action) instances.push_back(event.instanceId);
  }
  return instances;
}

}  // namespace

TEST_CASE("an update rolls forward group by group and records instance events") {
  SchedulerHarness harness;
  auto key = start_update(harness, update_request(job_key(), 4, "echo v2", 2, 1000));
  CHECK(status_of(harness, key) == Status::ROLLING_FORWARD);
  CHECK(harness.tasks(job_key(), {gen::ScheduleStatus::KILLING}).size() == 2);
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_FORWARD; }));
  CHECK(count_running_with(harness, "echo v2") == 4);
  auto update = details(harness, key);
  CHECK(instances_with(update, Action::INSTANCE_UPDATING) == std::vector{0, 1, 2, 3});
  CHECK(instances_with(update, Action::INSTANCE_UPDATED).size() == 4);
  REQUIRE(update.updateEvents.size() == 2);
  CHECK(update.updateEvents.front().message == "going live");
  CHECK(update.updateEvents.front().user == "UNSECURE");
  CHECK(update.update.summary.state.lastModifiedTimestampMs >=
        update.update.summary.state.createdTimestampMs);
}

TEST_CASE("with a queue of one, no second instance starts before the first is healthy") {
  SchedulerHarness harness;
  auto key = start_update(harness, update_request(job_key(), 4, "echo v2", 1, 2000));
  harness.advance(4500);  // killed, rescheduled, running, not yet watched for 2 s
  auto update = details(harness, key);
  CHECK(instances_with(update, Action::INSTANCE_UPDATING) == std::vector{0});
  CHECK(instances_with(update, Action::INSTANCE_UPDATED).empty());
}

TEST_CASE("a batch strategy with autopause pauses after each batch until resumed") {
  SchedulerHarness harness;
  auto request = update_request(job_key(), 4, "echo v2");
  gen::BatchJobUpdateStrategy batch;
  batch.groupSize = 2;
  batch.autopauseAfterBatch = true;
  gen::JobUpdateStrategy strategy;
  strategy.__set_batchStrategy(batch);
  request.settings.__set_updateStrategy(strategy);
  auto key = start_update(harness, request);
  CHECK(harness.advance_until(
      [&] { return status_of(harness, key) == Status::ROLL_FORWARD_PAUSED; }));
  CHECK(count_running_with(harness, "echo v2") == 2);
  CHECK(harness.scheduler.resumeJobUpdate(key, "").responseCode == gen::ResponseCode::OK);
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_FORWARD; }));
  CHECK(count_running_with(harness, "echo v2") == 4);
}

TEST_CASE("variable batches grow as listed") {
  SchedulerHarness harness;
  auto request = update_request(job_key(), 4, "echo v2");
  gen::VariableBatchJobUpdateStrategy batches;
  batches.groupSizes = {1, 3};
  gen::JobUpdateStrategy strategy;
  strategy.__set_varBatchStrategy(batches);
  request.settings.__set_updateStrategy(strategy);
  auto key = start_update(harness, request);
  CHECK(instances_with(details(harness, key), Action::INSTANCE_UPDATING) == std::vector{0});
  CHECK(harness.advance_until([&] {
    return instances_with(details(harness, key), Action::INSTANCE_UPDATING).size() == 4;
  }));
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_FORWARD; }));
}

TEST_CASE("pause holds an update, resume continues it, abort ends it") {
  SchedulerHarness harness;
  auto key = start_update(harness, update_request(job_key(), 4, "echo v2", 1, 1000));
  CHECK(harness.scheduler.pauseJobUpdate(key, "wait").responseCode == gen::ResponseCode::OK);
  CHECK(status_of(harness, key) == Status::ROLL_FORWARD_PAUSED);
  harness.advance(20000);
  CHECK(instances_with(details(harness, key), Action::INSTANCE_UPDATING) == std::vector{0});
  harness.scheduler.resumeJobUpdate(key, "");
  CHECK(status_of(harness, key) == Status::ROLLING_FORWARD);
  CHECK(harness.scheduler.abortJobUpdate(key, "stop").responseCode == gen::ResponseCode::OK);
  CHECK(status_of(harness, key) == Status::ABORTED);
  auto again = harness.scheduler.pauseJobUpdate(key, "");
  CHECK(again.responseCode == gen::ResponseCode::INVALID_REQUEST);
}

TEST_CASE("rollback returns updated instances to their old config") {
  SchedulerHarness harness;
  auto key = start_update(harness, update_request(job_key(), 4, "echo v2", 2, 500));
  CHECK(harness.advance_until(
      [&] { return instances_with(details(harness, key), Action::INSTANCE_UPDATED).size() >= 2; }));
  CHECK(harness.scheduler.rollbackJobUpdate(key, "").responseCode == gen::ResponseCode::OK);
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_BACK; }));
  CHECK(count_running_with(harness, "echo hi") == 4);
  CHECK_FALSE(instances_with(details(harness, key), Action::INSTANCE_ROLLED_BACK).empty());
}

TEST_CASE("an instance that keeps failing rolls the update back when rollbackOnFailure is set") {
  SchedulerHarness harness;
  auto key = start_update(harness, update_request(job_key(), 4, "echo v2", 1, 5000));
  // Fail instance 0's new task as soon as it runs.
  CHECK(harness.advance_until([&] { return count_running_with(harness, "echo v2") == 1; }));
  for (const auto& task : harness.tasks(job_key(), {gen::ScheduleStatus::RUNNING})) {
    if (task.assignedTask.task.executorConfig.data.find("v2") != std::string::npos) {
      harness.scheduler.forceTaskState(task.assignedTask.taskId, gen::ScheduleStatus::FAILED);
    }
  }
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_BACK; }));
  auto update = details(harness, key);
  CHECK(instances_with(update, Action::INSTANCE_UPDATE_FAILED) == std::vector{0});
  bool saw_rolling_back = false;
  for (const auto& event : update.updateEvents) {
    if (event.status == Status::ROLLING_BACK) {
      saw_rolling_back = true;
      CHECK(event.message.rfind("Latest failure: instance 0", 0) == 0);
    }
  }
  CHECK(saw_rolling_back);
  CHECK(count_running_with(harness, "echo hi") == 4);
}

TEST_CASE("a failing update without rollbackOnFailure ends FAILED") {
  SchedulerHarness harness;
  auto request = update_request(job_key(), 4, "echo v2", 1, 5000);
  request.settings.rollbackOnFailure = false;
  auto key = start_update(harness, request);
  CHECK(harness.advance_until([&] { return count_running_with(harness, "echo v2") == 1; }));
  for (const auto& task : harness.tasks(job_key(), {gen::ScheduleStatus::RUNNING})) {
    if (task.assignedTask.task.executorConfig.data.find("v2") != std::string::npos) {
      harness.scheduler.forceTaskState(task.assignedTask.taskId, gen::ScheduleStatus::FAILED);
    }
  }
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::FAILED; }));
}

TEST_CASE("an update that grows and shrinks a job adds and removes instances") {
  SchedulerHarness harness;
  auto key = start_update(harness, update_request(job_key(), 6, "echo hi", 2));
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_FORWARD; }));
  CHECK(harness.tasks(job_key(), {gen::ScheduleStatus::RUNNING}).size() == 6);
  // Instances 0-3 were already right: no events for them.
  CHECK(instances_with(details(harness, key), Action::INSTANCE_UPDATING) == std::vector{4, 5});
  auto shrink = harness.scheduler.startJobUpdate(update_request(job_key(), 2, "echo hi"), "");
  REQUIRE(shrink.responseCode == gen::ResponseCode::OK);
  auto shrink_key = shrink.result.startJobUpdateResult.key;
  CHECK(harness.advance_until(
      [&] { return status_of(harness, shrink_key) == Status::ROLLED_FORWARD; }));
  gen::TaskQuery query;
  query.jobKeys = {job_key()};
  query.statuses = {gen::ScheduleStatus::RUNNING, gen::ScheduleStatus::KILLING};
  CHECK(harness.scheduler.getTasksStatus(query).result.scheduleStatusResult.tasks.size() == 2);
}

TEST_CASE("an unchanged config is a no-op update and a second active update is refused") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 2));
  auto noop = harness.scheduler.startJobUpdate(update_request(job_key(), 2, "echo hi"), "");
  CHECK(noop.responseCode == gen::ResponseCode::OK);
  CHECK_FALSE(bool(noop.__isset.result));
  CHECK(first_message(noop) == "Job is unchanged by proposed update.");
  auto first = harness.scheduler.startJobUpdate(update_request(job_key(), 2, "echo v2"), "");
  REQUIRE(first.responseCode == gen::ResponseCode::OK);
  auto second = harness.scheduler.startJobUpdate(update_request(job_key(), 2, "echo v3"), "");
  CHECK(second.responseCode == gen::ResponseCode::INVALID_REQUEST);
  CHECK(second.result.startJobUpdateResult.key.id == first.result.startJobUpdateResult.key.id);
  CHECK(harness.scheduler.killTasks(job_key(), {}, "").responseCode ==
        gen::ResponseCode::JOB_UPDATING_ERROR);
}

TEST_CASE("update requests are validated with the scheduler's messages") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 2));
  auto request = update_request(job_key(), 2, "echo v2", 0);
  CHECK(first_message(harness.scheduler.startJobUpdate(request, "")) ==
        "updateGroupSize must be positive.");
  request = update_request(job_key(), 2, "echo v2");
  request.taskConfig.isService = false;
  CHECK(first_message(harness.scheduler.startJobUpdate(request, "")) ==
        "Updates are not supported for non-service tasks.");
  request = update_request(job_key(), 2, "echo v2");
  gen::Range range;
  range.first = 7;
  range.last = 7;
  request.settings.updateOnlyTheseInstances = {range};
  CHECK(first_message(harness.scheduler.startJobUpdate(request, "")) ==
        "The update request attempted to update specific instances, but some are irrelevant to "
        "the update and current job state: [7]");
}

TEST_CASE("a coordinated update waits for pulses and blocks when they stop") {
  SchedulerHarness harness;
  auto request = update_request(job_key(), 4, "echo v2", 1, 0);
  request.settings.__set_blockIfNoPulsesAfterMs(1000);
  auto key = start_update(harness, request);
  CHECK(status_of(harness, key) == Status::ROLL_FORWARD_AWAITING_PULSE);
  auto pulse = harness.scheduler.pulseJobUpdate(key);
  CHECK(pulse.result.pulseJobUpdateResult.status == gen::JobUpdatePulseStatus::OK);
  CHECK(status_of(harness, key) == Status::ROLLING_FORWARD);
  harness.advance(1100);
  CHECK(status_of(harness, key) == Status::ROLL_FORWARD_AWAITING_PULSE);
  gen::JobUpdateKey unknown = key;
  unknown.id = "nope";
  CHECK(harness.scheduler.pulseJobUpdate(unknown).result.pulseJobUpdateResult.status ==
        gen::JobUpdatePulseStatus::FINISHED);
}

TEST_CASE("the pulse timeout of a coordinated update is divided by --speed like every delay") {
  auto settings = SchedulerHarness::settings();
  settings.speed = 10;
  SchedulerHarness harness(settings);
  auto request = update_request(job_key(), 4, "echo v2", 1, 0);
  request.settings.__set_blockIfNoPulsesAfterMs(1000);
  auto key = start_update(harness, request);
  harness.scheduler.pulseJobUpdate(key);
  harness.advance(60, 10);
  CHECK(status_of(harness, key) == Status::ROLLING_FORWARD);
  // 1000 ms at speed 10 is 100 ms.
  harness.advance(60, 10);
  CHECK(status_of(harness, key) == Status::ROLL_FORWARD_AWAITING_PULSE);
}

TEST_CASE("getJobUpdateDiff splits instances into add, remove, update and unchanged") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 3));
  auto request = update_request(job_key(), 4, "echo v2");
  gen::Range zero;
  zero.first = 0;
  zero.last = 0;
  gen::Range three;
  three.first = 3;
  three.last = 3;
  request.settings.updateOnlyTheseInstances = {zero, three};
  auto diff = harness.scheduler.getJobUpdateDiff(request).result.getJobUpdateDiffResult;
  REQUIRE(diff.add.size() == 1);
  CHECK(from_ranges(diff.add.begin()->instances) == std::set<int>{3});
  REQUIRE(diff.update.size() == 1);
  CHECK(from_ranges(diff.update.begin()->instances) == std::set<int>{0});
  CHECK(diff.remove.empty());
  REQUIRE(diff.unchanged.size() == 1);
  CHECK(from_ranges(diff.unchanged.begin()->instances) == std::set<int>{1, 2});
}

TEST_CASE("update summaries are filtered by JobUpdateQuery, newest first") {
  SchedulerHarness harness;
  auto key = start_update(harness, update_request(job_key(), 4, "echo v2", 4));
  harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_FORWARD; });
  harness.clock.advance_ms(10);
  auto second = harness.scheduler.startJobUpdate(update_request(job_key(), 4, "echo v3"), "");
  REQUIRE(second.responseCode == gen::ResponseCode::OK);
  gen::JobUpdateQuery query;
  query.__set_jobKey(job_key());
  auto summaries = harness.scheduler.getJobUpdateSummaries(query)
                       .result.getJobUpdateSummariesResult.updateSummaries;
  REQUIRE(summaries.size() == 2);
  CHECK(summaries.front().key.id == second.result.startJobUpdateResult.key.id);
  query.updateStatuses = gen::g_aurora_api_constants.ACTIVE_JOB_UPDATE_STATES;
  CHECK(harness.scheduler.getJobUpdateSummaries(query)
            .result.getJobUpdateSummariesResult.updateSummaries.size() == 1);
  query = {};
  query.role = "nobody";
  CHECK(harness.scheduler.getJobUpdateSummaries(query)
            .result.getJobUpdateSummariesResult.updateSummaries.empty());
}

namespace {

// Fails the running task of `instance` that has the new config; true if there was one.
bool fail_new_task(SchedulerHarness& harness, int instance) {
  for (const auto& task : harness.tasks(job_key(), {gen::ScheduleStatus::RUNNING})) {
    if (task.assignedTask.instanceId == instance &&
        task.assignedTask.task.executorConfig.data.find("v2") != std::string::npos) {
      harness.scheduler.forceTaskState(task.assignedTask.taskId, gen::ScheduleStatus::FAILED);
      return true;
    }
  }
  return false;
}

// Runs an update of 4 instances in groups of 2 where instance 1 fails once (and is retried);
// true if instance 2 started before instance 1 was updated.
bool next_started_before_retried_instance_finished(bool wait_for_batch) {
  SchedulerHarness harness;
  auto request = update_request(job_key(), 4, "echo v2", 2, 1000);
  request.settings.maxPerInstanceFailures = 1;
  request.settings.waitForBatchCompletion = wait_for_batch;
  auto key = start_update(harness, request);
  REQUIRE(harness.advance_until([&] { return fail_new_task(harness, 1); }));
  CHECK(harness.advance_until([&] { return status_of(harness, key) == Status::ROLLED_FORWARD; }));
  auto update = details(harness, key);
  CHECK(instances_with(update, Action::INSTANCE_UPDATE_FAILED).empty());
  int64_t instance_two_started = 0;
  int64_t instance_one_updated = 0;
  for (const auto& event : update.instanceEvents) {
    if (event.instanceId == 2 && event.action == Action::INSTANCE_UPDATING) {
      instance_two_started = event.timestampMs;
    }
    if (event.instanceId == 1 && event.action == Action::INSTANCE_UPDATED) {
      instance_one_updated = event.timestampMs;
    }
  }
  return instance_two_started < instance_one_updated;
}

}  // namespace

TEST_CASE("a queue refills as instances finish but waitForBatchCompletion waits for the batch") {
  CHECK(next_started_before_retried_instance_finished(false));
  CHECK_FALSE(next_started_before_retried_instance_finished(true));
}
