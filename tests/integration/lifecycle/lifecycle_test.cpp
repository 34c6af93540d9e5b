#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "AuroraAdmin.h"
#include "tests/integration/fixtures/devcluster_server.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

const std::string kHello = std::string(AURORA_SOURCE_DIR) + "/examples/hello_world.aurora";
const std::string kJob = "devcluster/www-data/prod/hello";

std::string hello_with(const DevclusterServer& server, const std::string& from,
                       const std::string& to) {
  std::ifstream in(kHello);
  std::stringstream text;
  text << in.rdbuf();
  std::string config = text.str();
  config.replace(config.find(from), from.size(), to);
  return server.scratch().write_file("changed.aurora", config).string();
}

}  // namespace

TEST_CASE("job create prints the job URL, and the tasks exist") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "create", kJob, kHello, "--wait-until", "RUNNING"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Job create succeeded: job url=" + server.url() +
                          "/scheduler/www-data/prod/hello\n");
  // The middle line is the scheduler's message on the createJob answer (spec 6.3).
  CHECK(result.err ==
        " INFO] Creating job hello\n"
        " INFO] 2 new tasks pending for job www-data/prod/hello\n"
        " INFO] Checking status of " + kJob + "\n");
  CHECK(SeededCluster(server).tasks("hello").size() == 2);

  const auto again = server.aurora({"job", "create", kJob, kHello});
  CHECK(again.exit_code == 4);
  CHECK(again.out == "");
  CHECK(again.err ==
        " INFO] Creating job hello\n"
        "Job creation failed due to error:\n"
        "\tJob www-data/prod/hello already exists\n");
}

TEST_CASE("job create refuses a cron job with exit 4 and creates nothing") {
  DevclusterServer server;
  const auto cron = hello_with(server, "Service(", "Job(cron_schedule = '0 2 * * *', ");
  const auto result = server.aurora({"job", "create", kJob, cron});
  CHECK(result.exit_code == 4);
  CHECK(result.out == "");
  CHECK(result.err == "Cron jobs may only be scheduled with \"aurora cron schedule\" command\n");
  CHECK(SeededCluster(server).tasks("hello").empty());
  CHECK(server.aurora({"cron", "show", kJob}).exit_code == 6);
}

TEST_CASE("job create --wait-until FINISHED returns once a batch job has finished") {
  DevclusterServer server;
  const auto batch = hello_with(server, "Service(", "Job(");
  const auto result = server.aurora({"job", "create", kJob, batch, "--wait-until", "FINISHED"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Job create succeeded: job url=" + server.url() +
                          "/scheduler/www-data/prod/hello\n");
  // Every task was terminal when the wait ended.
  CHECK(SeededCluster(server).tasks("hello", {gen::ScheduleStatus::FINISHED}).size() == 2);
}

TEST_CASE("job create --read-json takes the document job inspect --write-json prints") {
  DevclusterServer server;
  const auto inspected = server.aurora({"job", "inspect", kJob, kHello, "--write-json"});
  REQUIRE(inspected.exit_code == 0);
  const auto json = server.scratch().write_file("hello.json", inspected.out).string();
  const auto result = server.aurora({"job", "create", kJob, json, "--read-json"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Job create succeeded: job url=" + server.url() +
                          "/scheduler/www-data/prod/hello\n");
  CHECK(SeededCluster(server).tasks("hello").size() == 2);
}

TEST_CASE("job create -o json prints the job, its URL and its instance count") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "create", kJob, kHello, "-o", "json"});
  CHECK(result.exit_code == 0);
  CHECK(nlohmann::json::parse(result.out) ==
        nlohmann::json({{"job", kJob},
                        {"url", server.url() + "/scheduler/www-data/prod/hello"},
                        {"instances", 2}}));
}

TEST_CASE("job create --dry-run prints the JobConfiguration and creates nothing") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "create", kJob, kHello, "--dry-run"});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["key"]["name"] == "hello");
  CHECK(doc["instanceCount"] == 2);
  CHECK(doc["taskConfig"]["executorConfig"]["name"] == "AuroraExecutor");
  CHECK(doc["cronCollisionPolicy"] == "KILL_EXISTING");  // enums by name, as the issue asks
  CHECK(SeededCluster(server).tasks("hello").empty());
  // The same document job inspect --thrift prints.
  const auto inspected = server.aurora({"job", "inspect", kJob, kHello, "--thrift"});
  CHECK(inspected.exit_code == 0);
  CHECK(inspected.out == result.out);
}

TEST_CASE("job create of a job the file does not define is a configuration error (exit 3)") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "create", "devcluster/www-data/prod/nope", kHello});
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("Could not find job devcluster/www-data/prod/nope") != std::string::npos);
}

TEST_CASE("update start prints the summary and the update URL, and --wait ends at 0") {
  DevclusterServer server;
  REQUIRE(server.aurora({"job", "create", kJob, kHello, "--wait-until", "RUNNING"}).exit_code == 0);
  const auto changed = hello_with(server, "instances = 2", "instances = 3");
  const auto result = server.aurora({"update", "start", kJob, changed, "--wait"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("This job update will:\nadd instances: [2]\nnot change instances: [0-1]\n"
                         "Job update has started. View your update progress at " +
                             server.url() + "/scheduler/www-data/prod/hello/update/",
                         0) == 0);
  CHECK(result.out.find("Current state ROLLED_FORWARD\n") != std::string::npos);
  CHECK(result.err.find(" INFO] Starting update for: hello\n") != std::string::npos);
  CHECK(SeededCluster(server).tasks("hello", {gen::ScheduleStatus::RUNNING}).size() == 3);
}

TEST_CASE("update start with an unchanged config is a successful no-op") {
  DevclusterServer server;
  REQUIRE(server.aurora({"job", "create", kJob, kHello, "--wait-until", "RUNNING"}).exit_code == 0);
  const auto result = server.aurora({"update", "start", kJob, kHello});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("not change instances: [0-1]\n") != std::string::npos);
  CHECK(result.out.find("Job update has started") == std::string::npos);
}

