// SIGINT (Ctrl-C) and SIGTERM in the middle of commands that take many steps: the command stops
// between steps, exits 130 or 143, and says what was done and how to go on; nothing is left
// half-done on the scheduler.
#include <doctest/doctest.h>

#include <signal.h>

#include <nlohmann/json.hpp>

#include "tests/integration/faults/fault_cluster.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// hello with `instances` running instances, its tasks stepping at `speed`.
void run_hello(FaultCluster& cluster, int instances) {
  SeededCluster(cluster.server()).create(service_job("hello", instances));
  SeededCluster(cluster.server()).wait_running("hello", static_cast<size_t>(instances));
}

DevclusterOptions at_speed(double speed) {
  DevclusterOptions options;
  options.speed = speed;
  return options;
}

std::string started_update_id(const FaultCluster& cluster) {
  const auto list = cluster.aurora({"update", "list", kHello, "--status", "active", "-o", "json"});
  REQUIRE(list.exit_code == 0);
  const auto updates = nlohmann::json::parse(list.out);
  REQUIRE(updates.size() == 1);
  return updates[0]["id"];
}

}  // namespace

TEST_CASE("SIGINT and SIGTERM stop update wait with 130 and 143, and the update keeps running") {
  FaultCluster cluster({}, at_speed(2));
  REQUIRE(cluster.create_hello());
  REQUIRE(cluster.start_hello_update(60));
  const std::string id = started_update_id(cluster);
  const std::string resume = "To keep watching: aurora update wait " + kHello + " " + id + "\n";

  auto interrupted = cluster.start({"update", "wait", kHello});
  REQUIRE(interrupted->wait_for_out("Current state ROLLING_FORWARD"));
  ::kill(interrupted->pid(), SIGINT);
  const auto by_ctrl_c = interrupted->finish(std::chrono::seconds(10));
  CHECK(by_ctrl_c.exit_code == 130);
  CHECK(contains(by_ctrl_c.err, "Stopped watching; update " + id +
                                    " keeps running (ROLLING_FORWARD).\n" + resume));
  CHECK(contains(by_ctrl_c.err, "ERROR] Command interrupted by user\n"));

  auto terminated = cluster.start({"update", "wait", kHello});
  REQUIRE(terminated->wait_for_out("Current state ROLLING_FORWARD"));
  ::kill(terminated->pid(), SIGTERM);
  const auto by_sigterm = terminated->finish(std::chrono::seconds(10));
  CHECK(by_sigterm.exit_code == 143);
  CHECK(contains(by_sigterm.err, resume));
  CHECK(contains(by_sigterm.err, "ERROR] Command terminated by SIGTERM\n"));

  CHECK(started_update_id(cluster) == id);  // still the one active update
}

TEST_CASE("SIGTERM during a batched job kill says which instances died and how to finish") {
  FaultCluster cluster({}, at_speed(1));  // each batch takes a poll of 2 s
  run_hello(cluster, 3);
  auto kill = cluster.start({"job", "kill", kHello + "/0-2", "--batch-size", "1"});
  REQUIRE(kill->wait_for_out("Successfully killed instances [0]\n"));
  ::kill(kill->pid(), SIGTERM);
  const auto result = kill->finish(std::chrono::seconds(10));
  CHECK(result.exit_code == 143);
  CHECK(contains(result.err, "Kill of " + kHello + " stopped. Killed: [0]; asked to kill, not "
                             "confirmed: [1]; not asked: [2].\nTo finish: aurora job kill " +
                             kHello + "/1,2\n"));
  CHECK(contains(result.err, "ERROR] Command terminated by SIGTERM\n"));
  // Instance 0 is dead and instance 2 was never asked to die (1 may be either).
  std::set<int32_t> running;
  for (const auto& task : SeededCluster(cluster.server()).tasks("hello", {gen::ScheduleStatus::RUNNING})) {
    running.insert(task.assignedTask.instanceId);
  }
  CHECK(running.count(0) == 0);
  CHECK(running.count(2) == 1);

  const auto finish = cluster.aurora({"job", "kill", kHello + "/1,2", "--batch-size", "2"});
  CHECK(finish.exit_code == 0);
  CHECK(eventually([&] { return SeededCluster(cluster.server()).tasks("hello", {
                                    gen::ScheduleStatus::RUNNING}).empty(); }));
}

TEST_CASE("SIGINT during job restart stops after the batch under way, and no instance stays down") {
  FaultCluster cluster({}, at_speed(2));
  run_hello(cluster, 3);
  auto restart = cluster.start({"job", "restart", kHello, "--batch-size", "1", "--watch-secs", "1",
                                "--healthcheck-interval-seconds", "1"});
  REQUIRE(restart->wait_for_err("Watching instances: [0]"));
  ::kill(restart->pid(), SIGINT);
  const auto result = restart->finish(std::chrono::seconds(10));
  CHECK(result.exit_code == 130);
  CHECK(contains(result.err, "Restart of job " + kHello + " interrupted; no further instances "
                             "will be restarted.\n"));
  CHECK(contains(result.err, "Not restarted: [1, 2]\n"));
  CHECK(contains(result.err, "ERROR] Command interrupted by user\n"));
  // The restarted instance comes back by itself; the others were never touched.
  CHECK(eventually([&] {
    return SeededCluster(cluster.server()).tasks("hello", {gen::ScheduleStatus::RUNNING}).size() == 3;
  }));
}
