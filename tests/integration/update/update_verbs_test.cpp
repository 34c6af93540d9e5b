// update list, info, pause, resume, abort and pulse against a real devcluster (spec cli.md §7.5).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/update/update_seeding.hpp"

using namespace update_test;
using Status = aurora::gen::JobUpdateStatus;

namespace {

// Long enough (at speed 50: 20 s per instance) that the update is still running when checked.
constexpr int kSlowWatchMs = 1'000'000;

std::string padded(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

const char* const kNoActiveUpdate =
    "No active update found for this job.\n INFO] Command terminated with error code 6\n";

}  // namespace

TEST_CASE("update list prints upstream's padded table, one row per update") {
  SeededCluster cluster;
  cluster.create_job(2);
  const std::string id = cluster.start_update(2, "echo v2", kSlowWatchMs);
  const auto summary = cluster.summary(id);

  const auto result = cluster.aurora({"update", "list", "devcluster"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == "");
  const std::string header = padded("JOB", 47) + " " + padded("UPDATE ID", 36) + " " +
                             padded("STATUS", 15) + " " + padded("CREATED BY", 11) + " " +
                             padded("STARTED", 19) + " " + padded("LAST MODIFIED", 19);
  const std::string row = padded(kJob, 47) + " " + padded(id, 36) + " " +
                          padded("ROLLING_FORWARD", 15) + " " + padded(summary.user, 11) + " " +
                          utc_iso(summary.state.createdTimestampMs) + " " +
                          utc_iso(summary.state.lastModifiedTimestampMs);
  CHECK(result.out == header + "\n" + row + "\n");
}

TEST_CASE("update list filters by status group, role, environment and user") {
  SeededCluster cluster;
  cluster.create_job(1);
  const std::string id = cluster.start_update(1, "echo v2", kSlowWatchMs);

  auto rows = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"update", "list"});
    const auto result = cluster.aurora(args);
    REQUIRE(result.exit_code == 0);
    return lines_of(result.out).size();
  };
  CHECK(rows({"devcluster", "--status", "active"}) == 2);
  CHECK(rows({"devcluster", "--status", "ROLLING_FORWARD"}) == 2);
  CHECK(rows({"devcluster", "--status", "paused", "--status", "succeeded"}) == 0);
  CHECK(rows({"devcluster", "--status", "failed", "--status", "active"}) == 2);
  CHECK(rows({"devcluster/www-data"}) == 2);
  CHECK(rows({"devcluster/other-role"}) == 0);
  CHECK(rows({"devcluster/www-data/prod"}) == 2);
  CHECK(rows({"devcluster/www-data/devel"}) == 0);
  CHECK(rows({"devcluster/www-data/prod/hello"}) == 2);
  CHECK(rows({"devcluster/www-data/prod/other"}) == 0);
  CHECK(rows({"devcluster", "--user", "nobody-at-all"}) == 0);
  CHECK(cluster.status(id) == Status::ROLLING_FORWARD);
}

TEST_CASE("update list --write-json prints upstream's keys, and [] when nothing matches") {
  SeededCluster cluster;
  cluster.create_job(1);
  const std::string id = cluster.start_update(1, "echo v2", kSlowWatchMs);
  const auto summary = cluster.summary(id);

  const auto result = cluster.aurora({"update", "list", "devcluster", "--write-json"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "[\n  {\n    \"status\": \"ROLLING_FORWARD\",\n    \"started\": \"" +
                          utc_iso(summary.state.createdTimestampMs) + "\",\n    \"job\": \"" +
                          kJob + "\",\n    \"last_modified\": \"" +
                          utc_iso(summary.state.lastModifiedTimestampMs) + "\",\n    \"user\": \"" +
                          summary.user + "\",\n    \"id\": \"" + id + "\"\n  }\n]\n");

  const auto json = cluster.aurora({"update", "list", "devcluster", "-o", "json"});
  CHECK(json.out == result.out);

  const auto none =
      cluster.aurora({"update", "list", "devcluster", "--status", "ABORTED", "--write-json"});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "[]\n");
}

