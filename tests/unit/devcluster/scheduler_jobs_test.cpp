#include <doctest/doctest.h>

#include <regex>

#include "devcluster/job_keys.hpp"
#include "tests/unit/devcluster/job_fixtures.hpp"
#include "tests/unit/devcluster/scheduler_harness.hpp"

using namespace aurora;
using namespace aurora::devcluster;
using namespace aurora::devcluster::testing;

namespace {

std::string first_message(const gen::Response& response) {
  return response.details.empty() ? "" : response.details.front().message;
}

std::vector<gen::ScheduleStatus::type> statuses_of(const gen::ScheduledTask& task) {
  std::vector<gen::ScheduleStatus::type> statuses;
  for (const auto& event : task.taskEvents) statuses.push_back(event.status);
  return statuses;
}

}  // namespace

TEST_CASE("createJob makes one PENDING task per instance with an upstream-shaped task id") {
  SchedulerHarness harness;
  auto response = harness.scheduler.createJob(job_config(job_key(), 2));
  CHECK(response.responseCode == gen::ResponseCode::OK);
  CHECK(response.serverInfo.clusterName == "devcluster");
  auto tasks = harness.tasks(job_key());
  REQUIRE(tasks.size() == 2);
  std::regex id_shape(
      R"(\d{13}-www-data-prod-hello-[01]-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})");
  for (const auto& task : tasks) {
    CHECK(task.status == gen::ScheduleStatus::PENDING);
    CHECK(std::regex_match(task.assignedTask.taskId, id_shape));
    CHECK(task.assignedTask.task.tier == "preemptible");
  }
}

TEST_CASE("tasks move PENDING, ASSIGNED, STARTING, RUNNING with timestamped events and ports") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 1));
  harness.advance(3000);
  auto tasks = harness.tasks(job_key());
  REQUIRE(tasks.size() == 1);
  const auto& task = tasks.front();
  CHECK(task.status == gen::ScheduleStatus::RUNNING);
  CHECK(statuses_of(task) ==
        std::vector{gen::ScheduleStatus::PENDING, gen::ScheduleStatus::ASSIGNED,
                    gen::ScheduleStatus::STARTING, gen::ScheduleStatus::RUNNING});
  CHECK(task.taskEvents[1].timestamp > task.taskEvents[0].timestamp);
  CHECK(task.assignedTask.slaveHost == "127.0.0.1");
  REQUIRE(task.assignedTask.assignedPorts.count("http") == 1);
  CHECK(task.assignedTask.assignedPorts.at("http") >= 31000);
}

TEST_CASE("--speed divides every task delay") {
  SchedulerSettings settings;
  settings.speed = 10;
  ManualClock clock;
  SimulatedExecutor executor;
  Scheduler scheduler(settings, clock, executor);
  scheduler.createJob(job_config(job_key(), 1));
  for (int i = 0; i < 3; ++i) {
    clock.advance_ms(100);
    scheduler.tick();
  }
  gen::TaskQuery query;
  auto tasks = scheduler.getTasksStatus(query).result.scheduleStatusResult.tasks;
  REQUIRE(tasks.size() == 1);
  CHECK(tasks.front().status == gen::ScheduleStatus::RUNNING);
}

TEST_CASE("creating a job that already exists is INVALID_REQUEST with the scheduler's message") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 1));
  auto response = harness.scheduler.createJob(job_config(job_key(), 1));
  CHECK(response.responseCode == gen::ResponseCode::INVALID_REQUEST);
  CHECK(first_message(response) == "Job www-data/prod/hello already exists");
}

TEST_CASE("bad job configs are rejected with the scheduler's messages") {
  SchedulerHarness harness;
  auto zero = job_config(job_key(), 0);
  CHECK(first_message(harness.scheduler.createJob(zero)) == "Instance count must be positive.");
  auto bad_key = job_config(job_key("bad name"), 1);
  auto response = harness.scheduler.createJob(bad_key);
  CHECK(response.responseCode == gen::ResponseCode::INVALID_REQUEST);
  CHECK(first_message(response) ==
        "Job key JobKey(role:www-data, environment:prod, name:bad name) is invalid.");
  auto cron = job_config(job_key(), 1, "echo", false);
  cron.__set_cronSchedule("* * * * *");
  CHECK(first_message(harness.scheduler.createJob(cron)) ==
        "Cron jobs may only be created/updated by calling scheduleCronJob.");
  auto bad_tier = job_config(job_key(), 1);
  bad_tier.taskConfig.__set_tier("gold");
  CHECK(first_message(harness.scheduler.createJob(bad_tier)) ==
        "Invalid tier 'gold' in TaskConfig.");
}

