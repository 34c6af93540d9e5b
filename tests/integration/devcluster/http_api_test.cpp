// aurora-devcluster over real HTTP: protocols, job lifecycle, and state surviving SIGKILL.

#include <doctest/doctest.h>

#include "aurora_api_constants.h"
#include "tests/integration/devcluster/devcluster_client.hpp"
#include "tests/integration/devcluster/devcluster_process.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/unit/devcluster/job_fixtures.hpp"

using namespace aurora;
using namespace aurora::devcluster::testing;

namespace {

std::vector<gen::ScheduledTask> job_tasks(DevclusterClient& client, const gen::JobKey& job,
                                          std::set<gen::ScheduleStatus::type> statuses = {}) {
  gen::TaskQuery query;
  query.__set_jobKeys({job});
  query.__set_statuses(std::move(statuses));
  return DEVCLUSTER_CALL(client, getTasksWithoutConfigs, query).result.scheduleStatusResult.tasks;
}

gen::JobUpdateDetails update_details(DevclusterClient& client, const gen::JobUpdateKey& key) {
  gen::JobUpdateQuery query;
  query.__set_key(key);
  auto list = DEVCLUSTER_CALL(client, getJobUpdateDetails, query)
                  .result.getJobUpdateDetailsResult.detailsList;
  if (list.size() != 1) throw std::runtime_error("update not found");
  return list.front();
}

}  // namespace

TEST_CASE("devcluster answers TBinary and TJSON calls on one keep-alive connection") {
  aurora::testing::TempDir dir("devcluster-http-");
  DevclusterProcess devcluster(dir.path(), {"--speed", "50"});
  DevclusterClient binary(devcluster.port(), WireEncoding::Binary);
  DevclusterClient json(devcluster.port(), WireEncoding::Json);
  for (int i = 0; i < 3; ++i) {
    auto tiers = DEVCLUSTER_CALL(binary, getTierConfigs);
    CHECK(tiers.responseCode == gen::ResponseCode::OK);
    CHECK(tiers.result.getTierConfigResult.defaultTierName == "preferred");
  }
  CHECK(binary.http().connections_opened() == 1);
  auto jobs = DEVCLUSTER_CALL(json, getJobs, "www-data");
  CHECK(jobs.responseCode == gen::ResponseCode::OK);
  CHECK(jobs.serverInfo.clusterName == "devcluster");
}

TEST_CASE("devcluster picks the reply encoding from Accept and refuses unknown content types") {
  aurora::testing::TempDir dir("devcluster-http-");
  DevclusterProcess devcluster(dir.path(), {});
  LoopbackHttp http(devcluster.port());
  std::string call = R"([1,"getTierConfigs",1,0,{}])";
  auto reply = http.request("POST", "/api", {{"Content-Type", "application/json"}}, call);
  CHECK(reply.status == 200);
  CHECK(reply.headers["content-type"] == "application/vnd.apache.thrift.json");
  CHECK(reply.body.find("preferred") != std::string::npos);
  reply = http.request("POST", "/api", {{"Content-Type", "text/plain"}}, call);
  CHECK(reply.status == 415);
  CHECK(reply.body == "Unsupported Content-Type: text/plain");
  reply = http.request("GET", "/health", {}, "");
  CHECK(reply.status == 200);
}

TEST_CASE("calls devcluster does not model answer ERROR with the configured cluster name") {
  aurora::testing::TempDir dir("devcluster-http-");
  DevclusterProcess devcluster(dir.path(), {"--cluster-name", "west"});
  DevclusterClient client(devcluster.port());
  const auto response = DEVCLUSTER_CALL(client, performBackup);
  CHECK(response.responseCode == gen::ResponseCode::ERROR);
  CHECK(response.details.at(0).message == "performBackup is not supported by aurora-devcluster.");
  CHECK(response.serverInfo.clusterName == "west");
}

// Upstream's TContentAwareServlet looks the parsed MediaType up in a map, and MediaType equality
// includes parameters; a missing Content-Type fails in Optional.of(null) before any lookup.
TEST_CASE("devcluster matches media types exactly as upstream's servlet does") {
  aurora::testing::TempDir dir("devcluster-http-");
  DevclusterProcess devcluster(dir.path(), {});
  LoopbackHttp http(devcluster.port());
  const std::string call = R"([1,"getTierConfigs",1,0,{}])";

  auto reply =
      http.request("POST", "/api", {{"Content-Type", "application/json; charset=utf-8"}}, call);
  CHECK(reply.status == 415);
  CHECK(reply.body == "Unsupported Content-Type: application/json; charset=utf-8");

  reply = http.request("POST", "/api", {}, call);
  CHECK(reply.status == 500);

  // Type and subtype compare without regard to case.
  reply = http.request("POST", "/api", {{"Content-Type", "Application/JSON"}}, call);
  CHECK(reply.status == 200);

  // An Accept with parameters matches no entry, so the reply takes the default, TJSON.
  reply = http.request("POST", "/api",
                       {{"Content-Type", "application/json"},
                        {"Accept", "application/vnd.apache.thrift.binary; q=1"}},
                       call);
  CHECK(reply.status == 200);
  CHECK(reply.headers["content-type"] == "application/vnd.apache.thrift.json");
  CHECK(reply.body.find("preferred") != std::string::npos);
}

