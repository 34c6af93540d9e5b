// job kill and job killall against a real devcluster: batches, waiting, and upstream's lines.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/integration/jobs/job_configs.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t active_count(const SeededCluster& cluster, const std::string& name) {
  size_t count = 0;
  for (const auto& task : cluster.tasks(name)) {
    if (task.status != gen::ScheduleStatus::KILLED &&
        task.status != gen::ScheduleStatus::FINISHED &&
        task.status != gen::ScheduleStatus::FAILED && task.status != gen::ScheduleStatus::LOST) {
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("kill without instances is refused with exit 6") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "kill", job_path("hello")});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err ==
        "The instances list cannot be omitted in a kill command!; use killall to kill all "
        "instances\n");
}

TEST_CASE("kill kills the listed instances one batch at a time and waits for each") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 3));
  cluster.wait_running("hello", 3);

  const auto result = server.aurora({"job", "kill", job_path("hello") + "/0-1,7"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "Successfully killed instances [0]\n"
        "Successfully killed instances [1]\n"
        "Job kill succeeded\n");
  CHECK(result.err ==
        " INFO] Killing tasks for job: devcluster/www-data/prod/hello\n"
        " INFO] Instances to be killed: [0]\n"
        " INFO] Killing tasks for job: devcluster/www-data/prod/hello\n"
        " INFO] Instances to be killed: [1]\n");
  CHECK(active_count(cluster, "hello") == 1);
}

TEST_CASE("kill --batch-size 2 kills two instances per request") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 3));
  cluster.wait_running("hello", 3);

  const auto result =
      server.aurora({"job", "kill", "--batch-size", "2", job_path("hello") + "/0-2"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "Successfully killed instances [0, 1]\n"
        "Successfully killed instances [2]\n"
        "Job kill succeeded\n");
  CHECK(active_count(cluster, "hello") == 0);
}

TEST_CASE("a batch size below one is a usage error instead of an endless loop") {
  DevclusterServer server;
  for (const std::string verb : {"kill", "killall"}) {
    const std::string target = verb == "kill" ? job_path("hello") + "/0" : job_path("hello");
    const auto result = server.aurora({"job", verb, "--batch-size=0", target});
    CHECK(result.exit_code == 2);
    CHECK(result.out == "");
    CHECK(result.err.rfind("usage: aurora job " + verb + " ", 0) == 0);
    CHECK(contains(result.err, "aurora job " + verb +
                                   ": error: argument --batch-size: must be at least 1, got 0\n"));
  }
  const auto negative = server.aurora({"job", "restart", "--batch-size=-2", job_path("hello")});
  CHECK(negative.exit_code == 2);
  CHECK(contains(negative.err, "argument --batch-size: must be at least 1, got -2"));
}

TEST_CASE("a batched killall of a job without active tasks fails with exit 6") {
  DevclusterServer server;
  const auto result = server.aurora({"job", "killall", job_path("ghost")});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err ==
        "No tasks to kill found for job devcluster/www-data/prod/ghost\n"
        " INFO] Command terminated with error code 6\n");
}

TEST_CASE("killall --no-batching sends one kill for the whole job") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result =
      server.aurora({"job", "killall", "--no-batch", "-m", "bye", job_path("hello")});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Job killall succeeded\n");
  CHECK(result.err == " INFO] Killing tasks for job: devcluster/www-data/prod/hello\n");
  CHECK(active_count(cluster, "hello") == 0);
  bool saw_message = false;
  for (const auto& task : cluster.tasks("hello")) {
    for (const auto& event : task.taskEvents) saw_message |= contains(event.message, "bye");
  }
  CHECK(saw_message);
}

TEST_CASE("killall kills every active instance in batches") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result = server.aurora({"job", "killall", "--batch-size", "5", job_path("hello")});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Successfully killed instances [0, 1]\nJob killall succeeded\n");
  CHECK(active_count(cluster, "hello") == 0);
}

TEST_CASE("kill --strict refuses instances that are not active") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result = server.aurora({"job", "kill", "--strict", job_path("hello") + "/1,5,7"});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err == "Invalid instance parameter: [5, 7]\n");
  CHECK(active_count(cluster, "hello") == 2);
}

TEST_CASE("kill warns on stdout when the job has a count SLA policy") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(guarded_job("guarded", 2));
  cluster.wait_running("guarded", 2);

  const auto result = server.aurora({"job", "kill", job_path("guarded") + "/1"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "WARNING: Killing instances without updating SlaPolicy.\n"
        "Successfully killed instances [1]\n"
        "Job kill succeeded\n");
}

