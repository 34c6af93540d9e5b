// task scp over real scp: out of and into task sandboxes, and the path rules of spec §3.5/§7.13.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/task/task_cluster.hpp"

using namespace aurora;
using namespace aurora::testing;

TEST_CASE("task scp copies a file out of a task's sandbox and into another's") {
  TaskCluster cluster;
  cluster.create(task_job("root", "hello", 2,
                          "echo \"hello from {{mesos.instance}}\"; sleep 600"));
  cluster.wait_running("root", "hello", 2);
  const auto tasks = cluster.tasks("root", "hello");
  const auto local = cluster.devcluster.scratch().path() / "copied-stdout";
  const std::string job = job_path("root", "hello");

  auto result = cluster.aurora({"task", "scp", cluster.scp_flag(),
                                job + "/0:.logs/hello/0/stdout", local.string()});
  CHECK(result.exit_code == 0);
  CHECK(read_file(local) == "hello from 0\n");

  // Relative paths are normalized and joined to the sandbox: logs/.. is the sandbox itself.
  // Uploads need the legacy protocol (-O): its remote shell expands the sandbox's globs, which
  // the SFTP protocol does not do for a destination.
  result = cluster.aurora({"task", "scp", cluster.scp_flag() + " -O", local.string(),
                           job + "/1:logs/.."});
  CHECK(result.exit_code == 0);
  CHECK(read_file(cluster.sandbox(tasks.at(1)) / "copied-stdout") == "hello from 0\n");

  const auto again = cluster.devcluster.scratch().path() / "again";
  result = cluster.aurora({"task", "scp", cluster.scp_flag() + " -O", job + "/1:./copied-stdout",
                           again.string()});
  CHECK(result.exit_code == 0);
  CHECK(read_file(again) == "hello from 0\n");
}

TEST_CASE("task scp --executor-sandbox and absolute paths") {
  TaskCluster cluster;
  cluster.create(task_job("root", "exe", 1, "echo up; sleep 600"));
  cluster.wait_running("root", "exe", 1);
  const auto task = cluster.tasks("root", "exe").at(0);
  const auto local = cluster.devcluster.scratch().write_file("local.txt", "local\n");
  const std::string job = job_path("root", "exe");

  auto result = cluster.aurora({"task", "scp", "--executor-sandbox", cluster.scp_flag() + " -O",
                                local.string(), job + "/0:."});
  CHECK(result.exit_code == 0);
  CHECK(read_file(cluster.sandbox(task).parent_path() / "local.txt") == "local\n");

  const auto absolute = cluster.devcluster.scratch().path() / "absolute.txt";
  result = cluster.aurora({"task", "scp", cluster.scp_flag(), local.string(),
                           job + "/0:" + absolute.string()});
  CHECK(result.exit_code == 0);
  CHECK(read_file(absolute) == "local\n");
}

TEST_CASE("task scp refuses tilde paths, bad task keys and instances that are not live") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "bad", 1, "sleep 600"));
  cluster.wait_running("root", "bad", 1);
  const std::string job = job_path("root", "bad");

  auto result = cluster.aurora({"task", "scp", job + "/0:~/notes", "/tmp/x"});
  CHECK(result.exit_code == 6);
  CHECK(result.err == "Command does not support tilde expansion for path: ~/notes\n");

  result = cluster.aurora({"task", "scp", "devcluster/root/bad:file", "/tmp/x"});
  CHECK(result.exit_code == 6);
  CHECK(result.err ==
        "Task instance specifier devcluster/root/bad is not in the form "
        "CLUSTER/ROLE/ENV/NAME/INSTANCE\n");

  result = cluster.aurora({"task", "scp", "/tmp/x", job + "/3:file"});
  CHECK(result.exit_code == 6);
  CHECK(result.err == "Job or instance devcluster/root/prod/bad/3 not found\n");
}

TEST_CASE("task scp without slave_root in clusters.json is a configuration error") {
  TaskCluster cluster(false);
  const auto etc = cluster.devcluster.scratch().path() / "etc-no-root";
  std::filesystem::create_directories(etc);
  std::ofstream(etc / "clusters.json")
      << "[{\"name\": \"devcluster\", \"scheduler_uri\": \"" << cluster.devcluster.url() << "\"}]\n";
  const auto result = cluster.aurora({"task", "scp", job_path("root", "any") + "/0:f", "/tmp/x"},
                                     std::chrono::seconds(60), etc);
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("has no slave_root") != std::string::npos);
}
