// job diff against a real devcluster: the summary, the viewer, --exit-code, -o json and --from.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/jobs/job_configs.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

const std::string kJob = "devcluster/www-data/prod/hello";
// The default viewer (plain diff), whatever the environment running the tests says.
const std::map<std::string, std::string> kPlainDiff = {{"DIFF_VIEWER", ""}};

std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> found;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) found.push_back(line);
  }
  return found;
}

// Creates www-data/prod/hello from `job` and waits until it runs.
std::string create_running(const DevclusterServer& server, const JobFile& job) {
  const auto path = write_job_file(server, "running.aurora", job);
  const auto created = server.aurora({"job", "create", kJob, path, "--wait-until", "RUNNING"});
  REQUIRE_MESSAGE(created.exit_code == 0, created.err);
  return path;
}

}  // namespace

TEST_CASE("job diff of the config the job runs with reports every instance unchanged") {
  DevclusterServer server;
  const auto config = create_running(server, JobFile{});
  const auto result = server.aurora({"job", "diff", kJob, config, "--exit-code"}, kPlainDiff);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "This job update will:\nnot change instances: [0-1]\n");
  const auto upstream_style = server.aurora({"job", "diff", kJob, config}, kPlainDiff);
  CHECK(upstream_style.exit_code == 0);
  CHECK(upstream_style.out == result.out);
}

TEST_CASE("job diff of a changed command line shows only that line, --exit-code makes it 1") {
  DevclusterServer server;
  create_running(server, JobFile{});
  JobFile changed;
  changed.cmdline = "sleep 601";
  const auto config = write_job_file(server, "changed.aurora", changed);

  const auto result = server.aurora({"job", "diff", kJob, config, "--exit-code"}, kPlainDiff);
  CHECK(result.exit_code == 1);
  // "Differs" is the answer asked for: no "Command terminated with error code 1" line.
  CHECK(result.err == "");
  const std::string head = "This job update will:\nupdate instances: [0-1]\nwith diff:\n\n";
  CHECK(result.out.rfind(head, 0) == 0);
  // diff's own output, then the empty lines upstream prints after it.
  CHECK(result.out.size() > head.size() + 2);
  CHECK(result.out.substr(result.out.size() - 2) == "\n\n");
  const auto removed = lines_starting(result.out, "< ");
  const auto added = lines_starting(result.out, "> ");
  REQUIRE(removed.size() == 1);
  REQUIRE(added.size() == 1);
  CHECK(removed[0].find("\"cmdline\": \"sleep 600\"") != std::string::npos);
  CHECK(added[0].find("\"cmdline\": \"sleep 601\"") != std::string::npos);

  // Without --exit-code, a difference is still a success, as upstream.
  CHECK(server.aurora({"job", "diff", kJob, config}, kPlainDiff).exit_code == 0);
}

TEST_CASE("job diff lists added and removed instances, \"remove instances:\" only once") {
  DevclusterServer server;
  create_running(server, JobFile{});
  JobFile more;
  more.instances = 3;
  const auto grown = server.aurora(
      {"job", "diff", kJob, write_job_file(server, "more.aurora", more), "--exit-code"});
  CHECK(grown.exit_code == 1);
  CHECK(grown.out == "This job update will:\nadd instances: [2]\nnot change instances: [0-1]\n");

  JobFile fewer;
  fewer.instances = 1;
  const auto shrunk = server.aurora(
      {"job", "diff", kJob, write_job_file(server, "fewer.aurora", fewer), "--exit-code"});
  CHECK(shrunk.exit_code == 1);
  CHECK(shrunk.out == "This job update will:\nremove instances: [1]\nnot change instances: [0]\n");
}

TEST_CASE("job diff of a job that is not running would add every instance") {
  DevclusterServer server;
  const auto config = write_job_file(server, "new.aurora", JobFile{});
  const auto result = server.aurora({"job", "diff", kJob, config, "--exit-code"});
  CHECK(result.exit_code == 1);
  CHECK(result.out == "This job update will:\nadd instances: [0-1]\n");
}

TEST_CASE("job diff of a job the file does not define is a configuration error (exit 3)") {
  DevclusterServer server;
  const auto config = write_job_file(server, "hello.aurora", JobFile{});
  const auto result =
      server.aurora({"job", "diff", "devcluster/www-data/prod/nope", config, "--exit-code"});
  CHECK(result.exit_code == 3);
  CHECK(result.out == "");
  CHECK(result.err.find("Could not find job devcluster/www-data/prod/nope") != std::string::npos);
}

