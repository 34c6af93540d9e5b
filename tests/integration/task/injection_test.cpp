// Shell injection through what the scheduler or clusters.json supplies must fail harmlessly: a
// devcluster whose stored state was tampered with plays a compromised scheduler.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/task/task_cluster.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Stops the devcluster, rewrites `from` as `to` in its saved state, and starts it again.
void tamper_state(TaskCluster& cluster, const std::string& from, const std::string& to) {
  cluster.devcluster.kill_hard();
  const auto state_file = cluster.devcluster.state_dir() / "state.json";
  std::string state = read_file(state_file);
  REQUIRE(state.find(from) != std::string::npos);
  replace_all(state, from, to);
  std::ofstream(state_file, std::ios::trunc) << state;
  cluster.devcluster.start();
}

}  // namespace

TEST_CASE("a task id that carries shell code is refused before anything runs") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "evil", 1, "sleep 600"));
  cluster.wait_running("root", "evil", 1);
  const auto marker = cluster.devcluster.scratch().path() / "PWNED";
  const std::string task_id = cluster.tasks("root", "evil").at(0).assignedTask.taskId;
  const std::string hostile = task_id + "';touch${IFS}" + marker.string() + ";'";
  tamper_state(cluster, task_id, hostile);
  REQUIRE(cluster.tasks("root", "evil").at(0).assignedTask.taskId == hostile);
  const std::string job = job_path("root", "evil");
  const std::string refusal = "Refusing to use instance 0: the scheduler reported the task id '" +
                              task_id + "\\x27;touch${IFS}" + marker.string() +
                              ";\\x27', which is not safe to pass to ssh\n";

  auto result = cluster.aurora({"task", "run", cluster.ssh_flag(), job,
                                "echo {{thermos.task_id}}"});
  CHECK(result.exit_code == 4);
  CHECK(result.out == "");
  CHECK(result.err == refusal);

  result = cluster.aurora(
      {"task", "ssh", cluster.ssh_flag(), job + "/0", "-c", "true"});
  CHECK(result.exit_code == 4);
  CHECK(result.err == refusal);

  result = cluster.aurora(
      {"task", "scp", cluster.scp_flag(), job + "/0:x", "/tmp/never"});
  CHECK(result.exit_code == 4);
  CHECK(result.err == refusal);
  CHECK(!std::filesystem::exists(marker));
}

TEST_CASE("a host name that would be read as an ssh option is refused") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "evil", 1, "sleep 600"));
  cluster.wait_running("root", "evil", 1);
  const auto marker = cluster.devcluster.scratch().path() / "PWNED";
  tamper_state(cluster, "\"127.0.0.1\"", "\"-oProxyCommand=touch${IFS}" + marker.string() + "\"");

  const auto result = cluster.aurora({"task", "run", cluster.ssh_flag(),
                                      job_path("root", "evil"), "true"});
  CHECK(result.exit_code == 4);
  CHECK(result.err == "Refusing to use instance 0: the scheduler reported the host name "
                      "'-oProxyCommand=touch${IFS}" + marker.string() +
                      "', which is not safe to pass to ssh\n");
  CHECK(!std::filesystem::exists(marker));
}

namespace {

// A clusters.json for `cluster` whose `field` (slave_root or slave_run_directory) is `value`.
std::filesystem::path hostile_config(const TaskCluster& cluster, const std::string& field,
                                     const std::string& value) {
  const auto etc = cluster.devcluster.scratch().path() / ("etc-hostile-" + field);
  std::filesystem::create_directories(etc);
  nlohmann::json entry = {{"name", "devcluster"},
                          {"scheduler_uri", cluster.devcluster.url()},
                          {"slave_root", cluster.devcluster.sandbox_root().string()},
                          {"slave_run_directory", "latest"}};
  entry[field] = value;
  std::ofstream(etc / "clusters.json") << nlohmann::json::array({entry}).dump() << "\n";
  return etc;
}

// The error for an unsafe value; `shown` is the value as the message quotes it (a ' as \x27).
std::string unsafe_setting_error(const std::filesystem::path& etc, const std::string& field,
                                 const std::string& shown) {
  return "Cluster devcluster (" + (etc / "clusters.json").string() + ") has an unsafe " + field +
         " '" + shown +
         "': task run, ssh and scp accept only letters, digits and / . _ - + , = @ % in "
         "slave_root and slave_run_directory\n";
}

}  // namespace

