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
  CHECK(result.err.find(" INFO] Creating job hello\n") != std::string::npos);
  CHECK(result.err.find(" INFO] Checking status of " + kJob + "\n") != std::string::npos);
  CHECK(SeededCluster(server).tasks("hello").size() == 2);

  const auto again = server.aurora({"job", "create", kJob, kHello});
  CHECK(again.exit_code == 4);
  CHECK(again.err.find("Job creation failed due to error:\n\t") != std::string::npos);
}

TEST_CASE("job create --dry-run prints the JobConfiguration and creates nothing") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "create", kJob, kHello, "--dry-run"});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["key"]["name"] == "hello");
  CHECK(doc["instanceCount"] == 2);
  CHECK(doc["taskConfig"]["executorConfig"]["name"] == "AuroraExecutor");
  CHECK(SeededCluster(server).tasks("hello").empty());
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