TEST_CASE("job diff runs $DIFF_VIEWER split into words, with the remote file then the local one") {
  DevclusterServer server;
  create_running(server, JobFile{});
  JobFile changed;
  changed.cmdline = "sleep 601";
  const auto config = write_job_file(server, "changed.aurora", changed);
  const auto dir = server.scratch().path();
  const auto viewer = server.scratch().write_file(
      "viewer.sh", "#!/bin/sh\n"
                   "echo \"$1\" > '" + (dir / "flag").string() + "'\n"
                   "cp \"$2\" '" + (dir / "remote.txt").string() + "'\n"
                   "cp \"$3\" '" + (dir / "local.txt").string() + "'\n"
                   "echo viewer says hello\n"
                   "exit 1\n");
  std::filesystem::permissions(viewer, std::filesystem::perms::owner_all);

  const auto result =
      server.aurora({"job", "diff", kJob, config}, {{"DIFF_VIEWER", viewer.string() + " --side"}});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "This job update will:\nupdate instances: [0-1]\nwith diff:\n\nviewer says hello\n\n\n");
  CHECK(read_file(dir / "flag") == "--side\n");
  const auto remote = read_file(dir / "remote.txt");
  const auto local = read_file(dir / "local.txt");
  CHECK(remote.rfind("instances: 0-1\n{", 0) == 0);
  CHECK(local.rfind("instances: 0-1\n{", 0) == 0);
  CHECK(remote.find("\"sleep 600\"") != std::string::npos);
  CHECK(local.find("\"sleep 601\"") != std::string::npos);
}

TEST_CASE("job diff fails with exit 4 when the viewer fails or cannot be run") {
  DevclusterServer server;
  create_running(server, JobFile{});
  JobFile changed;
  changed.cmdline = "sleep 601";
  const auto config = write_job_file(server, "changed.aurora", changed);
  const auto viewer = server.scratch().write_file("broken.sh", "#!/bin/sh\necho broken >&2\nexit 2\n");
  std::filesystem::permissions(viewer, std::filesystem::perms::owner_all);

  const auto failed = server.aurora({"job", "diff", kJob, config, "--exit-code"},
                                    {{"DIFF_VIEWER", viewer.string()}});
  CHECK(failed.exit_code == 4);
  // Upstream's message holds the viewer's stderr as is, so its newline ends in an empty line.
  CHECK(failed.out == "This job update will:\nupdate instances: [0-1]\nwith diff:\n\n");
  CHECK(failed.err == "Error running diff: broken\n\n");

  const auto missing = server.aurora({"job", "diff", kJob, config},
                                     {{"DIFF_VIEWER", "/nonexistent/viewer"}});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("Error running diff: ") != std::string::npos);
}

TEST_CASE("job diff -o json lists the instances and each changed field") {
  DevclusterServer server;
  create_running(server, JobFile{});
  JobFile changed;
  changed.cmdline = "sleep 601";
  changed.instances = 3;
  const auto config = write_job_file(server, "changed.aurora", changed);
  const auto result = server.aurora({"job", "diff", kJob, config, "-o", "json", "--exit-code"});
  CHECK(result.exit_code == 1);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["job"] == kJob);
  CHECK_FALSE(doc.contains("from"));
  CHECK(doc["identical"] == false);
  CHECK(doc["add_instances"] == nlohmann::json::array({2}));
  CHECK(doc["remove_instances"] == nlohmann::json::array());
  CHECK(doc["update_instances"] == nlohmann::json::array({0, 1}));
  CHECK(doc["unchanged_instances"] == nlohmann::json::array());
  REQUIRE(doc["changes"].size() == 1);
  const auto& change = doc["changes"][0];
  CHECK(change["instances"] == nlohmann::json::array({0, 1}));
  CHECK(change["path"] == "executorConfig.data.task.processes[0].cmdline");
  CHECK(change["local"] == "sleep 601");
  CHECK(change["remote"] == "sleep 600");

  const auto same = server.aurora(
      {"job", "diff", kJob, write_job_file(server, "same.aurora", JobFile{}), "-o", "json"});
  CHECK(same.exit_code == 0);
  const auto same_doc = nlohmann::json::parse(same.out);
  CHECK(same_doc["identical"] == true);
  CHECK(same_doc["unchanged_instances"] == nlohmann::json::array({0, 1}));
  CHECK(same_doc["changes"] == nlohmann::json::array());
}

