// job add against a real devcluster: cloning an instance's config, and waiting for the clones.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

TEST_CASE("add clones an active instance and waits until the clones run") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result =
      server.aurora({"job", "add", "--wait-until", "RUNNING", job_path("hello") + "/1", "2"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "");
  CHECK(result.err ==
        " INFO] Adding 2 instances to devcluster/www-data/prod/hello using the task config of "
        "instance 1\n");
  std::set<int32_t> running;
  for (const auto& task : cluster.tasks("hello", {gen::ScheduleStatus::RUNNING})) {
    running.insert(task.assignedTask.instanceId);
  }
  CHECK(running == std::set<int32_t>{0, 1, 2, 3});
}

TEST_CASE("add refuses an instance that is not active") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  const auto result = server.aurora({"job", "add", job_path("hello") + "/5", "1"});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err == "Invalid instance parameter: [5]\n");
}

TEST_CASE("add reports a scheduler refusal as a command failure with exit 10") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  const auto result = server.aurora({"job", "add", job_path("hello") + "/0", "0"});
  CHECK(result.exit_code == 10);
  CHECK(result.err.find("Command failure:\n\t") != std::string::npos);
}

TEST_CASE("add -o json names the new instances") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 3));
  const auto result = server.aurora({"job", "add", "-o", "json", job_path("hello") + "/0", "2"});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["job"] == "devcluster/www-data/prod/hello");
  CHECK(doc["source_instance"] == 0);
  CHECK(doc["added"] == nlohmann::json::array({3, 4}));
}

TEST_CASE("add warns on stdout when the job has a count SLA policy") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(guarded_job("guarded", 1));
  const auto result = server.aurora({"job", "add", job_path("guarded") + "/0", "1"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "WARNING: Adding instances without updating SlaPolicy.\n");
}