namespace {

// A service whose process runs `cmdline`, with the given update_config.
std::string service_config(const DevclusterServer& server, const std::string& file, int instances,
                           const std::string& cmdline, const std::string& update_config) {
  return server.scratch()
      .write_file(file,
                  "p = Process(name = 'main', cmdline = '" + cmdline + "')\n"
                  "t = SequentialTask(processes = [p], resources = Resources(cpu = 0.1, "
                  "ram = 16*MB, disk = 16*MB))\n"
                  "jobs = [Service(cluster = 'devcluster', role = 'www-data', environment = 'prod', "
                  "name = 'hello', instances = " + std::to_string(instances) +
                  ", task = t, update_config = " + update_config + ")]\n")
      .string();
}

}  // namespace

TEST_CASE("update start --wait --timeout exits 9 and says the update keeps running") {
  DevclusterServer server;
  const auto v1 = service_config(server, "v1.aurora", 2, "sleep 600", "UpdateConfig(watch_secs = 1)");
  REQUIRE(server.aurora({"job", "create", kJob, v1, "--wait-until", "RUNNING"}).exit_code == 0);
  // At --speed 50, watching each instance for 600 s takes 12 s: far beyond the timeout.
  const auto v2 = service_config(server, "v2.aurora", 2, "sleep 601", "UpdateConfig(watch_secs = 600)");
  const auto result = server.aurora({"update", "start", kJob, v2, "--wait", "--timeout", "1s",
                                     "--interval", "1s"});
  CHECK(result.exit_code == 9);
  CHECK(result.err.find("keeps running") != std::string::npos);
  CHECK(result.err.find("aurora update wait " + kJob) != std::string::npos);
}

TEST_CASE("update start --wait exits 4 when failing instances roll the update back") {
  DevclusterOptions options;
  options.run_tasks = true;
  DevclusterServer server(options);
  const auto good = service_config(server, "good.aurora", 2, "sleep 600", "UpdateConfig(watch_secs = 1)");
  REQUIRE(server.aurora({"job", "create", kJob, good, "--wait-until", "RUNNING"}).exit_code == 0);
  const auto bad = service_config(server, "bad.aurora", 2, "exit 1",
                                  "UpdateConfig(watch_secs = 5, rollback_on_failure = True)");
  const auto result = server.aurora({"update", "start", kJob, bad, "--wait", "--timeout", "2m",
                                     "--interval", "1s"});
  CHECK(result.exit_code == 4);
  CHECK(result.out.find("Current state ROLLED_BACK\n") != std::string::npos);
}

TEST_CASE("update start follows variable batch sizes to the end") {
  DevclusterServer server;
  const auto v1 = service_config(server, "v1.aurora", 3, "sleep 600", "UpdateConfig(watch_secs = 1)");
  REQUIRE(server.aurora({"job", "create", kJob, v1, "--wait-until", "RUNNING"}).exit_code == 0);
  const auto v2 = service_config(
      server, "v2.aurora", 3, "sleep 601",
      "UpdateConfig(watch_secs = 1, update_strategy = "
      "VariableBatchUpdateStrategy(batch_sizes = [1, 2]))");
  const auto result = server.aurora({"update", "start", kJob, v2, "--wait", "--timeout", "2m",
                                     "--interval", "1s"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("update instances: [0-2]\n") != std::string::npos);
  CHECK(result.out.find("Current state ROLLED_FORWARD\n") != std::string::npos);
  const auto info = server.aurora({"update", "list", "devcluster/www-data", "-o", "json"});
  CHECK(nlohmann::json::parse(info.out).at(0)["status"] == "ROLLED_FORWARD");
}

TEST_CASE("config list names every job of a file, a missing file is exit 4") {
  DevclusterServer server;
  const auto result = server.aurora({"config", "list", kHello});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "jobs=[devcluster/www-data/prod/hello]\n");
  const auto missing = server.aurora({"config", "list", "/nonexistent/x.aurora"});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.rfind("Error loading configuration file: ", 0) == 0);
}

TEST_CASE("job inspect shows the job as upstream lays it out, and --thrift the JobConfiguration") {
  DevclusterServer server;
  const auto pretty = server.aurora({"job", "inspect", kJob, kHello});
  CHECK(pretty.exit_code == 0);
  CHECK(pretty.out.rfind("Job level information\n  name:       'hello'\n  role:       'www-data'\n", 0) ==
        0);
  CHECK(pretty.out.find("\nTask level information\n  name: 'hello'\n") != std::string::npos);
  const auto thrift = server.aurora({"job", "inspect", kJob, kHello, "--thrift"});
  CHECK(thrift.exit_code == 0);
  const auto doc = nlohmann::json::parse(thrift.out);
  CHECK(doc["instanceCount"] == 2);
  CHECK(doc["taskConfig"]["isService"] == true);
  CHECK(SeededCluster(server).tasks("hello").empty());  // inspect sends nothing that creates
}
