// Waiting: update wait and rollback --wait, their exit codes, --timeout, Ctrl-C, and an update
// that rolls itself back because its new tasks fail (spec cli.md §7.5 plus issue 8 item 3).
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/integration/fixtures/run_process.hpp"
#include "tests/integration/update/update_seeding.hpp"

using namespace update_test;
using Status = aurora::gen::JobUpdateStatus;

namespace {

// Every stdout line of a wait is "Current state <STATUS>"; returns the statuses.
std::vector<std::string> states_printed(const std::string& out) {
  std::vector<std::string> states;
  for (const auto& line : lines_of(out)) {
    REQUIRE(line.rfind("Current state ", 0) == 0);
    states.push_back(line.substr(14));
  }
  return states;
}

std::string resume_hint(const std::string& id) {
  return std::string("To keep watching: aurora update wait ") + kJob + " " + id;
}

}  // namespace

TEST_CASE("update wait prints each state change and exits 0 once rolled forward") {
  SeededCluster cluster;
  cluster.create_job(2);
  const std::string id = cluster.start_update(2, "echo v2", 2'000);
  const auto result = cluster.aurora({"update", "wait", kJob, id, "--interval", "1s"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == "");
  const auto states = states_printed(result.out);
  REQUIRE_FALSE(states.empty());
  CHECK(states.back() == "ROLLED_FORWARD");
  CHECK(cluster.status(id) == Status::ROLLED_FORWARD);

  // Waiting again on the finished update reports its ending at once.
  const auto again = cluster.aurora({"update", "wait", kJob, id});
  CHECK(again.exit_code == 0);
  CHECK(again.out == "Current state ROLLED_FORWARD\n");
}

TEST_CASE("update wait without an id follows the job's active update") {
  SeededCluster cluster;
  cluster.create_job(1);
  // Watched long enough (3 s at devcluster's speed 50) that the update is still active when the
  // client, perhaps a slow sanitized one, asks for it.
  cluster.start_update(1, "echo v2", 150'000);
  const auto result = cluster.aurora({"update", "wait", kJob, "--interval", "1s"});
  INFO(result.out, result.err);
  CHECK(result.exit_code == 0);
  const auto states = states_printed(result.out);
  REQUIRE_FALSE(states.empty());
  CHECK(states.back() == "ROLLED_FORWARD");
}

TEST_CASE("update wait on an aborted update exits 20, on a rolled back one 4") {
  SeededCluster cluster;
  cluster.create_job(1);
  const std::string aborted = cluster.start_update(1, "echo v2", 1'000'000);
  REQUIRE(cluster.aurora({"update", "abort", kJob}).exit_code == 0);
  const auto result = cluster.aurora({"update", "wait", kJob, aborted});
  CHECK(result.exit_code == 20);
  CHECK(result.out == "Current state ABORTED\n");
  CHECK(result.err == " INFO] Command terminated with error code 20\n");

  const std::string rolled_back = cluster.start_update(1, "echo v3", 200'000);
  REQUIRE(cluster.aurora({"update", "rollback", kJob}).exit_code == 0);
  const auto back = cluster.aurora({"update", "wait", kJob, rolled_back, "--interval", "1s"});
  CHECK(back.exit_code == 4);
  CHECK(states_printed(back.out).back() == "ROLLED_BACK");
}

TEST_CASE("update wait for an unknown update says it was not found, exit 6") {
  SeededCluster cluster;
  cluster.create_job(1);
  const auto result = cluster.aurora({"update", "wait", kJob, "no-such-id"});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err == "Job update not found.\n");
}

TEST_CASE("update rollback --wait exits 0 once the update has rolled back") {
  SeededCluster cluster;
  cluster.create_job(2);
  const std::string id = cluster.start_update(2, "echo v2", 200'000);
  const auto result =
      cluster.aurora({"update", "rollback", kJob, "--wait", "--interval", "1s", "-m", "undo"});
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() >= 2);
  CHECK(lines.front() == "Update rollback has started.");
  CHECK(lines.back() == "Current state ROLLED_BACK");
  CHECK(cluster.status(id) == Status::ROLLED_BACK);
}

TEST_CASE("--timeout stops waiting with exit 9 and leaves the update running") {
  SeededCluster cluster;
  cluster.create_job(2);
  const std::string id = cluster.start_update(2, "echo v2", 1'000'000);
  const auto result =
      cluster.aurora({"update", "wait", kJob, id, "--timeout", "2s", "--interval", "1s"});
  CHECK(result.exit_code == 9);
  CHECK(result.out == "Current state ROLLING_FORWARD\n");
  CHECK(result.err == "Timed out after 2 secs waiting for update " + id +
                          "; it is still ROLLING_FORWARD and keeps running.\n" + resume_hint(id) +
                          "\n");
  CHECK(cluster.status(id) == Status::ROLLING_FORWARD);
}

TEST_CASE("a paused or pulse-starved update is reported with the command that unblocks it") {
  SeededCluster cluster;
  cluster.create_job(1);
  const std::string id = cluster.start_update(
      1, "echo v2", 1'000'000,
      [](aurora::gen::JobUpdateRequest& r) { r.settings.__set_blockIfNoPulsesAfterMs(3'600'000); });
  const auto blocked = cluster.aurora({"update", "wait", kJob, id, "--timeout", "0s"});
  CHECK(blocked.exit_code == 9);
  CHECK(blocked.out == "Current state ROLL_FORWARD_AWAITING_PULSE\n");
  CHECK(lines_of(blocked.err).front() ==
        std::string("The update is awaiting a pulse; send one with: aurora update pulse ") + kJob);

  REQUIRE(cluster.aurora({"update", "pause", kJob}).exit_code == 0);
  const auto paused = cluster.aurora({"update", "wait", kJob, id, "--timeout", "0s"});
  CHECK(paused.exit_code == 9);
  CHECK(lines_of(paused.err).front() ==
        std::string("The update is paused; resume it with: aurora update resume ") + kJob);
}

TEST_CASE("a bad --timeout or --interval is a usage error, exit 2") {
  SeededCluster cluster;
  const auto result = cluster.aurora({"update", "wait", kJob, "--timeout", "10x"});
  CHECK(result.exit_code == 2);
  CHECK(lines_of(result.err).back() ==
        "aurora update wait: error: argument --timeout: Invalid time span: 10x");
  const auto zero = cluster.aurora({"update", "rollback", kJob, "--wait", "--interval", "0s"});
  CHECK(zero.exit_code == 2);
  CHECK(lines_of(zero.err).back() ==
        "aurora update rollback: error: argument --interval: must be at least 1s");
}

TEST_CASE("Ctrl-C while waiting exits 130, leaves the update running and says how to resume") {
  SeededCluster cluster;
  cluster.create_job(2);
  const std::string id = cluster.start_update(2, "echo v2", 1'000'000);
  auto& server = cluster.server();
  // coreutils timeout sends SIGINT after 2 s and, with --preserve-status, returns our exit code.
  const auto result = run_process({"/usr/bin/timeout", "--preserve-status", "-s", "INT", "2",
                                   AURORA_BINARY, "update", "wait", kJob, id, "--interval", "1s"},
                                  {{"AURORA_CONFIG_ROOT", server.config_root().string()},
                                   {"HOME", (server.scratch().path() / "home").string()},
                                   {"TZ", "UTC"}});
  CHECK(result.exit_code == 130);
  CHECK(result.out == "Current state ROLLING_FORWARD\n");
  CHECK(result.err == "Stopped watching; update " + id + " keeps running (ROLLING_FORWARD).\n" +
                          resume_hint(id) + "\nERROR] Command interrupted by user\n");
  CHECK(cluster.status(id) == Status::ROLLING_FORWARD);
}

TEST_CASE("an update whose new tasks fail rolls back by itself: wait exits 4") {
  aurora::testing::DevclusterOptions options;
  options.run_tasks = true;
  SeededCluster cluster(options);
  cluster.create_job(2, "sleep 60");
  const std::string id = cluster.start_update(2, "exit 1", 2'000);
  const auto result = cluster.aurora({"update", "wait", kJob, id, "--interval", "1s"});
  CHECK(result.exit_code == 4);
  const auto states = states_printed(result.out);
  REQUIRE_FALSE(states.empty());
  CHECK(states.back() == "ROLLED_BACK");
  // Polling may miss short phases (even ROLLING_FORWARD, when the new tasks fail at once); the
  // update's own events record them all, and what was printed follows them in order.
  const auto info = cluster.aurora({"update", "info", kJob, id, "-o", "json"});
  REQUIRE(info.exit_code == 0);
  const auto doc = nlohmann::json::parse(info.out);
  std::vector<std::string> history;
  for (const auto& event : doc["update_events"]) history.push_back(event["status"]);
  CHECK(history == std::vector<std::string>{"ROLLING_FORWARD", "ROLLING_BACK", "ROLLED_BACK"});
  auto next = history.begin();
  for (const auto& state : states) {
    next = std::find(next, history.end(), state);
    CHECK_MESSAGE(next != history.end(), "printed out of the update's order: " << state);
  }
  bool failed_instance = false;
  for (const auto& event : doc["instance_update_events"]) {
    failed_instance = failed_instance || event["action"] == "INSTANCE_UPDATE_FAILED";
  }
  CHECK(failed_instance);
}

TEST_CASE("on a terminal, waiting redraws a progress line with batches and instances") {
  SeededCluster cluster;
  cluster.create_job(3);
  const std::string id = cluster.start_update(3, "echo v2", 100'000);
  auto& server = cluster.server();
  // script(1) gives the client a pseudo-terminal; its output holds both streams.
  const std::string command =
      std::string(AURORA_BINARY) + " update wait " + kJob + " " + id + " --interval 1s";
  const auto result = run_process({"/usr/bin/script", "-qec", command, "/dev/null"},
                                  {{"AURORA_CONFIG_ROOT", server.config_root().string()},
                                   {"HOME", (server.scratch().path() / "home").string()},
                                   {"TZ", "UTC"}});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Current state ROLLING_FORWARD") != std::string::npos);
  CHECK(result.out.find("\rROLLING_FORWARD: batch 1 of 3, 0 of 3 instances updated, 0 failed") !=
        std::string::npos);
  CHECK(result.out.find(" of 3 instances updated, 0 failed\x1b[K") != std::string::npos);
  CHECK(result.out.find("Current state ROLLED_FORWARD") != std::string::npos);
}

TEST_CASE("a coordinated update that stops getting pulses is seen blocking while waiting") {
  SeededCluster cluster;
  cluster.create_job(2);
  // devcluster does not scale pulse intervals by --speed: this is 3 real seconds.
  const std::string id = cluster.start_update(
      2, "echo v2", 1'000'000,
      [](aurora::gen::JobUpdateRequest& r) { r.settings.__set_blockIfNoPulsesAfterMs(3'000); });
  REQUIRE(cluster.aurora({"update", "pulse", kJob, id}).exit_code == 0);
  const auto result =
      cluster.aurora({"update", "wait", kJob, id, "--timeout", "8s", "--interval", "1s"});
  CHECK(result.exit_code == 9);
  // The first poll may already see the block when the client starts slowly (sanitizers).
  CHECK((result.out == "Current state ROLLING_FORWARD\nCurrent state ROLL_FORWARD_AWAITING_PULSE\n" ||
         result.out == "Current state ROLL_FORWARD_AWAITING_PULSE\n"));
  CHECK(result.err ==
        std::string("The update is awaiting a pulse; send one with: aurora update pulse ") + kJob +
            "\nTimed out after 8 secs waiting for update " + id +
            "; it is still ROLL_FORWARD_AWAITING_PULSE and keeps running.\n" + resume_hint(id) +
            "\n");
}