TEST_CASE("job diff --from compares with the job running under another key") {
  DevclusterServer server;
  create_running(server, JobFile{});
  JobFile renamed;
  renamed.name = "hello2";
  const auto config = write_job_file(server, "renamed.aurora", renamed);
  const std::string target = "devcluster/www-data/prod/hello2";
  const auto result = server.aurora({"job", "diff", target, config, "--from", kJob, "--exit-code"},
                                    kPlainDiff);
  // The running instances are found under the old key; only the name inside the executor data
  // differs (the scheduler's key fields are compared as if already renamed).
  CHECK(result.exit_code == 1);
  CHECK(result.out.rfind("This job update will:\nupdate instances: [0-1]\nwith diff:\n\n", 0) == 0);

  const auto json = server.aurora({"job", "diff", target, config, "--from", kJob, "-o", "json"});
  CHECK(json.exit_code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["job"] == target);
  CHECK(doc["from"] == kJob);
  CHECK(doc["update_instances"] == nlohmann::json::array({0, 1}));
  bool name_changed = false;
  for (const auto& change : doc["changes"]) {
    CHECK(change["path"].get<std::string>().rfind("executorConfig.data.", 0) == 0);
    if (change["path"] == "executorConfig.data.name") {
      name_changed = change["local"] == "hello2" && change["remote"] == "hello";
    }
  }
  CHECK(name_changed);

  const auto bad = server.aurora({"job", "diff", target, config, "--from", "devcluster/www-data"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("argument --from") != std::string::npos);
}

TEST_CASE("job diff of a cron job compares with its active tasks") {
  // At speed 1 a cron run stays active (PENDING to RUNNING, then 5 s of running) long enough.
  DevclusterOptions slow;
  slow.speed = 1;
  DevclusterServer server(slow);
  JobFile nightly;
  nightly.name = "nightly";
  nightly.instances = 1;
  nightly.cron_schedule = "0 0 1 1 *";
  const auto config = write_job_file(server, "nightly.aurora", nightly);
  const std::string key = "devcluster/www-data/prod/nightly";
  REQUIRE(server.aurora({"cron", "schedule", key, config}).exit_code == 0);

  const auto idle = server.aurora({"job", "diff", key, config, "--exit-code"}, kPlainDiff);
  CHECK(idle.exit_code == 1);
  CHECK(idle.out == "");
  CHECK(idle.err.find("No tasks found for job " + key + "\n") != std::string::npos);

  REQUIRE(server.aurora({"cron", "start", key}).exit_code == 0);
  SeededCluster cluster(server);
  REQUIRE(eventually([&] { return cluster.tasks("nightly").size() == 1; }));
  const auto running = server.aurora({"job", "diff", key, config, "--exit-code"}, kPlainDiff);
  CHECK(running.exit_code == 0);
  CHECK(running.out == "\n");  // diff prints nothing; upstream prints its (empty) output as a line

  nightly.cmdline = "sleep 601";
  const auto changed = server.aurora(
      {"job", "diff", key, write_job_file(server, "n2.aurora", nightly), "-o", "json", "--exit-code"});
  CHECK(changed.exit_code == 1);
  const auto doc = nlohmann::json::parse(changed.out);
  CHECK(doc["update_instances"] == nlohmann::json::array({0}));
  REQUIRE(doc["changes"].size() == 1);
  CHECK(doc["changes"][0]["path"] == "executorConfig.data.task.processes[0].cmdline");
}

TEST_CASE("a pipeline: create, status -o json, diff --exit-code, killall, diff again") {
  DevclusterServer server;
  const auto config = create_running(server, JobFile{});

  const auto status = server.aurora({"job", "status", kJob, "-o", "json"});
  REQUIRE(status.exit_code == 0);
  const auto jobs = nlohmann::json::parse(status.out);
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0]["job"] == kJob);
  REQUIRE(jobs[0]["active"].size() == 2);
  for (const auto& task : jobs[0]["active"]) {
    CHECK(task["status"] == "RUNNING");
    CHECK(task["assignedTask"]["task"]["job"]["name"] == "hello");
  }

  CHECK(server.aurora({"job", "diff", kJob, config, "--exit-code"}).exit_code == 0);
  const auto killed = server.aurora({"job", "killall", kJob});
  CHECK(killed.exit_code == 0);
  const auto after = server.aurora({"job", "diff", kJob, config, "--exit-code", "-o", "json"});
  CHECK(after.exit_code == 1);
  CHECK(nlohmann::json::parse(after.out)["add_instances"] == nlohmann::json::array({0, 1}));
}
