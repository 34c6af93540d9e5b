// --run-tasks: processes really run with bash in sandboxes laid out like a Mesos agent's.

#include <doctest/doctest.h>

#include <sys/types.h>

#include <fstream>
#include <set>
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

namespace {

// True while `pid` is a live (not zombie) process running `program`: a pid reused by something
// else since does not count.
bool runs(pid_t pid, const std::string& program) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto state_at = line.rfind(')') + 2;
  if (state_at >= line.size() || line[state_at] == 'Z') return false;
  std::ifstream cmdline("/proc/" + std::to_string(pid) + "/cmdline");
  std::string argv0;
  std::getline(cmdline, argv0, '\0');
  return argv0 == program;
}

std::vector<gen::ScheduledTask> tasks_in(DevclusterClient& client, const gen::JobKey& key,
                                         std::set<gen::ScheduleStatus::type> statuses) {
  gen::TaskQuery query;
  query.__set_jobKeys({key});
  query.__set_statuses(std::move(statuses));
  return DEVCLUSTER_CALL(client, getTasksStatus, query).result.scheduleStatusResult.tasks;
}

}  // namespace

// devcluster is scheduler and agent in one: SIGKILL loses the agent, so its tasks' processes must
// all die with it (none may keep its port open) and the tasks come back LOST and rescheduled.
TEST_CASE("after SIGKILL devcluster restarts on its port and no process of its tasks survives") {
  aurora::testing::TempDir dir("devcluster-run-");
  const auto root = dir.path() / "mesos";
  DevclusterProcess devcluster(
      dir.path(), {"--speed", "50", "--run-tasks", "--sandbox-root", root.string(), "--state-dir",
                   (dir.path() / "state").string()});
  DevclusterClient client(devcluster.port());
  const auto key = job_key("sleeper");
  // bash, and a grandchild in the background: PR_SET_PDEATHSIG alone would reach only bash.
  REQUIRE(DEVCLUSTER_CALL(client, createJob,
                          job_config(key, 1, "echo $$ > pids; sleep 600 & echo $! >> pids; wait"))
              .responseCode == gen::ResponseCode::OK);
  std::filesystem::path pids_file;
  REQUIRE(eventually([&] {
    const auto running = tasks_in(client, key, {gen::ScheduleStatus::RUNNING});
    if (running.empty()) return false;
    pids_file = root / "slaves" / running.front().assignedTask.slaveId / "frameworks" /
                "devcluster-framework-0000" / "executors" /
                ("thermos-" + running.front().assignedTask.taskId) / "runs" / "latest" / "sandbox" /
                "pids";
    std::ifstream in(pids_file);
    pid_t a = 0, b = 0;
    return static_cast<bool>(in >> a >> b);
  }));
  const auto old_task = tasks_in(client, key, {gen::ScheduleStatus::RUNNING}).front();
  pid_t bash_pid = 0, sleep_pid = 0;
  std::ifstream(pids_file) >> bash_pid >> sleep_pid;
  REQUIRE(runs(sleep_pid, "sleep"));

  devcluster.kill_hard();
  CHECK(eventually([&] { return !runs(bash_pid, "bash") && !runs(sleep_pid, "sleep"); },
                   std::chrono::seconds(10)));
  const int port = devcluster.port();
  REQUIRE_NOTHROW(devcluster.restart());
  CHECK(devcluster.port() == port);

  DevclusterClient after(devcluster.port());
  gen::TaskQuery query;
  query.__set_taskIds({old_task.assignedTask.taskId});
  const auto old_now = DEVCLUSTER_CALL(after, getTasksStatus, query).result.scheduleStatusResult;
  REQUIRE(old_now.tasks.size() == 1);
  CHECK(old_now.tasks.front().status == gen::ScheduleStatus::LOST);
  CHECK(old_now.tasks.front().taskEvents.back().message ==
        "Task lost: the devcluster agent restarted.");
  CHECK(eventually([&] {
    const auto running = tasks_in(after, key, {gen::ScheduleStatus::RUNNING});
    return running.size() == 1 && running.front().ancestorId == old_task.assignedTask.taskId;
  }));
}