TEST_CASE("update list rejects an unknown --status as argparse does, exit 2") {
  SeededCluster cluster;
  const auto result = cluster.aurora({"update", "list", "devcluster", "--status", "bogus"});
  CHECK(result.exit_code == 2);
  CHECK(result.out == "");
  CHECK(result.err.rfind("usage: aurora update list", 0) == 0);
  const std::string last_line = lines_of(result.err).back();
  CHECK(last_line ==
        "aurora update list: error: argument --status: invalid choice: 'bogus' (choose from "
        "'all', 'ROLLED_BACK', 'ROLLING_FORWARD', 'succeeded', 'FAILED', 'ROLLED_FORWARD', "
        "'ROLLING_BACK', 'ROLL_FORWARD_AWAITING_PULSE', 'ROLL_BACK_PAUSED', 'paused', 'failed', "
        "'inactive', 'ABORTED', 'ERROR', 'active', 'ROLL_BACK_AWAITING_PULSE', "
        "'ROLL_FORWARD_PAUSED', 'blocked')");
}

TEST_CASE("pause, resume and abort move the active update and print upstream's messages") {
  SeededCluster cluster;
  cluster.create_job(2);
  const std::string id = cluster.start_update(2, "echo v2", kSlowWatchMs);

  auto paused = cluster.aurora({"update", "pause", kJob, "-m", "hold on"});
  CHECK(paused.exit_code == 0);
  CHECK(paused.out == "Update has been paused.\n");
  CHECK(paused.err == "");
  CHECK(cluster.status(id) == Status::ROLL_FORWARD_PAUSED);

  auto resumed = cluster.aurora({"update", "resume", kJob});
  CHECK(resumed.exit_code == 0);
  CHECK(resumed.out == "Update has been resumed.\n");
  CHECK(cluster.status(id) == Status::ROLLING_FORWARD);

  auto aborted = cluster.aurora({"update", "abort", kJob, "--message=enough"});
  CHECK(aborted.exit_code == 0);
  CHECK(aborted.out == "Update has been aborted.\n");
  CHECK(cluster.status(id) == Status::ABORTED);

  for (const char* verb : {"pause", "resume", "abort", "rollback", "pulse"}) {
    CAPTURE(verb);
    auto none = cluster.aurora({"update", verb, kJob});
    CHECK(none.exit_code == 6);
    CHECK(none.out == "");
    CHECK(none.err == kNoActiveUpdate);
  }
}

TEST_CASE("a state change the scheduler refuses prints the heading and exits 10") {
  SeededCluster cluster;
  cluster.create_job(1);
  const std::string id = cluster.start_update(1, "echo v2", kSlowWatchMs);
  REQUIRE(cluster.aurora({"update", "pause", kJob}).exit_code == 0);
  // devcluster, like the scheduler, has no transition from ROLL_FORWARD_PAUSED to ROLLING_BACK.
  const auto result = cluster.aurora({"update", "rollback", kJob});
  CHECK(result.exit_code == 10);
  CHECK(result.out == "");
  const auto lines = lines_of(result.err);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "Failed to rollback update due to error:");
  CHECK(lines[1].rfind("\t", 0) == 0);
  CHECK(lines[1].size() > 1);
  CHECK(cluster.status(id) == Status::ROLL_FORWARD_PAUSED);
}