TEST_CASE("killTasks moves the named instances through KILLING to KILLED with the message") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 3));
  harness.advance(3000);
  auto response = harness.scheduler.killTasks(job_key(), {0, 2}, "bye");
  CHECK(response.responseCode == gen::ResponseCode::OK);
  CHECK(response.details.empty());
  CHECK(harness.tasks(job_key(), {gen::ScheduleStatus::KILLING}).size() == 2);
  harness.advance(1000);
  auto killed = harness.tasks(job_key(), {gen::ScheduleStatus::KILLED});
  REQUIRE(killed.size() == 2);
  auto events = killed.front().taskEvents;
  CHECK(events[events.size() - 2].message == "Killed by UNSECURE.\nMessage: bye");
  CHECK(harness.tasks(job_key(), {gen::ScheduleStatus::RUNNING}).size() == 1);
  CHECK(first_message(harness.scheduler.killTasks(job_key(), {0}, "")) == "No tasks to kill.");
}

TEST_CASE("restartShards restarts instances as new tasks descended from the old ones") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 2));
  harness.advance(3000);
  auto before = harness.tasks(job_key());
  CHECK(harness.scheduler.restartShards(job_key(), {1}).responseCode == gen::ResponseCode::OK);
  CHECK(harness.tasks(job_key(), {gen::ScheduleStatus::RESTARTING}).size() == 1);
  harness.advance(4000);
  auto running = harness.tasks(job_key(), {gen::ScheduleStatus::RUNNING});
  CHECK(running.size() == 2);
  auto replaced = harness.tasks(job_key(), {gen::ScheduleStatus::KILLED});
  REQUIRE(replaced.size() == 1);
  bool found_child = false;
  for (const auto& task : running) {
    if (task.ancestorId == replaced.front().assignedTask.taskId) found_child = true;
  }
  CHECK(found_child);
  CHECK(first_message(harness.scheduler.restartShards(job_key(), {5})) ==
        "Not all requested shards are active.");
}

TEST_CASE("addInstances copies an instance's config to new instance ids after the last one") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 2));
  gen::InstanceKey key;
  key.jobKey = job_key();
  key.instanceId = 0;
  CHECK(harness.scheduler.addInstances(key, 2).responseCode == gen::ResponseCode::OK);
  std::set<int> ids;
  for (const auto& task : harness.tasks(job_key())) ids.insert(task.assignedTask.instanceId);
  CHECK(ids == std::set<int>{0, 1, 2, 3});
  key.instanceId = 9;
  CHECK(first_message(harness.scheduler.addInstances(key, 1)) ==
        "No active task found for a given instance ID.");
}

TEST_CASE(
    "a non-service task finishes on its own and a failed one is retried up to maxTaskFailures") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key("batch"), 1, "true", false));
  CHECK(harness.advance_until([&] {
    return harness.tasks(job_key("batch"), {gen::ScheduleStatus::FINISHED}).size() == 1;
  }));
  auto job = job_config(job_key("flaky"), 1, "false", false);
  job.taskConfig.maxTaskFailures = 2;
  harness.scheduler.createJob(job);
  harness.advance(3000);
  auto first = harness.tasks(job_key("flaky")).front();
  harness.scheduler.forceTaskState(first.assignedTask.taskId, gen::ScheduleStatus::FAILED);
  auto pending = harness.tasks(job_key("flaky"), {gen::ScheduleStatus::PENDING});
  REQUIRE(pending.size() == 1);
  CHECK(pending.front().failureCount == 1);
  harness.advance(3000);
  auto second = harness.tasks(job_key("flaky"), {gen::ScheduleStatus::RUNNING}).front();
  harness.scheduler.forceTaskState(second.assignedTask.taskId, gen::ScheduleStatus::FAILED);
  CHECK(harness.tasks(job_key("flaky"), {gen::ScheduleStatus::PENDING}).empty());
}

