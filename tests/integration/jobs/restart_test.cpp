// job restart against a real devcluster: batches, watching, the failure threshold and Ctrl-C.
#include <doctest/doctest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
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

// The lines of `text` that contain `part`, in order.
bool in_order(const std::string& text, const std::vector<std::string>& parts) {
  size_t at = 0;
  for (const auto& part : parts) {
    at = text.find(part, at);
    if (at == std::string::npos) return false;
    at += part.size();
  }
  return true;
}

std::map<int32_t, std::string> running_task_ids(const SeededCluster& cluster,
                                                const std::string& name) {
  std::map<int32_t, std::string> ids;
  for (const auto& task : cluster.tasks(name, {gen::ScheduleStatus::RUNNING})) {
    ids[task.assignedTask.instanceId] = task.assignedTask.taskId;
  }
  return ids;
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
  CHECK(in_order(result.err,
                 {" INFO] Performing rolling restart of job devcluster/www-data/prod/hello "
                  "(instances: [0, 1])\n",
                  " INFO] Restarting instances: [0]\n", " INFO] Watching instances: [0]\n",
                  " INFO] Detected RUNNING instance 0\n",
                  " INFO] Instance 0 has been up and healthy for at least 0 seconds\n",
                  " INFO] Restarting instances: [1]\n", " INFO] Watching instances: [1]\n",
                  " INFO] Detected RUNNING instance 1\n",
                  " INFO] Instance 1 has been up and healthy for at least 0 seconds\n",
                  " INFO] All instances were restarted successfully\n", " INFO] restarted\n"}));
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
  CHECK(in_order(result.err,
                 {" INFO] Instance 0 did not reach RUNNING within 1 seconds\n",
                  "ERROR] 1 failed instances observed, maximum allowed is 0\n",
                  "ERROR] 1 instance failures for instance 0, maximum allowed is 0\n",
                  " INFO] Restart failures threshold reached. Aborting\n",
                  "Restart of job devcluster/www-data/prod/hello aborted: too many instances "
                  "failed to stay up\n"}));
  CHECK_FALSE(contains(result.out, "restarted successfully"));
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["result"] == "aborted");
  CHECK(doc["not_confirmed"] == nlohmann::json::array({0}));
}

TEST_CASE("Ctrl-C stops a restart between batches and says which instances were restarted") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 3));
  cluster.wait_running("hello", 3);
  const auto before = running_task_ids(cluster, "hello");

  setenv("AURORA_CONFIG_ROOT", server.config_root().c_str(), 1);
  setenv("HOME", (server.scratch().path() / "home").c_str(), 1);
  const auto log = server.scratch().path() / "restart.log";
  ChildProcess restart({AURORA_BINARY, "job", "restart", "--watch-secs", "30",
                        "--healthcheck-interval-seconds", "1", job_path("hello")},
                       log);
  REQUIRE(eventually([&] { return contains(read_file(log), "Detected RUNNING instance 0"); }));
  kill(restart.pid(), SIGINT);
  REQUIRE(eventually([&] { return !restart.running(); }, std::chrono::seconds(10)));
  REQUIRE(restart.wait_status().has_value());
  CHECK(WIFEXITED(*restart.wait_status()));
  CHECK(WEXITSTATUS(*restart.wait_status()) == 130);

  const std::string output = read_file(log);
  CHECK(in_order(output, {"Restart of job devcluster/www-data/prod/hello interrupted; no further "
                          "instances will be restarted.\n",
                          "Restarted and healthy: []\n", "Restarted, health not confirmed: [0]\n",
                          "Not restarted: [1, 2]\n", "ERROR] Command interrupted by user\n"}));
  CHECK_FALSE(contains(output, "Restarting instances: [1]"));
  const auto after = running_task_ids(cluster, "hello");
  CHECK(after.at(1) == before.at(1));
  CHECK(after.at(2) == before.at(2));
}

TEST_CASE("restart reports a refused restartShards as an API error with exit 10") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);

  const auto result = server.aurora({"job", "restart", job_path("hello") + "/0,5"});
  CHECK(result.exit_code == 10);
  CHECK(result.out == "");
  CHECK(in_order(result.err,
                 {" INFO] Restarting instances: [0]\n", "ERROR] Error restarting instances: ",
                  "Error restarting job devcluster/www-data/prod/hello:\n\t"}));
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