TEST_CASE("update info shows an update by id, or the active one, in text and JSON") {
  SeededCluster cluster;
  cluster.create_job(1);
  const std::string id =
      cluster.start_update(1, "echo v2", kSlowWatchMs, [](aurora::gen::JobUpdateRequest& r) {
        aurora::gen::Metadata client_id, owner;
        client_id.key = "org.apache.aurora.client.update_id";
        client_id.value = "c-1";
        owner.key = "owner";
        owner.value = "team-a";
        r.__set_metadata({owner, client_id});
      });
  REQUIRE(cluster.aurora({"update", "pause", kJob, "-m", "hold on"}).exit_code == 0);
  const auto summary = cluster.summary(id);

  const auto by_id = cluster.aurora({"update", "info", kJob, id});
  CHECK(by_id.exit_code == 0);
  const auto lines = lines_of(by_id.out);
  REQUIRE(lines.size() >= 7);
  CHECK(lines[0] == std::string("Job: ") + kJob + ", UpdateID: " + id);
  CHECK(lines[1] == "Started " + utc_iso(summary.state.createdTimestampMs) +
                        ", last activity: " + utc_iso(summary.state.lastModifiedTimestampMs));
  CHECK(lines[2] == "Current status: ROLL_FORWARD_PAUSED");
  CHECK(lines[3] == "Update events:");
  CHECK(lines[4].rfind("  Status: ROLLING_FORWARD at ", 0) == 0);
  CHECK(lines[5].rfind("  Status: ROLL_FORWARD_PAUSED at ", 0) == 0);
  CHECK(lines[6] == "      message: hold on");
  REQUIRE(lines.size() >= 3);
  const std::vector<std::string> tail(lines.end() - 3, lines.end());
  CHECK(tail == std::vector<std::string>{"Metadata:", "  org.apache.aurora.client.update_id: c-1",
                                         "  owner: team-a"});

  const auto active = cluster.aurora({"update", "info", kJob});
  CHECK(active.exit_code == 0);
  CHECK(active.out == by_id.out);

  const auto json = cluster.aurora({"update", "info", kJob, id, "--write-json"});
  CHECK(json.exit_code == 0);
  const auto doc = nlohmann::ordered_json::parse(json.out);
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"status", "started", "update_events", "job",
                                         "last_modified", "updateId", "instance_update_events",
                                         "metadata"});
  CHECK(doc["status"] == "ROLL_FORWARD_PAUSED");
  CHECK(doc["started"] == summary.state.createdTimestampMs);
  CHECK(doc["job"] == kJob);
  CHECK(doc["updateId"] == id);
  CHECK(doc["update_events"][1]["message"] == "hold on");
  CHECK(doc["update_events"][1].begin().key() == "status");
  CHECK(doc["metadata"] ==
        nlohmann::ordered_json::parse(
            R"([{"org.apache.aurora.client.update_id": "c-1"}, {"owner": "team-a"}])"));
}

TEST_CASE("update info without an active update, or with an unknown id, exits 6") {
  SeededCluster cluster;
  cluster.create_job(1);
  const auto none = cluster.aurora({"update", "info", kJob});
  CHECK(none.exit_code == 6);
  CHECK(none.err ==
        "There is no active update for this job.\n INFO] Command terminated with error code 6\n");

  const auto unknown = cluster.aurora({"update", "info", kJob, "no-such-id"});
  CHECK(unknown.exit_code == 6);
  CHECK(unknown.err ==
        "There is no update for key: JobUpdateKey(job=JobKey(environment='prod', "
        "role='www-data', name='hello'), id='no-such-id')\n"
        " INFO] Command terminated with error code 6\n");
}

TEST_CASE("update pulse unblocks a coordinated update and exits 4 once it has ended") {
  SeededCluster cluster;
  cluster.create_job(1);
  const std::string id = cluster.start_update(
      1, "echo v2", kSlowWatchMs,
      [](aurora::gen::JobUpdateRequest& r) { r.settings.__set_blockIfNoPulsesAfterMs(3'600'000); });
  CHECK(cluster.status(id) == Status::ROLL_FORWARD_AWAITING_PULSE);

  const auto pulsed = cluster.aurora({"update", "pulse", kJob});
  CHECK(pulsed.exit_code == 0);
  CHECK(pulsed.out == "Update has been pulsed.\n");
  CHECK(cluster.status(id) == Status::ROLLING_FORWARD);

  REQUIRE(cluster.aurora({"update", "abort", kJob}).exit_code == 0);
  const auto late = cluster.aurora({"update", "pulse", kJob, id});
  CHECK(late.exit_code == 4);
  CHECK(late.out == "");
  CHECK(lines_of(late.err).front() ==
        "Update " + id + " is no longer active; the pulse had no effect.");
}
