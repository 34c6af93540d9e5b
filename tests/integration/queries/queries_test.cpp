#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "AuroraAdmin.h"

#include <set>
#include <sstream>

#include "tests/integration/fixtures/devcluster_server.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::set<std::string> line_set(const std::string& text) {
  const auto all = lines(text);
  return {all.begin(), all.end()};
}

// One devcluster with hello (2 instances) and web (1), all RUNNING, shared by the cases below.
struct Seeded {
  DevclusterServer server;
  Seeded() {
    SeededCluster cluster(server);
    cluster.create(service_job("hello", 2));
    cluster.create(service_job("web", 1));
    cluster.wait_running("hello", 2);
    cluster.wait_running("web", 1);
  }
};

}  // namespace

TEST_CASE("job list prints every job of a role, and filters with wildcards") {
  Seeded seeded;
  const auto all = seeded.server.aurora({"job", "list", "devcluster/www-data"});
  CHECK(all.exit_code == 0);
  CHECK(line_set(all.out) ==
        std::set<std::string>{"devcluster/www-data/prod/hello", "devcluster/www-data/prod/web"});
  CHECK(all.err.find(" INFO] Retrieving jobs for role www-data") != std::string::npos);

  const auto pattern = seeded.server.aurora({"job", "list", "devcluster/*/prod/he*"});
  CHECK(pattern.out == "devcluster/www-data/prod/hello\n");
  CHECK(pattern.err.find(" INFO] Retrieving jobs for role None") != std::string::npos);

  const auto none = seeded.server.aurora({"job", "list", "devcluster/*/nope"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());

  const auto json = seeded.server.aurora({"job", "list", "devcluster/*", "-o", "json"});
  CHECK(nlohmann::json::parse(json.out).size() == 2);
}

TEST_CASE("--protocol json speaks TJSON to the scheduler with the same results") {
  Seeded seeded;
  const auto json = seeded.server.aurora({"job", "list", "devcluster/www-data", "--protocol", "json"});
  CHECK(json.exit_code == 0);
  CHECK(line_set(json.out) ==
        std::set<std::string>{"devcluster/www-data/prod/hello", "devcluster/www-data/prod/web"});
}

TEST_CASE("job list of a fully specified key prints it without asking the scheduler") {
  Seeded seeded;
  seeded.server.kill_hard();
  const auto result = seeded.server.aurora({"job", "list", "devcluster/a/b/c"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "devcluster/a/b/c\n");
}

TEST_CASE("job status prints upstream's layout for running tasks") {
  Seeded seeded;
  const auto result = seeded.server.aurora({"job", "status", "devcluster/www-data/prod/hello"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == " INFO] Checking status of devcluster/www-data/prod/hello\n");
  const auto out = lines(result.out);
  REQUIRE(out.size() > 6);
  CHECK(out[0] == "Active tasks (2):");
  CHECK(out[1].rfind("\tTask role: www-data, env: prod, name: hello, instance: 0, status: "
                     "RUNNING on ",
                     0) == 0);
  CHECK(out[2] == "\t  CPU: 0.1 core(s), RAM: 16 MB, Disk: 16 MB");
  CHECK(out[3] == "\t  events:");
  CHECK(out[4].rfind("\t   ", 0) == 0);
  CHECK(out[4].find(" PENDING: ") != std::string::npos);
  CHECK(result.out.find("\tTask role: www-data, env: prod, name: hello, instance: 1, ") !=
        std::string::npos);
  // The text ends with the inactive header, then the empty line of the final newline.
  CHECK(out[out.size() - 2] == "Inactive tasks (0):");
  CHECK(out.back().empty());
}

TEST_CASE("job status --write-json renders tasks with status names and boolean isService") {
  Seeded seeded;
  const auto result =
      seeded.server.aurora({"job", "status", "devcluster/www-data/prod/hello", "--write-json"});
  CHECK(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  REQUIRE(doc.size() == 1);
  CHECK(doc[0]["job"] == "devcluster/www-data/prod/hello");
  REQUIRE(doc[0]["active"].size() == 2);
  CHECK(doc[0]["inactive"].empty());
  const auto& task = doc[0]["active"][0];
  CHECK(task["status"] == "RUNNING");
  CHECK(task["assignedTask"]["instanceId"] == 0);
  CHECK(task["assignedTask"]["task"]["isService"] == true);
  CHECK(task["taskEvents"][0]["status"] == "PENDING");
}

TEST_CASE("job status of nothing: exit 6 in text, a JSON error object and exit 0 with JSON") {
  Seeded seeded;
  const auto text = seeded.server.aurora({"job", "status", "devcluster/*/nope"});
  CHECK(text.exit_code == 6);
  CHECK(text.out == "");
  // A wildcard role asks for every role (None); the verb returns 6, which is logged (spec 7.8).
  CHECK(text.err ==
        " INFO] Retrieving jobs for role None\n"
        "Found no jobs matching devcluster/*/nope/*\n"
        " INFO] Command terminated with error code 6\n");
  const auto json = seeded.server.aurora({"job", "status", "devcluster/*/nope", "--write-json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out == "{\"jobspec\":\"devcluster/*/nope/*\",\"error\":\"No matching jobs found\"}\n");
}

TEST_CASE("job status of a job without tasks logs it and reports no match") {
  Seeded seeded;
  const auto result = seeded.server.aurora({"job", "status", "devcluster/www-data/prod/ghost"});
  CHECK(result.exit_code == 6);
  CHECK(result.out == "");
  CHECK(result.err ==
        " INFO] Checking status of devcluster/www-data/prod/ghost\n"
        " INFO] No tasks were found for jobkey devcluster/www-data/prod/ghost\n"
        "Found no jobs matching devcluster/www-data/prod/ghost\n"
        " INFO] Command terminated with error code 6\n");
}

TEST_CASE("an unknown cluster is exit 3 and names the known ones") {
  Seeded seeded;
  const auto result = seeded.server.aurora({"job", "status", "nowhere/www-data"});
  CHECK(result.exit_code == 3);
  CHECK(result.err == "Unknown cluster: nowhere\nKnown clusters: devcluster\n");
}

TEST_CASE("job open prints the page URL and refuses an env without a role") {
  Seeded seeded;
  const auto job = seeded.server.aurora({"job", "open", "devcluster/www-data/prod/hello"},
                                        {{"BROWSER", "/bin/true"}});
  CHECK(job.exit_code == 0);
  CHECK(job.out == seeded.server.url() + "/scheduler/www-data/prod/hello\n");
  const auto role = seeded.server.aurora({"job", "open", "devcluster/www-data"}, {{"BROWSER", ""}});
  CHECK(role.out == seeded.server.url() + "/scheduler/www-data\n");
}

TEST_CASE("job open of an env without a role, or a name without an env, is FATAL with exit 1") {
  Seeded seeded;
  const auto no_role = seeded.server.aurora({"job", "open", "devcluster//prod"});
  CHECK(no_role.exit_code == 1);
  CHECK(no_role.out == "");
  CHECK(no_role.err == "FATAL] If env specified, must specify role\n");
  const auto no_env = seeded.server.aurora({"job", "open", "devcluster/www-data//hello"});
  CHECK(no_env.exit_code == 1);
  CHECK(no_env.err == "FATAL] If job specified, must specify role and env\n");
  // The cluster is checked first, as upstream's get_api comes before the URL.
  const auto unknown = seeded.server.aurora({"job", "open", "nowhere//prod"});
  CHECK(unknown.exit_code == 3);
}

TEST_CASE("job open -o json prints the URL and hands it to $BROWSER") {
  Seeded seeded;
  const auto record = (seeded.server.scratch().path() / "opened.txt").string();
  const auto result = seeded.server.aurora(
      {"job", "open", "-o", "json", "devcluster/www-data/prod/hello"},
      {{"BROWSER", recording_browser(seeded.server, record)}});
  CHECK(result.exit_code == 0);
  const std::string url = seeded.server.url() + "/scheduler/www-data/prod/hello";
  CHECK(nlohmann::json::parse(result.out) == nlohmann::json({{"url", url}}));
  CHECK(eventually([&] { return read_file(record) == url + "\n"; }));
}

TEST_CASE("job status -o json of nothing prints the error object and exits 0") {
  Seeded seeded;
  const auto result = seeded.server.aurora({"job", "status", "devcluster/*/nope", "-o", "json"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "{\"jobspec\":\"devcluster/*/nope/*\",\"error\":\"No matching jobs found\"}\n");
  CHECK(result.err == " INFO] Retrieving jobs for role None\n");
}

TEST_CASE("job status shows the assigned ports and the failure count of a task with ports") {
  DevclusterServer server;
  REQUIRE(server.aurora({"job", "create", "devcluster/www-data/prod/hello",
                         std::string(AURORA_SOURCE_DIR) + "/examples/hello_world.aurora",
                         "--wait-until", "RUNNING"})
              .exit_code == 0);
  const auto result = server.aurora({"job", "status", "devcluster/www-data/prod/hello"});
  CHECK(result.exit_code == 0);
  const auto out = lines(result.out);
  REQUIRE(out.size() > 5);
  CHECK(out[0] == "Active tasks (2):");
  CHECK(out[2] == "\t  CPU: 0.1 core(s), RAM: 16 MB, Disk: 16 MB, Port: http");
  // Python 2's repr of the port map, then the failure count (printed only with ports, as upstream).
  CHECK(out[3].rfind("\t  assigned ports: {u'http': ", 0) == 0);
  CHECK(out[3].back() == '}');
  CHECK(out[4] == "\t  failure count: 0 (max 1)");
  CHECK(out[5] == "\t  events:");
}

TEST_CASE("job list with a * cluster asks every cluster of clusters.json") {
  Seeded seeded;
  DevclusterOptions second_options;
  second_options.cluster_name = "second";
  DevclusterServer second(second_options);
  SeededCluster(second).create(service_job("other", 1));
  seeded.server.scratch().write_file(
      "etc/clusters.json", "[{\"name\": \"devcluster\", \"scheduler_uri\": \"" +
                               seeded.server.url() + "\"}, {\"name\": \"second\", "
                               "\"scheduler_uri\": \"" + second.url() + "\"}]");
  const auto result = seeded.server.aurora({"job", "list", "*/www-data"});
  CHECK(result.exit_code == 0);
  CHECK(line_set(result.out) == std::set<std::string>{"devcluster/www-data/prod/hello",
                                                      "devcluster/www-data/prod/web",
                                                      "second/www-data/prod/other"});
  CHECK(result.err ==
        " INFO] Retrieving jobs for role www-data\n"
        " INFO] Retrieving jobs for role www-data\n");
}

TEST_CASE("quota get -o json prints the GetQuotaResult with named resources") {
  Seeded seeded;
  const auto result = seeded.server.aurora({"quota", "get", "devcluster/www-data", "-o", "json"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == " INFO] Getting quota for: www-data\n");
  const auto doc = nlohmann::json::parse(result.out);
  REQUIRE(doc.contains("quota"));
  CHECK(doc["quota"].contains("resources"));
  // Both running jobs are non-production, so their use counts in the non-production pool.
  REQUIRE(doc.contains("nonProdSharedConsumption"));
  double cpus = 0;
  for (const auto& resource : doc["nonProdSharedConsumption"]["resources"]) {
    if (resource.contains("numCpus")) cpus += resource["numCpus"].get<double>();
  }
  CHECK(cpus == doctest::Approx(0.3));
}

TEST_CASE("quota get prints the allocation, and JSON with --write-json") {
  Seeded seeded;
  const auto text = seeded.server.aurora({"quota", "get", "devcluster/www-data"});
  CHECK(text.exit_code == 0);
  CHECK(text.err == " INFO] Getting quota for: www-data\n");
  CHECK(lines(text.out).at(0) == "Allocated:");
  const auto json = seeded.server.aurora({"quota", "get", "devcluster/www-data", "--write-json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find('\n') == json.out.size() - 1);  // compact, one line
  CHECK(nlohmann::json::parse(json.out).contains("quota"));
  const auto bad = seeded.server.aurora({"quota", "get", "devcluster"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("argument CLUSTER/NAME: Role argument must be a CLUSTER/NAME pair") !=
        std::string::npos);
}

TEST_CASE("completion offers roles, environments and names from the scheduler, part by part") {
  Seeded seeded;
  const auto roles = seeded.server.aurora({"__complete", "job", "status", "devcluster/"});
  CHECK(roles.exit_code == 0);
  CHECK(roles.out == ":nospace\ndevcluster/www-data/\n");
  const auto names = seeded.server.aurora({"__complete", "job", "status", "devcluster/www-data/prod/"});
  CHECK(line_set(names.out) == std::set<std::string>{"devcluster/www-data/prod/hello",
                                                     "devcluster/www-data/prod/web"});
  // The answer is cached: it still completes with the scheduler gone.
  seeded.server.kill_hard();
  const auto cached = seeded.server.aurora({"__complete", "job", "status", "devcluster/www-data/prod/h"});
  CHECK(cached.out == "devcluster/www-data/prod/hello\n");
}

TEST_CASE("completion with an unreachable scheduler offers nothing and does not hang") {
  Seeded seeded;
  seeded.server.kill_hard();
  const auto result = seeded.server.aurora({"__complete", "job", "status", "devcluster/"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == ":nospace\n");
}