// With the legacy protocol (-O) scp hands the remote path to the remote user's shell, which would
// run a $(...) in it; with the SFTP protocol the path is taken literally, so no quoting is right
// for both. The value is refused instead, before anything runs.
TEST_CASE("a slave_root with shell code is refused before scp runs, with either scp protocol") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "scp", 1, "sleep 600"));
  cluster.wait_running("root", "scp", 1);
  const auto marker = cluster.devcluster.scratch().path() / "PWNED";
  const std::string hostile =
      cluster.devcluster.sandbox_root().string() + "/x$(touch " + marker.string() + ")";
  const auto etc = hostile_config(cluster, "slave_root", hostile);
  const auto local = cluster.devcluster.scratch().write_file("local.txt", "local\n");
  const auto copied = cluster.devcluster.scratch().path() / "copied.txt";
  const std::string remote = job_path("root", "scp") + "/0:.logs";

  for (const std::string& protocol : {std::string(""), std::string(" -O")}) {
    CAPTURE(protocol);
    for (const auto& copy :
         {std::pair{remote, copied.string()}, std::pair{local.string(), remote}}) {
      CAPTURE(copy.first);
      const auto result =
          cluster.aurora({"task", "scp", cluster.scp_flag() + protocol, copy.first, copy.second},
                         std::chrono::seconds(60), etc);
      CHECK(result.exit_code == 3);
      CHECK(result.err == unsafe_setting_error(etc, "slave_root", hostile));
    }
  }
  CHECK(!std::filesystem::exists(marker));
  CHECK(!std::filesystem::exists(copied));
}

TEST_CASE("a slave_root or slave_run_directory with shell code is refused by task run and ssh") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "quoted", 1, "sleep 600"));
  cluster.wait_running("root", "quoted", 1);
  const auto marker = cluster.devcluster.scratch().path() / "PWNED";
  const auto ran = cluster.devcluster.scratch().path() / "RAN";
  const std::string job = job_path("root", "quoted");
  struct Hostile {
    std::string field, value, shown;
  };
  const std::string root = cluster.devcluster.sandbox_root().string();
  const std::vector<Hostile> hostile = {
      {"slave_root", root + "'; touch " + marker.string() + "; '",
       root + "\\x27; touch " + marker.string() + "; \\x27"},
      {"slave_run_directory", "latest`touch " + marker.string() + "`",
       "latest`touch " + marker.string() + "`"}};
  for (const auto& setting : hostile) {
    INFO(setting.field);
    const auto etc = hostile_config(cluster, setting.field, setting.value);
    const std::string expected = unsafe_setting_error(etc, setting.field, setting.shown);
    auto result = cluster.aurora({"task", "run", cluster.ssh_flag(), job, "touch " + ran.string()},
                                 std::chrono::seconds(60), etc);
    CHECK(result.exit_code == 3);
    CHECK(result.out == "");
    CHECK(result.err == expected);
    result = cluster.aurora(
        {"task", "ssh", cluster.ssh_flag(), job + "/0", "-c", "touch " + ran.string()},
        std::chrono::seconds(60), etc);
    CHECK(result.exit_code == 3);
    CHECK(result.err == expected);
  }
  CHECK(!std::filesystem::exists(marker));
  CHECK(!std::filesystem::exists(ran));
}

TEST_CASE("an --ssh-user that ssh would read as an option is refused") {
  TaskCluster cluster(false);
  const auto result =
      cluster.aurora({"task", "run", "--ssh-user=-oProxyCommand=true", job_path("root", "x"),
                      "true"});
  CHECK(result.exit_code == 6);
  CHECK(result.err ==
        "Invalid ssh user '-oProxyCommand=true': use letters, digits, '_', '-' and '.', not "
        "starting with '-'\n");
}
