// sla get-task-up-count and get-job-uptime against a real devcluster.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("task up count of a fresh job is 0 % for every default duration") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);

  const auto result = server.aurora({"sla", "get-task-up-count", job_path("hello")});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "1 mins\t- 0.00 %\n10 mins\t- 0.00 %\n1 hrs\t- 0.00 %\n12 hrs\t- 0.00 %\n"
        "7 days\t- 0.00 %\n");
  CHECK(result.err == " INFO] Response from scheduler: OK (message: )\n");

  const auto custom =
      server.aurora({"sla", "get-task-up-count", "--durations", "2d6h,1m", job_path("hello")});
  CHECK(custom.out == "1 mins\t- 0.00 %\n54 hrs\t- 0.00 %\n");
}

TEST_CASE("job uptime prints percentiles highest first, and 0 for a job without tasks") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);

  const auto result =
      server.aurora({"sla", "get-job-uptime", "--percentiles", "50,99.5", job_path("hello")});
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind("99.5 percentile\t- ", 0) == 0);
  CHECK(lines[1].rfind("50.0 percentile\t- ", 0) == 0);
  CHECK(lines[1].substr(lines[1].size() - 10) == ".0 seconds");

  const auto empty = server.aurora({"sla", "get-job-uptime", job_path("ghost")});
  CHECK(empty.exit_code == 0);
  CHECK(empty.out ==
        "99.0 percentile\t- 0 seconds\n95.0 percentile\t- 0 seconds\n"
        "90.0 percentile\t- 0 seconds\n85.0 percentile\t- 0 seconds\n"
        "75.0 percentile\t- 0 seconds\n60.0 percentile\t- 0 seconds\n"
        "50.0 percentile\t- 0 seconds\n30.0 percentile\t- 0 seconds\n"
        "10.0 percentile\t- 0 seconds\n");
}

TEST_CASE("bad durations and percentiles are usage errors") {
  DevclusterServer server;
  const auto durations =
      server.aurora({"sla", "get-task-up-count", "--durations", "1x", job_path("hello")});
  CHECK(durations.exit_code == 2);
  CHECK(durations.err.rfind("usage: aurora sla get-task-up-count", 0) == 0);
  CHECK(durations.err.find("aurora sla get-task-up-count: error: argument --durations: "
                           "Invalid time span: 1x\n") != std::string::npos);
  const auto percentiles =
      server.aurora({"sla", "get-job-uptime", "--percentiles", "100", job_path("hello")});
  CHECK(percentiles.exit_code == 2);
  CHECK(percentiles.err.find("aurora sla get-job-uptime: error: argument --percentiles: Invalid "
                             "percentile value:100. Must be between 0.0 and 100.0 exclusive.\n") !=
        std::string::npos);
}

TEST_CASE("sla -o json gives numbers") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  const auto result = server.aurora(
      {"sla", "get-task-up-count", "-o", "json", "--durations", "1h", job_path("hello")});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["instances"] == 1);
  CHECK(doc["up_counts"][0]["duration_seconds"] == 3600);
  CHECK(doc["up_counts"][0]["percentage"] == 0.0);
}

TEST_CASE("sla get-job-uptime -o json lists each percentile with its uptime, highest first") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  const auto result = server.aurora(
      {"sla", "get-job-uptime", "-o", "json", "--percentiles", "50,99", job_path("hello")});
  CHECK(result.exit_code == 0);
  CHECK(result.err == " INFO] Response from scheduler: OK (message: )\n");
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["job"] == "devcluster/www-data/prod/hello");
  CHECK(doc["instances"] == 1);
  REQUIRE(doc["uptimes"].size() == 2);
  CHECK(doc["uptimes"][0]["percentile"] == 99.0);
  CHECK(doc["uptimes"][1]["percentile"] == 50.0);
  for (const auto& entry : doc["uptimes"]) {
    CHECK(entry["percentile"].is_number_float());
    CHECK(entry["seconds"].is_number_float());
    // One instance: both percentiles are its uptime, seconds since it started running.
    CHECK(entry["seconds"].get<double>() >= 0.0);
    CHECK(entry["seconds"].get<double>() < 60.0);
  }
}
