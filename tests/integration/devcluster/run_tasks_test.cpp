// --run-tasks: processes really run with bash in sandboxes laid out like a Mesos agent's.

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "aurora_api_constants.h"
#include "tests/integration/devcluster/devcluster_client.hpp"
#include "tests/integration/devcluster/devcluster_process.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/unit/devcluster/job_fixtures.hpp"

using namespace aurora;
using namespace aurora::devcluster::testing;
using aurora::testing::read_file;

namespace {


gen::JobConfiguration two_step_job(const gen::JobKey& key, const std::string& second_cmdline) {
  auto job = job_config(key, 1, "", false);
  job.taskConfig.executorConfig.data =
      R"({"task": {"name": "t", "processes": [)"
      R"({"name": "first", "cmdline": "echo port={{thermos.ports[http]}} instance={{mesos.instance}} > out.txt", "max_failures": 1},)"
      R"({"name": "second", "cmdline": ")" +
      second_cmdline +
      R"(", "max_failures": 1}],)"
      R"( "constraints": [{"order": ["first", "second"]}]}})";
  return job;
}

gen::ScheduledTask only_task(DevclusterClient& client, const gen::JobKey& key) {
  gen::TaskQuery query;
  query.__set_jobKeys({key});
  auto tasks = DEVCLUSTER_CALL(client, getTasksStatus, query).result.scheduleStatusResult.tasks;
  if (tasks.empty()) throw std::runtime_error("no task");
  return tasks.back();
}

}  // namespace

TEST_CASE("a non-service task runs its processes in order in its sandbox and finishes") {
  aurora::testing::TempDir dir("devcluster-run-");
  auto root = dir.path() / "mesos";
  DevclusterProcess devcluster(dir.path(),
                               {"--speed", "50", "--run-tasks", "--sandbox-root", root.string()});
  DevclusterClient client(devcluster.port());
  auto key = job_key("batch");
  REQUIRE(DEVCLUSTER_CALL(client, createJob, two_step_job(key, "cat out.txt >> done.txt"))
              .responseCode == gen::ResponseCode::OK);
  REQUIRE(
      eventually([&] { return only_task(client, key).status == gen::ScheduleStatus::FINISHED; }));
  auto task = only_task(client, key);
  auto sandbox = root / "slaves" / task.assignedTask.slaveId / "frameworks" /
                 "devcluster-framework-0000" / "executors" /
                 ("thermos-" + task.assignedTask.taskId) / "runs" / "latest" / "sandbox";
  std::string expected =
      "port=" + std::to_string(task.assignedTask.assignedPorts.at("http")) + " instance=0\n";
  CHECK(read_file(sandbox / "out.txt") == expected);
  CHECK(read_file(sandbox / "done.txt") == expected);
  CHECK(std::filesystem::exists(sandbox / ".logs" / "first" / "0" / "stdout"));
}

TEST_CASE("a task whose process fails ends FAILED") {
  aurora::testing::TempDir dir("devcluster-run-");
  DevclusterProcess devcluster(dir.path(), {"--speed", "50", "--run-tasks", "--sandbox-root",
                                            (dir.path() / "mesos").string()});
  DevclusterClient client(devcluster.port());
  auto key = job_key("broken");
  REQUIRE(DEVCLUSTER_CALL(client, createJob, two_step_job(key, "exit 3")).responseCode ==
          gen::ResponseCode::OK);
  CHECK(eventually([&] {
    gen::TaskQuery query;
    query.__set_jobKeys({key});
    query.__set_statuses({gen::ScheduleStatus::FAILED});
    return !DEVCLUSTER_CALL(client, getTasksStatus, query)
                .result.scheduleStatusResult.tasks.empty();
  }));
}

TEST_CASE("a service task whose processes end is started again as a new task") {
  aurora::testing::TempDir dir("devcluster-run-");
  DevclusterProcess devcluster(dir.path(), {"--speed", "50", "--run-tasks", "--sandbox-root",
                                            (dir.path() / "mesos").string()});
  DevclusterClient client(devcluster.port());
  auto key = job_key("restarts");
  REQUIRE(DEVCLUSTER_CALL(client, createJob, job_config(key, 1, "true", true)).responseCode ==
          gen::ResponseCode::OK);
  CHECK(eventually([&] {
    gen::TaskQuery query;
    query.__set_jobKeys({key});
    query.__set_statuses({gen::ScheduleStatus::FINISHED});
    auto finished =
        DEVCLUSTER_CALL(client, getTasksStatus, query).result.scheduleStatusResult.tasks;
    return finished.size() >= 2;
  }));
  gen::TaskQuery active;
  active.__set_jobKeys({key});
  active.__set_statuses(gen::g_aurora_api_constants.ACTIVE_STATES);
  auto tasks = DEVCLUSTER_CALL(client, getTasksStatus, active).result.scheduleStatusResult.tasks;
  REQUIRE(tasks.size() == 1);
  CHECK_FALSE(tasks.front().ancestorId.empty());
}
