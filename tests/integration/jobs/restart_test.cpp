// job restart against a real devcluster: batches, watching, the failure threshold and Ctrl-C.
#include <doctest/doctest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/fixtures/child_process.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::map<int32_t, std::string> running_task_ids(const SeededCluster& cluster,
                                                const std::string& name) {
  std::map<int32_t, std::string> ids;
  for (const auto& task : cluster.tasks(name, {gen::ScheduleStatus::RUNNING})) {
    ids[task.assignedTask.instanceId] = task.assignedTask.taskId;
  }
  return ids;
}

// Runs `args` as a background aurora (stdout and stderr into `log`) with the server's settings.
std::unique_ptr<ChildProcess> start_aurora(const DevclusterServer& server,
                                           std::vector<std::string> args,
                                           const std::filesystem::path& log) {
  setenv("AURORA_CONFIG_ROOT", server.config_root().c_str(), 1);
  setenv("HOME", (server.scratch().path() / "home").c_str(), 1);
  args.insert(args.begin(), AURORA_BINARY);
  return std::make_unique<ChildProcess>(args, log);
}

// The exit status of a process that ends within 30 s.
int exit_status(ChildProcess& process) {
  REQUIRE(eventually([&] { return !process.running(); }, std::chrono::seconds(30)));
  REQUIRE(process.wait_status().has_value());
  REQUIRE(WIFEXITED(*process.wait_status()));
  return WEXITSTATUS(*process.wait_status());
}

// Runs `job restart` of hello with --watch-secs `watch_secs` in the background, sends it Ctrl-C
// once its output shows `line`, and returns its exit status and output.
ProcessResult interrupt_restart(const DevclusterServer& server, const std::string& watch_secs,
                                const std::string& line) {
  const auto log = server.scratch().path() / "restart.log";
  auto restart = start_aurora(server,
                              {"job", "restart", "--watch-secs", watch_secs,
                               "--healthcheck-interval-seconds", "1", job_path("hello")},
                              log);
  REQUIRE(eventually([&] { return contains(read_file(log), line); }, std::chrono::seconds(30)));
  kill(restart->pid(), SIGINT);
  ProcessResult result;
  result.exit_code = exit_status(*restart);
  result.out = read_file(log);
  return result;
}

}  // namespace

TEST_CASE("restart replaces every instance batch by batch and reports success") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);
  const auto before = running_task_ids(cluster, "hello");

  const auto result = server.aurora({"job", "restart", "--watch-secs", "0",
                                     "--healthcheck-interval-seconds", "1", job_path("hello")});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Job devcluster/www-data/prod/hello restarted successfully\n");
  // The last line is the scheduler's message on the last restartShards answer (spec 7.7).
  CHECK(result.err ==
        " INFO] Performing rolling restart of job devcluster/www-data/prod/hello "
        "(instances: [0, 1])\n"
        " INFO] Restarting instances: [0]\n"
        " INFO] Watching instances: [0]\n"
        " INFO] Detected RUNNING instance 0\n"
        " INFO] Instance 0 has been up and healthy for at least 0 seconds\n"
        " INFO] Restarting instances: [1]\n"
        " INFO] Watching instances: [1]\n"
        " INFO] Detected RUNNING instance 1\n"
        " INFO] Instance 1 has been up and healthy for at least 0 seconds\n"
        " INFO] All instances were restarted successfully\n"
        " INFO] restarted\n");
  const auto after = running_task_ids(cluster, "hello");
  REQUIRE(after.size() == 2);
  CHECK(after.at(0) != before.at(0));
  CHECK(after.at(1) != before.at(1));
}

TEST_CASE("restart of a job without active instances has nothing to do") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "restart", job_path("ghost")});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Job devcluster/www-data/prod/ghost restarted successfully\n");
  CHECK(result.err ==
        " INFO] No instances specified, and no active instances found in job "
        "devcluster/www-data/prod/ghost\n"
        " INFO] Nothing to do.\n");
}

TEST_CASE("restart refuses a negative --max-total-failures with exit 6") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "restart", "--max-total-failures=-1", job_path("x")});
  CHECK(result.exit_code == 6);
  CHECK(result.err ==
        "max_total_failures option must be >0, but you specified -1\n"
        " INFO] Command terminated with error code 6\n");
}

TEST_CASE("restart --strict refuses instances that are not active") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  const auto result = server.aurora({"job", "restart", "--strict", job_path("hello") + "/0,3"});
  CHECK(result.exit_code == 6);
  CHECK(result.err == "Invalid instance parameter: [3]\n");
}

TEST_CASE("restart fails with exit 4 when instances do not come back in time") {
  DevclusterOptions slow;
  slow.speed = 1;  // a restarted task needs about 4 s to be RUNNING again
  DevclusterServer server(slow);
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);

  const auto result =
      server.aurora({"job", "restart", "--watch-secs", "0", "--healthcheck-interval-seconds", "1",
                     "--restart-threshold", "1", "-o", "json", job_path("hello")});
  CHECK(result.exit_code == 4);
  CHECK(result.err ==
        " INFO] Performing rolling restart of job devcluster/www-data/prod/hello "
        "(instances: [0])\n"
        " INFO] Restarting instances: [0]\n"
        " INFO] Watching instances: [0]\n"
        " INFO] Instance 0 did not reach RUNNING within 1 seconds\n"
        "ERROR] 1 failed instances observed, maximum allowed is 0\n"
        "ERROR] 1 instance failures for instance 0, maximum allowed is 0\n"
        " INFO] Restart failures threshold reached. Aborting\n"
        "Restart of job devcluster/www-data/prod/hello aborted: too many instances "
        "failed to stay up\n");
  CHECK_FALSE(contains(result.out, "restarted successfully"));
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["result"] == "aborted");
  CHECK(doc["not_confirmed"] == nlohmann::json::array({0}));
}

