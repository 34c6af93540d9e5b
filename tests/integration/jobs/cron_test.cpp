// cron show, start and deschedule against a real devcluster.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

TEST_CASE("cron show prints the schedule, start runs the job, deschedule removes it") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.schedule_cron(cron_job("nightly", "0 0 1 1 *"));

  auto shown = server.aurora({"cron", "show", job_path("nightly")});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out == "devcluster/www-data/prod/nightly\t 0 0 1 1 *\n");
  CHECK(shown.err == " INFO] Retrieving jobs for role www-data\n");

  const auto json = server.aurora({"cron", "show", "-o", "json", job_path("nightly")});
  CHECK(json.exit_code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["cron_schedule"] == "0 0 1 1 *");

  const auto started = server.aurora({"cron", "start", job_path("nightly")});
  CHECK(started.exit_code == 0);
  CHECK(started.out == "");
  CHECK(started.err == " INFO] Starting cron job: devcluster/www-data/prod/nightly\n");
  CHECK(eventually([&] { return !cluster.tasks("nightly").empty(); }));

  const auto removed = server.aurora({"cron", "deschedule", job_path("nightly")});
  CHECK(removed.exit_code == 0);
  CHECK(removed.out == "Cron descheduling succeeded.\n");
  CHECK(removed.err == " INFO] Removing cron schedule for job devcluster/www-data/prod/nightly\n");

  shown = server.aurora({"cron", "show", job_path("nightly")});
  CHECK(shown.exit_code == 6);
  CHECK(shown.out == "");
  CHECK(shown.err ==
        " INFO] Retrieving jobs for role www-data\n"
        "No cron entry found for job devcluster/www-data/prod/nightly\n");
}

TEST_CASE("cron start of a job without a schedule fails with the scheduler's message") {
  DevclusterServer server;
  const auto result = server.aurora({"cron", "start", job_path("none")});
  CHECK(result.exit_code == 10);
  CHECK(result.out == "");
  CHECK(result.err.rfind(" INFO] Starting cron job: devcluster/www-data/prod/none\n"
                         "Error starting cron job devcluster/www-data/prod/none:\n\t",
                         0) == 0);
}

TEST_CASE("cron start --config loads the job first: a missing file is exit 3, nothing starts") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.schedule_cron(cron_job("nightly", "0 0 1 1 *"));
  const auto result =
      server.aurora({"cron", "start", "--config", "/nonexistent/x.aurora", job_path("nightly")});
  CHECK(result.exit_code == 3);
  CHECK(result.out == "");
  CHECK(result.err.rfind("Error loading configuration: ", 0) == 0);
  CHECK(result.err.find("Starting cron job") == std::string::npos);
  CHECK(cluster.tasks("nightly").empty());
}

TEST_CASE("cron start and deschedule -o json say what they did") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.schedule_cron(cron_job("nightly", "0 0 1 1 *"));
  const auto started = server.aurora({"cron", "start", "-o", "json", job_path("nightly")});
  CHECK(started.exit_code == 0);
  CHECK(nlohmann::json::parse(started.out) ==
        nlohmann::json({{"job", "devcluster/www-data/prod/nightly"}, {"started", true}}));
  const auto removed = server.aurora({"cron", "deschedule", "-o", "json", job_path("nightly")});
  CHECK(removed.exit_code == 0);
  CHECK(nlohmann::json::parse(removed.out) ==
        nlohmann::json({{"job", "devcluster/www-data/prod/nightly"}, {"descheduled", true}}));
  CHECK(server.aurora({"cron", "show", job_path("nightly")}).exit_code == 6);
}

TEST_CASE("cron show of an unknown job and deschedule of a job that is not scheduled") {
  DevclusterServer server;
  const auto shown = server.aurora({"cron", "show", job_path("ghost")});
  CHECK(shown.exit_code == 6);
  CHECK(shown.out == "");
  CHECK(shown.err ==
        " INFO] Retrieving jobs for role www-data\n"
        "No cron entry found for job devcluster/www-data/prod/ghost\n");
  // The scheduler answers OK with a note, which is logged; the command succeeds.
  const auto removed = server.aurora({"cron", "deschedule", job_path("ghost")});
  CHECK(removed.exit_code == 0);
  CHECK(removed.out == "Cron descheduling succeeded.\n");
  CHECK(removed.err ==
        " INFO] Removing cron schedule for job devcluster/www-data/prod/ghost\n"
        " INFO] Job www-data/prod/ghost is not scheduled with cron\n");
}

TEST_CASE("cron show of a job that is not a cron job fails with exit 6") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  const auto result = server.aurora({"cron", "show", job_path("hello")});
  CHECK(result.exit_code == 6);
  CHECK(result.err.find("No cron entry found for job devcluster/www-data/prod/hello\n") !=
        std::string::npos);
}
