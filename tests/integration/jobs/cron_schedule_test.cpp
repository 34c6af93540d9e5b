// cron schedule from a real .aurora file against a real devcluster.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tests/integration/jobs/job_configs.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

const std::string kNightly = "devcluster/www-data/prod/nightly";

JobFile nightly(const std::string& schedule) {
  JobFile job;
  job.name = "nightly";
  job.instances = 1;
  job.cron_schedule = schedule;
  return job;
}

}  // namespace

TEST_CASE("cron schedule registers the job, and cron show prints its schedule") {
  DevclusterServer server;
  const auto config = write_job_file(server, "nightly.aurora", nightly("0 0 1 1 *"));
  const auto result = server.aurora({"cron", "schedule", kNightly, config});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Cron job scheduled, status can be viewed at " + server.url() +
                          "/scheduler/www-data/prod/nightly\n");
  CHECK(result.err == " INFO] Registering job nightly with cron\n");
  CHECK(SeededCluster(server).tasks("nightly").empty());  // scheduled, not run

  const auto shown = server.aurora({"cron", "show", kNightly});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out == kNightly + "\t 0 0 1 1 *\n");
}

TEST_CASE("cron schedule of a scheduled job replaces its schedule") {
  DevclusterServer server;
  REQUIRE(server.aurora({"cron", "schedule", kNightly,
                         write_job_file(server, "v1.aurora", nightly("0 0 1 1 *"))})
              .exit_code == 0);
  const auto again = server.aurora(
      {"cron", "schedule", kNightly, write_job_file(server, "v2.aurora", nightly("30 2 * * *"))});
  CHECK(again.exit_code == 0);
  CHECK(server.aurora({"cron", "show", kNightly}).out == kNightly + "\t 30 2 * * *\n");
}

TEST_CASE("cron schedule takes --bind values into the configuration") {
  DevclusterServer server;
  const auto config = write_job_file(server, "bound.aurora", nightly("0 {{hour}} * * *"));
  const auto result = server.aurora({"cron", "schedule", kNightly, config, "--bind", "hour=3"});
  CHECK(result.exit_code == 0);
  CHECK(server.aurora({"cron", "show", kNightly}).out == kNightly + "\t 0 3 * * *\n");
}

TEST_CASE("cron schedule of a job without a cron schedule is refused with exit 4") {
  DevclusterServer server;
  JobFile service;
  service.name = "nightly";
  const auto result =
      server.aurora({"cron", "schedule", kNightly, write_job_file(server, "svc.aurora", service)});
  CHECK(result.exit_code == 4);
  CHECK(result.out == "");
  CHECK(result.err == "Non-cron jobs may only be created with \"aurora job create\" command\n");
  CHECK(server.aurora({"cron", "show", kNightly}).exit_code == 6);
}

TEST_CASE("cron schedule reports the scheduler's refusal with exit 10") {
  DevclusterServer server;
  const auto config = write_job_file(server, "bad.aurora", nightly("61 * * * *"));
  const auto result = server.aurora({"cron", "schedule", kNightly, config});
  CHECK(result.exit_code == 10);
  CHECK(result.out == "");
  CHECK(result.err.rfind(" INFO] Registering job nightly with cron\n"
                         "Error scheduling cron job " + kNightly + ":\n\t",
                         0) == 0);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 3);  // one line of messages
}

TEST_CASE("cron schedule with an unknown cluster or a missing file is exit 3") {
  DevclusterServer server;
  const auto config = write_job_file(server, "nightly.aurora", nightly("0 0 1 1 *"));
  const auto cluster = server.aurora({"cron", "schedule", "nowhere/www-data/prod/nightly", config});
  CHECK(cluster.exit_code == 3);
  CHECK(cluster.err.find("nowhere") != std::string::npos);
  const auto missing = server.aurora({"cron", "schedule", kNightly, "/nonexistent/x.aurora"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("Error loading configuration") != std::string::npos);
}

TEST_CASE("cron schedule -o json prints the job, its schedule and its URL") {
  DevclusterServer server;
  const auto config = write_job_file(server, "nightly.aurora", nightly("0 0 1 1 *"));
  const auto result = server.aurora({"cron", "schedule", kNightly, config, "-o", "json"});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["job"] == kNightly);
  CHECK(doc["cron_schedule"] == "0 0 1 1 *");
  CHECK(doc["url"] == server.url() + "/scheduler/www-data/prod/nightly");
}