TEST_CASE("Ctrl-C during the first batch stops the restart and says which instances were restarted") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 3));
  cluster.wait_running("hello", 3);
  const auto before = running_task_ids(cluster, "hello");

  const auto result = interrupt_restart(server, "30", "Detected RUNNING instance 0");
  CHECK(result.exit_code == 130);
  CHECK(result.out ==
        " INFO] Performing rolling restart of job devcluster/www-data/prod/hello "
        "(instances: [0, 1, 2])\n"
        " INFO] Restarting instances: [0]\n"
        " INFO] Watching instances: [0]\n"
        " INFO] Detected RUNNING instance 0\n"
        "Restart of job devcluster/www-data/prod/hello interrupted; no further instances will "
        "be restarted.\n"
        "Restarted and healthy: []\n"
        "Restarted, health not confirmed: [0]\n"
        "Not restarted: [1, 2]\n"
        "ERROR] Command interrupted by user\n");
  const auto after = running_task_ids(cluster, "hello");
  CHECK(after.at(1) == before.at(1));
  CHECK(after.at(2) == before.at(2));
}

TEST_CASE("Ctrl-C after a completed batch exits 130 and lists restarted and pending instances") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 3));
  cluster.wait_running("hello", 3);
  const auto before = running_task_ids(cluster, "hello");

  // Interrupted once instance 0 has proved healthy and the second batch is being watched.
  const auto result = interrupt_restart(server, "2", "Detected RUNNING instance 1");
  CHECK(result.exit_code == 130);
  CHECK(result.out ==
        " INFO] Performing rolling restart of job devcluster/www-data/prod/hello "
        "(instances: [0, 1, 2])\n"
        " INFO] Restarting instances: [0]\n"
        " INFO] Watching instances: [0]\n"
        " INFO] Detected RUNNING instance 0\n"
        " INFO] Instance 0 has been up and healthy for at least 2 seconds\n"
        " INFO] Restarting instances: [1]\n"
        " INFO] Watching instances: [1]\n"
        " INFO] Detected RUNNING instance 1\n"
        "Restart of job devcluster/www-data/prod/hello interrupted; no further instances will "
        "be restarted.\n"
        "Restarted and healthy: [0]\n"
        "Restarted, health not confirmed: [1]\n"
        "Not restarted: [2]\n"
        "ERROR] Command interrupted by user\n");
  const auto after = running_task_ids(cluster, "hello");
  CHECK(after.at(0) != before.at(0));
  CHECK(after.at(2) == before.at(2));
}

TEST_CASE("restart reports a refused restartShards as an API error with exit 10") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);

  const auto result =
      server.aurora({"job", "restart", "--batch-size", "2", job_path("hello") + "/0,5"});
  CHECK(result.exit_code == 10);
  CHECK(result.out == "");
  // The scheduler's refusal names no instance (upstream's "Not all requested shards are active.").
  CHECK(result.err ==
        " INFO] Performing rolling restart of job devcluster/www-data/prod/hello "
        "(instances: [0, 5])\n"
        " INFO] Restarting instances: [0, 5]\n"
        "ERROR] Error restarting instances: Not all requested shards are active.\n"
        "Error restarting job devcluster/www-data/prod/hello:\n"
        "\tNot all requested shards are active.\n");
}

TEST_CASE("restart -o json lists the restarted instances") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result =
      server.aurora({"job", "restart", "-o", "json", "--batch-size", "2", "--watch-secs", "0",
                     "--healthcheck-interval-seconds", "1", job_path("hello")});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["result"] == "restarted");
  CHECK(doc["instances"] == nlohmann::json::array({0, 1}));
  CHECK(doc["restarted"] == nlohmann::json::array({0, 1}));
  CHECK(doc["not_restarted"] == nlohmann::json::array());
}

TEST_CASE("an instance replaced while watched is unhealthy and stops the restart at the threshold") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);

  const auto log = server.scratch().path() / "restart.log";
  auto restart = start_aurora(server,
                              {"job", "restart", "--watch-secs", "30",
                               "--healthcheck-interval-seconds", "1", job_path("hello")},
                              log);
  REQUIRE(eventually([&] { return contains(read_file(log), "Detected RUNNING instance 0"); },
                     std::chrono::seconds(30)));
  // Someone else restarts the instance: the watcher then sees a RUNNING task with another id.
  cluster.restart_instances("hello", {0});
  CHECK(exit_status(*restart) == 4);
  CHECK(read_file(log) ==
        " INFO] Performing rolling restart of job devcluster/www-data/prod/hello "
        "(instances: [0])\n"
        " INFO] Restarting instances: [0]\n"
        " INFO] Watching instances: [0]\n"
        " INFO] Detected RUNNING instance 0\n"
        " INFO] Instance 0 is unhealthy\n"
        "ERROR] 1 failed instances observed, maximum allowed is 0\n"
        "ERROR] 1 instance failures for instance 0, maximum allowed is 0\n"
        " INFO] Restart failures threshold reached. Aborting\n"
        "Restart of job devcluster/www-data/prod/hello aborted: too many instances failed to "
        "stay up\n");
}

TEST_CASE("restart --config loads the job first: a missing file is exit 3 and restarts nothing") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  const auto before = running_task_ids(cluster, "hello");
  const auto result =
      server.aurora({"job", "restart", "--config", "/nonexistent/hello.aurora", job_path("hello")});
  CHECK(result.exit_code == 3);
  CHECK(result.out == "");
  CHECK(result.err.rfind("Error loading configuration: ", 0) == 0);
  CHECK(running_task_ids(cluster, "hello") == before);
}
