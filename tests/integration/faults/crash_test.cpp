// The scheduler dies (SIGKILL) in the middle of a command and comes back on the same port and
// state, or does not come back at all.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <thread>

#include "api/scheduler_connection.hpp"
#include "tests/integration/faults/fault_cluster.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

bool all_running(const DevclusterServer& server, size_t count) {
  const auto tasks = SeededCluster(server).tasks("hello", {gen::ScheduleStatus::RUNNING});
  return tasks.size() == count;
}

// getTasksStatus straight from the scheduler: tasks with their configurations.
std::vector<gen::ScheduledTask> tasks_with_configs(const DevclusterServer& server,
                                                   const std::set<gen::ScheduleStatus::type>& statuses) {
  api::HttpTransportOptions options;
  options.api_url = server.url() + "/api";
  api::SchedulerConnection connection(options);
  gen::TaskQuery query;
  query.__set_statuses(statuses);
  gen::Response response;
  connection.client().getTasksStatus(response, query);
  return response.result.scheduleStatusResult.tasks;
}

void restart_after(DevclusterServer& server, std::chrono::milliseconds down) {
  server.kill_hard();
  std::this_thread::sleep_for(down);
  server.start();
}

}  // namespace

TEST_CASE("job create --wait-until RUNNING rides out a scheduler crash and ends when tasks run") {
  DevclusterOptions slow;
  slow.speed = 1;  // RUNNING 3 s after creation, after the restart
  FaultCluster cluster(retrying(1, 20), slow);
  const auto config = cluster.hello_config("hello.aurora", 2, "sleep 600");
  auto command = cluster.start_direct({"job", "create", kHello, config, "--wait-until", "RUNNING"});
  // Killed once createJob has landed, while the client waits for the tasks.
  REQUIRE(command->wait_for_err("Creating job hello"));
  REQUIRE(eventually([&] { return SeededCluster(cluster.server()).tasks("hello").size() == 2; },
                     std::chrono::seconds(10)));
  // Down for longer than the monitor's first poll interval (2 s), so a poll meets it dead.
  restart_after(cluster.server(), std::chrono::milliseconds(2500));
  const auto result = command->finish();
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("WARN] Transport error communicating with scheduler: ") !=
        std::string::npos);
  // It waited for the tasks rather than taking the failed poll for "no tasks left to wait for".
  CHECK(all_running(cluster.server(), 2));
  CHECK(SeededCluster(cluster.server()).tasks("hello").size() == 2);
}

TEST_CASE("update wait follows an update through a scheduler crash and restart to ROLLED_FORWARD") {
  DevclusterOptions slow;
  slow.speed = 4;
  FaultCluster cluster(retrying(1, 20), slow);
  REQUIRE(cluster.create_hello());
  REQUIRE(cluster.start_hello_update(2));
  auto wait = cluster.start_direct({"update", "wait", kHello, "--interval", "1s"});
  REQUIRE(wait->wait_for_out("Current state ROLLING_FORWARD"));
  restart_after(cluster.server(), std::chrono::milliseconds(1500));
  const auto result = wait->finish();
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Current state ROLLED_FORWARD\n") != std::string::npos);
  CHECK(result.err.find("WARN] Transport error communicating with scheduler: ") !=
        std::string::npos);
  // One update, and every instance runs the new command.
  const auto list = cluster.aurora_direct({"update", "list", kHello, "-o", "json"});
  CHECK(nlohmann::json::parse(list.out).size() == 1);
  const auto running = tasks_with_configs(cluster.server(), {gen::ScheduleStatus::RUNNING});
  CHECK(running.size() == 2);
  for (const auto& task : running) {
    CHECK(task.assignedTask.task.executorConfig.data.find("sleep 601") != std::string::npos);
  }
}

TEST_CASE("update wait gives up with exit 9 after rpc_max_wait_secs when the scheduler stays down") {
  DevclusterOptions slow;
  slow.speed = 2;
  FaultCluster cluster(retrying(1, 2), slow);
  REQUIRE(cluster.create_hello());
  REQUIRE(cluster.start_hello_update(20));
  auto wait = cluster.start_direct({"update", "wait", kHello, "--interval", "1s"});
  REQUIRE(wait->wait_for_out("Current state ROLLING_FORWARD"));
  cluster.server().kill_hard();
  const auto result = wait->finish();
  CHECK(result.exit_code == 9);
  CHECK(result.err.find("Timed out attempting to issue getJobUpdateSummaries to devcluster "
                        "(retried for 2 s, the cluster's rpc_max_wait_secs; last error: "
                        "Unknown error talking to " +
                        cluster.server().url() + "/api: ") != std::string::npos);
  CHECK(wait->elapsed() < std::chrono::seconds(15));
  // Back up, the scheduler still has the update, and it is still rolling forward.
  cluster.server().start();
  const auto list = cluster.aurora_direct({"update", "list", kHello, "-o", "json"});
  REQUIRE(list.exit_code == 0);
  const auto updates = nlohmann::json::parse(list.out);
  REQUIRE(updates.size() == 1);
  CHECK(updates[0].dump().find("ROLLING_FORWARD") != std::string::npos);
}