TEST_CASE("getTasksWithoutConfigs filters by TaskQuery and leaves out the executor config") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 3));
  harness.scheduler.createJob(job_config(job_key("other"), 1));
  gen::TaskQuery query;
  query.role = "www-data";
  query.jobName = "hello";
  query.instanceIds = {1, 2};
  auto tasks = harness.scheduler.getTasksWithoutConfigs(query).result.scheduleStatusResult.tasks;
  REQUIRE(tasks.size() == 2);
  CHECK_FALSE(bool(tasks.front().assignedTask.task.__isset.executorConfig));
  query.limit = 1;
  CHECK(harness.scheduler.getTasksStatus(query).result.scheduleStatusResult.tasks.size() == 1);
}

TEST_CASE("getTierConfigs returns upstream's tiers with preferred as the default") {
  SchedulerHarness harness;
  auto tiers = harness.scheduler.getTierConfigs().result.getTierConfigResult;
  CHECK(tiers.defaultTierName == "preferred");
  std::map<std::string, std::map<std::string, std::string>> by_name;
  for (const auto& tier : tiers.tiers) by_name[tier.name] = tier.settings;
  CHECK(by_name.size() == 3);
  CHECK(by_name["preemptible"]["preemptible"] == "true");
  CHECK(by_name["preferred"]["preemptible"] == "false");
  CHECK(by_name["revocable"]["revocable"] == "true");
}

TEST_CASE("getQuota reports the quota and what production and other tasks consume") {
  SchedulerHarness harness;
  auto job = job_config(job_key(), 2);
  job.taskConfig.__set_tier("preferred");
  harness.scheduler.createJob(job);
  gen::ResourceAggregate quota;
  gen::Resource cpus;
  cpus.__set_numCpus(10.0);
  quota.resources.insert(cpus);
  harness.scheduler.setQuota("www-data", quota);
  auto result = harness.scheduler.getQuota("www-data").result.getQuotaResult;
  double prod_cpus = 0;
  for (const auto& resource : result.prodSharedConsumption.resources) {
    if (resource.__isset.numCpus) prod_cpus = resource.numCpus;
  }
  CHECK(prod_cpus == doctest::Approx(0.2));
  CHECK(bool(result.__isset.nonProdSharedConsumption));
  bool has_quota_cpus = false;
  for (const auto& resource : result.quota.resources) {
    if (resource.__isset.numCpus && resource.numCpus == 10.0) has_quota_cpus = true;
  }
  CHECK(has_quota_cpus);
}

TEST_CASE("a production job beyond its role's quota is refused") {
  SchedulerHarness harness;
  gen::ResourceAggregate quota;
  gen::Resource cpus;
  cpus.__set_numCpus(0.15);
  gen::Resource ram;
  ram.__set_ramMb(1000);
  gen::Resource disk;
  disk.__set_diskMb(1000);
  quota.resources = {cpus, ram, disk};
  harness.scheduler.setQuota("www-data", quota);
  auto job = job_config(job_key(), 2);
  job.taskConfig.__set_tier("preferred");
  auto response = harness.scheduler.createJob(job);
  CHECK(response.responseCode == gen::ResponseCode::INVALID_REQUEST);
  CHECK(first_message(response).rfind("Insufficient resource quota: ", 0) == 0);
}

TEST_CASE("cron jobs are scheduled, started on demand and descheduled") {
  SchedulerHarness harness;
  auto cron = job_config(job_key("nightly"), 2, "echo", false);
  cron.__set_cronSchedule("0 3 * * *");
  CHECK(harness.scheduler.scheduleCronJob(cron).responseCode == gen::ResponseCode::OK);
  auto jobs = harness.scheduler.getJobs("www-data").result.getJobsResult.configs;
  REQUIRE(jobs.size() == 1);
  CHECK(jobs.begin()->cronSchedule == "0 3 * * *");
  auto summary =
      *harness.scheduler.getJobSummary("www-data").result.jobSummaryResult.summaries.begin();
  CHECK(bool(summary.__isset.nextCronRunMs));
  CHECK(harness.scheduler.startCronJob(job_key("nightly")).responseCode == gen::ResponseCode::OK);
  CHECK(harness.tasks(job_key("nightly")).size() == 2);
  CHECK(harness.scheduler.descheduleCronJob(job_key("nightly")).details.empty());
  CHECK(first_message(harness.scheduler.descheduleCronJob(job_key("nightly"))) ==
        "Job www-data/prod/nightly is not scheduled with cron");
  auto no_schedule = job_config(job_key("plain"), 1, "echo", false);
  CHECK(first_message(harness.scheduler.scheduleCronJob(no_schedule)) ==
        "Job www-data/prod/plain has no cron schedule");
}

