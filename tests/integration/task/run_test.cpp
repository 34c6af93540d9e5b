// task run over real ssh (a throwaway sshd) into real sandboxes of a devcluster that runs tasks.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/integration/task/task_cluster.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

const std::string kHello =
    "echo \"hello world from instance {{mesos.instance}} on port {{thermos.ports[http]}}\"; "
    "sleep 600";

}  // namespace

TEST_CASE("task run prints each instance's real sandbox output, every line prefixed by its host") {
  TaskCluster cluster;
  cluster.create(task_job("root", "hello", 3, kHello));
  cluster.wait_running("root", "hello", 3);

  const auto result =
      cluster.aurora({"task", "run", "-t", "8", cluster.ssh_flag(),
                      job_path("root", "hello"), "cat .logs/hello/0/stdout"});
  CHECK(result.err == "");
  CHECK(result.exit_code == 0);
  std::vector<std::string> expected;
  for (const auto& task : cluster.tasks("root", "hello")) {
    expected.push_back("127.0.0.1:  hello world from instance " +
                       std::to_string(task.assignedTask.instanceId) + " on port " +
                       std::to_string(task.assignedTask.assignedPorts.at("http")));
  }
  std::sort(expected.begin(), expected.end());
  CHECK(sorted_lines(result.out) == expected);
}

TEST_CASE("task run substitutes each task's values into the command and runs it in its sandbox") {
  TaskCluster cluster;
  cluster.create(task_job("root", "tpl", 2, "echo up; sleep 600"));
  cluster.wait_running("root", "tpl", 2);

  const auto result = cluster.aurora(
      {"task", "run", "--threads=2", cluster.ssh_flag(),
       job_path("root", "tpl"),
       "echo {{mesos.instance}} {{mesos.hostname}} {{thermos.task_id}} {{thermos.ports[http]}} "
       "{{thermos.ports[nope]}} {{other}} \"$PWD\""});
  CHECK(result.exit_code == 0);
  std::vector<std::string> expected;
  for (const auto& task : cluster.tasks("root", "tpl")) {
    const auto& assigned = task.assignedTask;
    expected.push_back("127.0.0.1:  " + std::to_string(assigned.instanceId) + " 127.0.0.1 " +
                       assigned.taskId + " " + std::to_string(assigned.assignedPorts.at("http")) +
                       " {{thermos.ports[nope]}} {{other}} " + cluster.sandbox(task).string());
  }
  std::sort(expected.begin(), expected.end());
  CHECK(sorted_lines(result.out) == expected);
}

TEST_CASE("task run --threads runs the instances at the same time") {
  TaskCluster cluster;
  cluster.create(task_job("root", "par", 3, "echo up; sleep 600"));
  cluster.wait_running("root", "par", 3);
  const auto barrier = cluster.devcluster.scratch().path() / "barrier";
  std::filesystem::create_directories(barrier);

  // Each instance waits (up to 20 s) until all three have started: only a parallel run passes.
  const std::string command = "touch " + barrier.string() +
                              "/{{mesos.instance}}; for i in $(seq 200); do "
                              "[ $(ls " + barrier.string() +
                              " | wc -l) -ge 3 ] && echo together && exit 0; sleep 0.1; done; "
                              "echo alone; exit 1";
  const auto result = cluster.aurora(
      {"task", "run", "-t", "3", cluster.ssh_flag(), job_path("root", "par"),
       command});
  CHECK(result.exit_code == 0);
  CHECK(sorted_lines(result.out) == std::vector<std::string>(3, "127.0.0.1:  together"));
}

TEST_CASE("task run on selected instances with the executor sandbox") {
  TaskCluster cluster;
  cluster.create(task_job("root", "sel", 3, "echo up; sleep 600"));
  cluster.wait_running("root", "sel", 3);
  const auto result =
      cluster.aurora({"task", "run", "--executor-sandbox", cluster.ssh_flag(),
                      job_path("root", "sel") + "/1", "pwd"});
  CHECK(result.exit_code == 0);
  const auto task = cluster.tasks("root", "sel").at(1);
  CHECK(result.out == "127.0.0.1:  " + cluster.sandbox(task).parent_path().string() + "\n");
}

TEST_CASE("task run exits 4 and names the instances whose command failed") {
  TaskCluster cluster;
  cluster.create(task_job("root", "fail", 3, "echo up; sleep 600"));
  cluster.wait_running("root", "fail", 3);
  const auto result =
      cluster.aurora({"task", "run", "-t", "3", cluster.ssh_flag(),
                      job_path("root", "fail"), "test {{mesos.instance}} != 1 && echo ok"});
  CHECK(result.exit_code == 4);
  // An instance without output still prints its (empty) block, as upstream.
  CHECK(sorted_lines(result.out) ==
        std::vector<std::string>{"", "127.0.0.1:  ok", "127.0.0.1:  ok"});
  CHECK(result.err ==
        "ERROR] The command failed on 1 of 3 instances: 1 (exit 1)\n"
        " INFO] Command terminated with error code 4\n");
}