// Upstream's updater starts afresh after a failover, so the instance it was watching adopts the
// replacement of its lost task instead of failing (which would roll the update back).
TEST_CASE("an update in flight carries on across a SIGKILL of devcluster with --run-tasks") {
  aurora::testing::TempDir dir("devcluster-run-");
  DevclusterProcess devcluster(dir.path(), {"--speed", "50", "--run-tasks", "--sandbox-root",
                                            (dir.path() / "mesos").string(), "--state-dir",
                                            (dir.path() / "state").string()});
  DevclusterClient client(devcluster.port());
  const auto key = job_key("rolling");
  REQUIRE(DEVCLUSTER_CALL(client, createJob, job_config(key, 2, "sleep 600")).responseCode ==
          gen::ResponseCode::OK);
  REQUIRE(eventually(
      [&] { return tasks_in(client, key, {gen::ScheduleStatus::RUNNING}).size() == 2; }));
  // Watch each new instance for 300 s, 6 s at speed 50: long enough to kill devcluster meanwhile.
  auto started =
      DEVCLUSTER_CALL(client, startJobUpdate, update_request(key, 2, "sleep 601", 1, 300000), "");
  REQUIRE(started.responseCode == gen::ResponseCode::OK);
  const auto update = started.result.startJobUpdateResult.key;
  const auto details = [&](DevclusterClient& on) {
    gen::JobUpdateQuery query;
    query.__set_key(update);
    return DEVCLUSTER_CALL(on, getJobUpdateDetails, query)
        .result.getJobUpdateDetailsResult.detailsList.at(0);
  };
  // Instance 0's new task is RUNNING and being watched.
  REQUIRE(eventually([&] {
    for (const auto& task : tasks_in(client, key, {gen::ScheduleStatus::RUNNING})) {
      if (task.assignedTask.instanceId == 0 &&
          task.assignedTask.task.executorConfig.data.find("sleep 601") != std::string::npos) {
        return true;
      }
    }
    return false;
  }));
  REQUIRE(details(client).instanceEvents.size() == 1);

  devcluster.kill_hard();
  devcluster.restart();
  DevclusterClient after(devcluster.port());
  CHECK(eventually(
      [&] {
        return details(after).update.summary.state.status != gen::JobUpdateStatus::ROLLING_FORWARD;
      },
      std::chrono::seconds(30)));
  CHECK(details(after).update.summary.state.status == gen::JobUpdateStatus::ROLLED_FORWARD);
  std::vector<gen::JobUpdateAction::type> actions;
  for (const auto& event : details(after).instanceEvents) actions.push_back(event.action);
  CHECK(actions == std::vector<gen::JobUpdateAction::type>{gen::JobUpdateAction::INSTANCE_UPDATING,
                                                           gen::JobUpdateAction::INSTANCE_UPDATED,
                                                           gen::JobUpdateAction::INSTANCE_UPDATING,
                                                           gen::JobUpdateAction::INSTANCE_UPDATED});
}

TEST_CASE("relative --sandbox-root and --state-dir paths still run tasks in their sandboxes") {
  aurora::testing::TempDir dir("devcluster-run-");
  const auto relative = [](const std::filesystem::path& path) {
    return std::filesystem::relative(path).string();
  };
  std::filesystem::create_directories(dir.path() / "state");
  const std::vector<std::vector<std::string>> layouts = {
      {"--sandbox-root", relative(dir.path() / "mesos")},
      {"--state-dir", relative(dir.path() / "state")}};
  const std::vector<std::filesystem::path> roots = {dir.path() / "mesos",
                                                    dir.path() / "state" / "sandboxes"};
  for (std::size_t i = 0; i < layouts.size(); ++i) {
    INFO(layouts[i][0]);
    REQUIRE(std::filesystem::path(layouts[i][1]).is_relative());
    std::vector<std::string> options = {"--speed", "50", "--run-tasks"};
    options.insert(options.end(), layouts[i].begin(), layouts[i].end());
    DevclusterProcess devcluster(dir.path(), options);
    DevclusterClient client(devcluster.port());
    const auto key = job_key("relative");
    REQUIRE(DEVCLUSTER_CALL(client, createJob, two_step_job(key, "cat out.txt >> done.txt"))
                .responseCode == gen::ResponseCode::OK);
    CHECK(eventually([&] {
      return !tasks_in(client, key, {gen::ScheduleStatus::FINISHED, gen::ScheduleStatus::FAILED})
                  .empty();
    }));
    const auto ended =
        tasks_in(client, key, {gen::ScheduleStatus::FINISHED, gen::ScheduleStatus::FAILED});
    REQUIRE(ended.size() == 1);
    CHECK(ended.front().status == gen::ScheduleStatus::FINISHED);
    const auto sandbox = roots[i] / "slaves" / ended.front().assignedTask.slaveId / "frameworks" /
                         "devcluster-framework-0000" / "executors" /
                         ("thermos-" + ended.front().assignedTask.taskId) / "runs" / "latest" /
                         "sandbox";
    CHECK(read_file(sandbox / "done.txt").rfind("port=", 0) == 0);
    CHECK(std::filesystem::exists(sandbox / ".logs" / "second" / "0" / "stdout"));
    devcluster.stop();
  }
}