TEST_CASE("job, role and config summaries describe the running jobs") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 2));
  harness.advance(3000);
  auto roles = harness.scheduler.getRoleSummary().result.roleSummaryResult.summaries;
  REQUIRE(roles.size() == 1);
  CHECK(roles.begin()->jobCount == 1);
  auto jobs = harness.scheduler.getJobSummary("www-data").result.jobSummaryResult.summaries;
  REQUIRE(jobs.size() == 1);
  CHECK(jobs.begin()->stats.activeTaskCount == 2);
  auto config = harness.scheduler.getConfigSummary(job_key()).result.configSummaryResult.summary;
  REQUIRE(config.groups.size() == 1);
  CHECK(from_ranges(config.groups.begin()->instances) == std::set<int>{0, 1});
}

TEST_CASE("getPendingReason answers for PENDING tasks and refuses status filters") {
  SchedulerHarness harness;
  harness.scheduler.createJob(job_config(job_key(), 1));
  gen::TaskQuery query;
  query.jobKeys = {job_key()};
  auto reasons = harness.scheduler.getPendingReason(query).result.getPendingReasonResult.reasons;
  CHECK(reasons.size() == 1);
  query.statuses = {gen::ScheduleStatus::RUNNING};
  auto refused = harness.scheduler.getPendingReason(query);
  CHECK(refused.responseCode == gen::ResponseCode::INVALID_REQUEST);
  // Upstream appends the query as Java's Thrift toString() renders it: every field in IDL order,
  // null for an unset one.
  CHECK(refused.details.at(0).message ==
        "Statuses is not supported in TaskQuery(role:null, environment:null, jobName:null, "
        "taskIds:null, statuses:[RUNNING], instanceIds:null, slaveHosts:null, "
        "jobKeys:[JobKey(role:www-data, environment:prod, name:hello)], offset:0, limit:0)");
  query.statuses.clear();
  query.__set_slaveHosts({"127.0.0.1"});
  query.__set_instanceIds({0, 1});
  query.__set_limit(5);
  refused = harness.scheduler.getPendingReason(query);
  CHECK(refused.responseCode == gen::ResponseCode::INVALID_REQUEST);
  CHECK(refused.details.at(0).message ==
        "SlaveHosts are not supported in TaskQuery(role:null, environment:null, jobName:null, "
        "taskIds:null, statuses:null, instanceIds:[0, 1], slaveHosts:[127.0.0.1], "
        "jobKeys:[JobKey(role:www-data, environment:prod, name:hello)], offset:0, limit:5)");
}

TEST_CASE("populateJobConfig returns the task config with the scheduler's defaults filled in") {
  SchedulerHarness harness;
  auto response = harness.scheduler.populateJobConfig(job_config(job_key(), 1));
  REQUIRE(response.responseCode == gen::ResponseCode::OK);
  const auto& task = response.result.populateJobResult.taskConfig;
  CHECK(task.tier == "preemptible");
  CHECK(task.taskLinks.at("http") == "http://%host%:%port:http%");
  auto bad = job_config(job_key(), 0);
  CHECK(first_message(harness.scheduler.populateJobConfig(bad)) ==
        "Invalid configuration: Instance count must be positive.");
}

TEST_CASE("a cron job runs by itself when its schedule comes round") {
  SchedulerHarness harness;
  auto cron = job_config(job_key("minutely"), 1, "echo", false);
  cron.__set_cronSchedule("* * * * *");
  REQUIRE(harness.scheduler.scheduleCronJob(cron).responseCode == gen::ResponseCode::OK);
  harness.advance(30'000, 1000);
  CHECK(harness.tasks(job_key("minutely")).empty());
  harness.advance(30'000, 1000);
  CHECK(harness.tasks(job_key("minutely")).size() == 1);
}