TEST_CASE("kill --config loads the job first, and a file that does not define it is exit 3") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto missing =
      server.aurora({"job", "kill", "--config", "/nonexistent/hello.aurora", job_path("hello") + "/0"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.out == "");
  CHECK(missing.err.rfind("Error loading configuration: ", 0) == 0);
  JobFile other;
  other.name = "other";
  const auto elsewhere = server.aurora({"job", "kill", "--config",
                                        write_job_file(server, "other.aurora", other),
                                        job_path("hello") + "/0"});
  CHECK(elsewhere.exit_code == 3);
  CHECK(elsewhere.err.rfind("Error loading configuration: Could not find job "
                            "devcluster/www-data/prod/hello\n", 0) == 0);
  CHECK(active_count(cluster, "hello") == 2);  // nothing was killed

  const auto config = write_job_file(server, "hello.aurora", JobFile{});
  const auto result = server.aurora({"job", "kill", "--config", config, job_path("hello") + "/0"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Successfully killed instances [0]\nJob kill succeeded\n");
  CHECK(result.err ==
        " INFO] Killing tasks for job: devcluster/www-data/prod/hello\n"
        " INFO] Instances to be killed: [0]\n");
  CHECK(active_count(cluster, "hello") == 1);
}

TEST_CASE("a kill the scheduler refuses stops at that batch with exit 10") {
  DevclusterServer server;
  SeededCluster cluster(server);
  auto job = service_job("hello", 2);
  cluster.create(job);
  cluster.wait_running("hello", 2);
  job.taskConfig.executorConfig.data += " ";  // a new config: the update has work to do
  cluster.start_update(job, 600);             // 12 s per instance at --speed 50

  const auto result = server.aurora({"job", "kill", job_path("hello") + "/0-1"});
  CHECK(result.exit_code == 10);
  CHECK(result.out == "");
  CHECK(result.err ==
        " INFO] Killing tasks for job: devcluster/www-data/prod/hello\n"
        " INFO] Instances to be killed: [0]\n"
        "Kill of instances [0] failed with error:\n"
        "\tJob is currently updating\n"
        "\tError: job is locked by an active update.\n"
        "      Run 'aurora update abort' or wait for the active update to finish.\n");
}

TEST_CASE("kill -m records the message with the kill of every batch") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result = server.aurora({"job", "kill", "-m", "going away", job_path("hello") + "/0-1"});
  CHECK(result.exit_code == 0);
  size_t with_message = 0;
  for (const auto& task : cluster.tasks("hello")) {
    for (const auto& event : task.taskEvents) with_message += contains(event.message, "going away");
  }
  CHECK(with_message == 2);
}

TEST_CASE("kill shows upstream's CLUSTER/ROLE/ENV/NAME[/INSTANCES] in usage and errors") {
  DevclusterServer server;
  const auto help = server.aurora({"job", "kill", "-h"});
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, " CLUSTER/ROLE/ENV/NAME[/INSTANCES]"));
  const auto bad = server.aurora({"job", "kill", "devcluster/www-data"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "aurora job kill: error: argument CLUSTER/ROLE/ENV/NAME[/INSTANCES]: "));
}

TEST_CASE("kill -o json reports what was killed") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result = server.aurora({"job", "kill", "-o", "json", job_path("hello") + "/1,4"});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["job"] == "devcluster/www-data/prod/hello");
  CHECK(doc["requested"] == nlohmann::json::array({1, 4}));
  CHECK(doc["batched"] == true);
  CHECK(doc["killed"] == nlohmann::json::array({1}));
  CHECK(doc["not_killed_in_time"] == nlohmann::json::array());
  CHECK(doc["succeeded"] == true);
  CHECK_FALSE(doc.contains("error"));

  const auto empty = server.aurora({"job", "killall", "-o", "json", job_path("ghost")});
  CHECK(empty.exit_code == 6);
  const auto failed = nlohmann::json::parse(empty.out);
  CHECK(failed["succeeded"] == false);
  CHECK(failed["error"] == "No tasks to kill found for job devcluster/www-data/prod/ghost");
}

TEST_CASE("kill --open-browser opens the job page after the kill") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  const auto record = (server.scratch().path() / "opened.txt").string();

  const auto result = server.aurora({"job", "kill", "--open-browser", job_path("hello") + "/0"},
                                    {{"BROWSER", recording_browser(server, record)}});
  CHECK(result.exit_code == 0);
  CHECK(eventually([&] {
    std::ifstream in(record);
    std::string line;
    return std::getline(in, line) && line == server.url() + "/scheduler/www-data/prod/hello";
  }));
}
