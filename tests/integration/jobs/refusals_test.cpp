// The verbs' answers to a scheduler that refuses (spec 6.3, 7.8-7.15), against a scripted
// scheduler: devcluster answers these queries OK.
#include <doctest/doctest.h>

#include "tests/integration/jobs/scripted_scheduler.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

const std::string kJob = "devcluster/www-data/prod/hello";

// Refuses every call with INVALID_REQUEST "not today".
ScriptedScheduler refusing() {
  return ScriptedScheduler([](const ScriptedCall&) {
    return error_response(gen::ResponseCode::INVALID_REQUEST, "not today");
  });
}

}  // namespace

TEST_CASE("job status of a refused query is a command failure with exit 6") {
  const auto scheduler = refusing();
  const auto result = scheduler.aurora({"job", "status", kJob});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err ==
        " INFO] Checking status of devcluster/www-data/prod/hello\n"
        "Command failure:\n"
        "\tnot today\n");
  CHECK(scheduler.methods() == std::vector<std::string>{"getTasksWithoutConfigs"});
}

TEST_CASE("job list and job status with wildcards fail with exit 4 when getJobs is refused") {
  const auto scheduler = refusing();
  for (const std::string verb : {"list", "status"}) {
    const auto result = scheduler.aurora({"job", verb, "devcluster/www-data/*"});
    CHECK(result.exit_code == 4);
    CHECK(result.out == "");
    CHECK(result.err ==
          " INFO] Retrieving jobs for role www-data\n"
          "Command failure:\n"
          "\tnot today\n");
  }
}

TEST_CASE("sla verbs count a refused query as no tasks and still exit 0") {
  const auto scheduler = refusing();
  const auto uptime = scheduler.aurora({"sla", "get-job-uptime", "--percentiles", "90,50", kJob});
  CHECK(uptime.exit_code == 0);
  CHECK(uptime.out == "90.0 percentile\t- 0 seconds\n50.0 percentile\t- 0 seconds\n");
  CHECK(uptime.err == " INFO] Response from scheduler: INVALID_REQUEST (message: not today)\n");

  const auto up_count = scheduler.aurora({"sla", "get-task-up-count", "--durations", "1h", kJob});
  CHECK(up_count.exit_code == 0);
  CHECK(up_count.out == "1 hrs\t- 0.00 %\n");
  CHECK(up_count.err == " INFO] Response from scheduler: INVALID_REQUEST (message: not today)\n");
}

TEST_CASE("quota get of a refused getQuota exits 10 with the scheduler's message") {
  const auto scheduler = refusing();
  const auto result = scheduler.aurora({"quota", "get", "devcluster/www-data"});
  CHECK(result.exit_code == 10);
  CHECK(result.out == "");
  CHECK(result.err ==
        " INFO] Getting quota for: www-data\n"
        "Error retrieving quota for role www-data\n"
        "\tnot today\n");
}

TEST_CASE("cron show and cron deschedule report a refusal with exit 6 and 10") {
  const auto scheduler = refusing();
  const auto shown = scheduler.aurora({"cron", "show", kJob});
  CHECK(shown.exit_code == 6);
  CHECK(shown.out == "");
  // Upstream's text has a stray "elf" after the key (a format slip), which we leave out.
  CHECK(shown.err ==
        " INFO] Retrieving jobs for role www-data\n"
        "Error getting cron status for devcluster/www-data/prod/hello from server\n"
        "\tnot today\n");

  const auto removed = scheduler.aurora({"cron", "deschedule", kJob});
  CHECK(removed.exit_code == 10);
  CHECK(removed.out == "");
  CHECK(removed.err ==
        " INFO] Removing cron schedule for job devcluster/www-data/prod/hello\n"
        "Error descheduling cron job devcluster/www-data/prod/hello:\n"
        "\tnot today\n");
}