TEST_CASE("a job created over HTTP runs, and kill takes it through KILLING to KILLED") {
  aurora::testing::TempDir dir("devcluster-http-");
  DevclusterProcess devcluster(dir.path(),
                               {"--speed", "50", "--state-dir", (dir.path() / "state").string()});
  DevclusterClient client(devcluster.port());
  auto job = job_config(job_key(), 2);
  auto created = DEVCLUSTER_CALL(client, createJob, job);
  REQUIRE(created.responseCode == gen::ResponseCode::OK);
  auto duplicate = DEVCLUSTER_CALL(client, createJob, job);
  CHECK(duplicate.responseCode == gen::ResponseCode::INVALID_REQUEST);
  CHECK(duplicate.details.at(0).message == "Job www-data/prod/hello already exists");
  CHECK(eventually(
      [&] { return job_tasks(client, job_key(), {gen::ScheduleStatus::RUNNING}).size() == 2; }));
  std::set<int32_t> instances = {1};
  auto killed = DEVCLUSTER_CALL(client, killTasks, job_key(), instances, "done");
  CHECK(killed.responseCode == gen::ResponseCode::OK);
  CHECK(eventually(
      [&] { return job_tasks(client, job_key(), {gen::ScheduleStatus::KILLED}).size() == 1; }));
  CHECK(job_tasks(client, job_key(), {gen::ScheduleStatus::RUNNING}).size() == 1);
}

TEST_CASE("SIGKILL in the middle of an update loses nothing: the update resumes after restart") {
  aurora::testing::TempDir dir("devcluster-crash-");
  std::vector<std::string> options = {"--speed", "20", "--state-dir",
                                      (dir.path() / "state").string()};
  gen::JobUpdateKey key;
  gen::JobUpdateDetails before;
  std::vector<gen::ScheduledTask> tasks_before;
  {
    DevclusterProcess devcluster(dir.path(), options);
    DevclusterClient client(devcluster.port());
    REQUIRE(DEVCLUSTER_CALL(client, createJob, job_config(job_key(), 4)).responseCode ==
            gen::ResponseCode::OK);
    REQUIRE(eventually(
        [&] { return job_tasks(client, job_key(), {gen::ScheduleStatus::RUNNING}).size() == 4; }));
    auto request = update_request(job_key(), 4, "echo v2", 1, 4000);
    auto started = DEVCLUSTER_CALL(client, startJobUpdate, request, "crash test");
    REQUIRE(started.responseCode == gen::ResponseCode::OK);
    key = started.result.startJobUpdateResult.key;
    REQUIRE(eventually([&] {
      for (const auto& event : update_details(client, key).instanceEvents) {
        if (event.action == gen::JobUpdateAction::INSTANCE_UPDATED) return true;
      }
      return false;
    }));
    before = update_details(client, key);
    tasks_before = job_tasks(client, job_key());
    devcluster.kill_hard();
  }
  REQUIRE(gen::g_aurora_api_constants.ACTIVE_JOB_UPDATE_STATES.count(
              before.update.summary.state.status) == 1);

  DevclusterProcess restarted(dir.path(), options);
  DevclusterClient client(restarted.port());
  auto after = update_details(client, key);
  CHECK(after.update.summary == before.update.summary);
  REQUIRE(after.instanceEvents.size() >= before.instanceEvents.size());
  for (std::size_t i = 0; i < before.instanceEvents.size(); ++i) {
    CHECK(after.instanceEvents[i] == before.instanceEvents[i]);
  }
  std::set<std::string> ids_after;
  for (const auto& task : job_tasks(client, job_key())) ids_after.insert(task.assignedTask.taskId);
  for (const auto& task : tasks_before) CHECK(ids_after.count(task.assignedTask.taskId) == 1);
  CHECK(eventually([&] {
    return update_details(client, key).update.summary.state.status ==
           gen::JobUpdateStatus::ROLLED_FORWARD;
  }));
}