TEST_CASE("task run -o json reports every instance's host, task id, exit code and output") {
  TaskCluster cluster;
  cluster.create(task_job("root", "json", 2, "echo up; sleep 600"));
  cluster.wait_running("root", "json", 2);
  const auto result =
      cluster.aurora({"task", "run", "-o", "json", "-t", "2", cluster.ssh_flag(),
                      job_path("root", "json"),
                      "echo out {{mesos.instance}}; sleep 0.3; echo err >&2; exit {{mesos.instance}}"});
  CHECK(result.exit_code == 4);
  const auto tasks = cluster.tasks("root", "json");
  nlohmann::json expected = nlohmann::json::array();
  for (const auto& task : tasks) {
    const int instance = task.assignedTask.instanceId;
    expected.push_back({{"instance", instance},
                        {"host", "127.0.0.1"},
                        {"task_id", task.assignedTask.taskId},
                        {"exit_code", instance},
                        {"output", "out " + std::to_string(instance) + "\nerr\n"}});
  }
  CHECK(nlohmann::json::parse(result.out) == expected);
}

TEST_CASE("task run refuses instances that are not running, and unknown clusters") {
  TaskCluster cluster;
  cluster.create(task_job("root", "few", 1, "echo up; sleep 600"));
  cluster.wait_running("root", "few", 1);
  auto result = cluster.aurora({"task", "run", cluster.ssh_flag(),
                                job_path("root", "few") + "/7", "echo hi"});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err ==
        "No running tasks of devcluster/root/prod/few/7 to run the command on\n");

  result = cluster.aurora({"task", "run", "nope/root/prod/few", "echo hi"});
  CHECK(result.exit_code == 3);
  CHECK(result.err.rfind("Unknown cluster: nope", 0) == 0);

  result = cluster.aurora({"task", "run", "-t", "0", job_path("root", "few"), "echo hi"});
  CHECK(result.exit_code == 2);
}

TEST_CASE("task run without slave_root in clusters.json is a configuration error") {
  TaskCluster cluster(false);
  const auto etc = cluster.devcluster.scratch().path() / "etc-no-root";
  std::filesystem::create_directories(etc);
  std::ofstream(etc / "clusters.json")
      << "[{\"name\": \"devcluster\", \"scheduler_uri\": \"" << cluster.devcluster.url()
      << "\", \"slave_run_directory\": \"latest\"}]\n";
  const auto result = cluster.aurora(
      {"task", "run", job_path("root", "any"), "echo hi"}, std::chrono::seconds(60), etc);
  CHECK(result.exit_code == 3);
  CHECK(result.out == "");
  CHECK(result.err.find("has no slave_root") != std::string::npos);
}

// Several ssh at once (-t) must never stop to prompt: task run adds BatchMode, after the user's
// --ssh-options so that an earlier -o BatchMode=no of theirs wins (ssh keeps the first value).
// task ssh is interactive and adds nothing.
TEST_CASE("task run starts ssh in batch mode after the user's options and task ssh does not") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "batch", 1, "sleep 600"));
  cluster.wait_running("root", "batch", 1);
  const auto task = cluster.tasks("root", "batch").at(0);
  const std::string config = cluster.sshd.ssh_config().string();
  const auto env = cluster.recording_ssh_env();

  auto result =
      cluster.aurora({"task", "run", cluster.ssh_flag(), job_path("root", "batch"), "echo ran"},
                     std::chrono::seconds(60), {}, env);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "127.0.0.1:  ran\n");
  result = cluster.aurora(
      {"task", "ssh", cluster.ssh_flag(), job_path("root", "batch") + "/0", "-c", "echo ran"},
      std::chrono::seconds(60), {}, env);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "ran\n");

  const auto calls = cluster.recorded_ssh_calls();
  REQUIRE(calls.size() == 2);
  CHECK(calls[0] == std::vector<std::string>{"-n", "-q", "-F", config, "-o", "BatchMode=yes",
                                             "root@127.0.0.1",
                                             cluster.remote_cd(task) + "echo ran"});
  CHECK(calls[1] == std::vector<std::string>{"-t", "-F", config, "root@127.0.0.1",
                                             cluster.remote_cd(task) + "echo ran"});
}
