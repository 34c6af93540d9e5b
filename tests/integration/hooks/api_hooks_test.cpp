// The API points (pre_/post_/err_<api>) at the call sites upstream hooked, and the refusal of a
// job whose configuration enables Python hooks.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/hooks/hooked_cluster.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;
using nlohmann::json;

namespace {

const std::string kJob = "devcluster/www-data/prod/hello";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> points_of(const std::vector<std::string>& lines) {
  std::vector<std::string> points;
  for (const auto& line : lines) {
    const size_t start = line.find(' ') + 1;
    const size_t inst = line.find(" inst=");
    points.push_back(line.substr(start, line.find(' ', start) - start) + " " +
                     line.substr(inst + 1, line.find(' ', inst + 1) - inst - 1));
  }
  return points;
}

size_t active(const SeededCluster& cluster) {
  return cluster.tasks("hello", {gen::ScheduleStatus::PENDING, gen::ScheduleStatus::ASSIGNED,
                                 gen::ScheduleStatus::STARTING, gen::ScheduleStatus::RUNNING})
      .size();
}

}  // namespace

TEST_CASE("kill_job hooks run around every batch with that batch's instances") {
  HookedCluster hooked;
  SeededCluster cluster(hooked.server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto result = hooked.aurora({"job", "kill", kJob + "/0-1", "-m", "bye"});
  CHECK(result.exit_code == 0);
  CHECK(points_of(hooked.log_lines()) ==
        std::vector<std::string>{"pre inst=0-1", "pre_kill_job inst=0", "post_kill_job inst=0",
                                 "pre_kill_job inst=1", "post_kill_job inst=1", "post inst=0-1"});
  const auto call = json::parse(hooked.doc_text("post_kill_job"));
  CHECK(call["api"] == "kill_job");
  CHECK(call["instances"] == json::array({1}));
  CHECK(call["arguments"] == json({{"message", "bye"}}));
  CHECK(call["config"].is_null());
}

TEST_CASE("a veto at pre_kill_job stops the kill before that batch, with exit 4") {
  HookedCluster hooked;
  SeededCluster cluster(hooked.server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);
  hooked.hook(hooked.system_dir, "guard",
              "if [ \"$1\" = pre_kill_job ] && [ \"$AURORA_INSTANCES\" = 1 ]; then\n"
              "  echo 'instance 1 stays' >&2; exit 5\nfi\n");
  const auto result = hooked.aurora({"job", "kill", kJob + "/0-1"});
  CHECK(result.exit_code == 4);
  CHECK(result.out == "Successfully killed instances [0]\n");
  CHECK(contains(result.err,
                 "Call to kill_job aborted by hook guard with exit code 5\ninstance 1 stays\n"));
  CHECK(active(cluster) == 1);
}

TEST_CASE("start_job_update hooks get the new config and the message") {
  HookedCluster hooked;
  const auto first = hooked.hello_config();
  REQUIRE(hooked.aurora({"job", "create", kJob, first, "--wait-until", "RUNNING"}).exit_code == 0);
  const auto bigger = hooked.hello_config("instances = 2", "instances = 3");
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto result = hooked.aurora({"update", "start", kJob, bigger, "--message", "grow"});
  CHECK(result.exit_code == 0);
  CHECK(points_of(hooked.log_lines()) ==
        std::vector<std::string>{"pre inst=", "pre_start_job_update inst=",
                                 "post_start_job_update inst=", "post inst="});
  const auto call = json::parse(hooked.doc_text("pre_start_job_update"));
  CHECK(call["config"]["instanceCount"] == 3);
  CHECK(call["arguments"] == json({{"message", "grow"}}));
  CHECK(call["instances"].is_null());
  CHECK(json::parse(hooked.doc_text("post_start_job_update"))["result"]["response_code"] == "OK");
}

TEST_CASE("add_instances hooks get the source instance and the count") {
  HookedCluster hooked;
  SeededCluster cluster(hooked.server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  hooked.recording_hook(hooked.user_dir, "rec");
  CHECK(hooked.aurora({"job", "add", kJob + "/0", "2"}).exit_code == 0);
  const auto call = json::parse(hooked.doc_text("post_add_instances"));
  CHECK(call["api"] == "add_instances");
  CHECK(call["arguments"] == json({{"instance_id", 0}, {"count", 2}}));
}

TEST_CASE("start_cronjob hooks run around cron start, err_ when the scheduler refuses") {
  HookedCluster hooked;
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto result = hooked.aurora({"cron", "start", kJob});  // no such cron job
  CHECK(result.exit_code == 10);
  const auto points = points_of(hooked.log_lines());
  REQUIRE(points.size() == 4);
  CHECK(points[1] == "pre_start_cronjob inst=");
  CHECK(points[2] == "err_start_cronjob inst=");
  CHECK(points[3] == "err inst=");
}

TEST_CASE("a job with enable_hooks = True is refused with exit 3 unless --skip-hooks=all") {
  HookedCluster hooked;
  const auto config = hooked.hello_config("instances = 2,", "instances = 2, enable_hooks = True,");
  const auto refused = hooked.aurora({"job", "create", kJob, config});
  CHECK(refused.exit_code == 3);
  CHECK(contains(refused.err,
                 "Job devcluster/www-data/prod/hello sets enable_hooks = True, so its "
                 "configuration's `hooks` (Python objects) expect to run around create_job; this "
                 "client cannot run Python hooks.\n"));
  CHECK(contains(refused.err, "set enable_hooks = False"));
  CHECK(SeededCluster(hooked.server).tasks("hello").empty());

  const auto forced = hooked.aurora({"job", "create", kJob, config, "--skip-hooks=all"});
  CHECK(forced.exit_code == 0);
  CHECK(contains(forced.err, " WARN] Job devcluster/www-data/prod/hello sets enable_hooks = True"));
  CHECK(contains(forced.err, "Going on without them (--skip-hooks=all).\n"));
}

TEST_CASE("kill_job hooks run around every batch of a killall, with the --config's job") {
  HookedCluster hooked;
  SeededCluster cluster(hooked.server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);
  const auto config = hooked.hello_config();
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto result = hooked.aurora({"job", "killall", kJob, "--config", config});
  CHECK(result.exit_code == 0);
  CHECK(points_of(hooked.log_lines()) ==
        std::vector<std::string>{"pre inst=", "pre_kill_job inst=0", "post_kill_job inst=0",
                                 "pre_kill_job inst=1", "post_kill_job inst=1", "post inst="});
  const auto call = json::parse(hooked.doc_text("pre_kill_job"));
  CHECK(call["instances"] == json::array({1}));
  CHECK(call["arguments"] == json({{"message", nullptr}}));
  // The evaluated --config, as job create would send it.
  CHECK(call["config"]["key"]["name"] == "hello");
  CHECK(call["config"]["instanceCount"] == 2);
  CHECK(call["config"]["taskConfig"]["executorConfig"]["name"] == "AuroraExecutor");
}

TEST_CASE("kill, restart and cron start refuse a --config job with enable_hooks = True") {
  HookedCluster hooked;
  SeededCluster cluster(hooked.server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  const auto config = hooked.hello_config("instances = 2,", "instances = 2, enable_hooks = True,");
  const std::vector<std::pair<std::vector<std::string>, std::string>> commands = {
      {{"job", "kill", kJob + "/0", "--config", config}, "kill_job"},
      {{"job", "killall", kJob, "--config", config}, "kill_job"},
      {{"job", "restart", kJob, "--config", config}, "restart"},
      {{"cron", "start", kJob, "--config", config}, "start_cronjob"}};
  for (const auto& [args, api] : commands) {
    const auto refused = hooked.aurora(args);
    CHECK(refused.exit_code == 3);
    CHECK(refused.out == "");
    CHECK(contains(refused.err,
                   "Job devcluster/www-data/prod/hello sets enable_hooks = True, so its "
                   "configuration's `hooks` (Python objects) expect to run around " +
                       api + "; this client cannot run Python hooks.\n"));
  }
  // Nothing was killed or restarted.
  const auto tasks = cluster.tasks("hello");
  REQUIRE(tasks.size() == 1);
  CHECK(tasks[0].status == gen::ScheduleStatus::RUNNING);
}

TEST_CASE("restart hooks run around the whole restart and post_restart says it restarted") {
  HookedCluster hooked;
  SeededCluster cluster(hooked.server);
  cluster.create(service_job("hello", 2));
  cluster.wait_running("hello", 2);
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto result = hooked.aurora(
      {"job", "restart", kJob + "/0-1", "--watch-secs", "0", "--healthcheck-interval-seconds", "1"});
  CHECK(result.exit_code == 0);
  CHECK(points_of(hooked.log_lines()) ==
        std::vector<std::string>{"pre inst=0-1", "pre_restart inst=0-1", "post_restart inst=0-1",
                                 "post inst=0-1"});
  const auto before = json::parse(hooked.doc_text("pre_restart"));
  CHECK(before["api"] == "restart");
  CHECK(before["instances"] == json::array({0, 1}));
  CHECK(before["result"].is_null());
  const auto after = json::parse(hooked.doc_text("post_restart"));
  CHECK(after["result"]["response_code"] == "OK");
  CHECK(after["result"]["restart"] == "restarted");
}

TEST_CASE("err_restart sees a restart stopped by its failure threshold") {
  DevclusterOptions slow;
  slow.speed = 1;  // a restarted task needs about 4 s to be RUNNING again
  HookedCluster hooked(slow);
  SeededCluster cluster(hooked.server);
  cluster.create(service_job("hello", 1));
  cluster.wait_running("hello", 1);
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto result =
      hooked.aurora({"job", "restart", kJob, "--watch-secs", "0", "--healthcheck-interval-seconds",
                     "1", "--restart-threshold", "1"});
  CHECK(result.exit_code == 4);
  CHECK(points_of(hooked.log_lines()) ==
        std::vector<std::string>{"pre inst=", "pre_restart inst=", "err_restart inst=",
                                 "err inst="});
  const auto failed = json::parse(hooked.doc_text("err_restart"));
  CHECK(failed["result"]["restart"] == "threshold_reached");
  CHECK(json::parse(hooked.doc_text("err"))["result"]["exit_code"] == 4);
}

TEST_CASE("a veto at pre_create_job creates nothing and exits 4") {
  HookedCluster hooked;
  hooked.hook(hooked.system_dir, "guard",
              "[ \"$1\" = pre_create_job ] || exit 0\necho 'not this one' >&2\nexit 3\n");
  const auto result = hooked.aurora({"job", "create", kJob, hooked.hello_config()});
  CHECK(result.exit_code == 4);
  CHECK(result.out == "");
  CHECK(result.err ==
        " INFO] Creating job hello\n"
        "Call to create_job aborted by hook guard with exit code 3\n"
        "not this one\n");
  CHECK(SeededCluster(hooked.server).tasks("hello").empty());
}

TEST_CASE("update start refuses an enable_hooks = True job before printing or starting anything") {
  HookedCluster hooked;
  REQUIRE(hooked.aurora({"job", "create", kJob, hooked.hello_config(), "--wait-until", "RUNNING"})
              .exit_code == 0);
  const auto config = hooked.hello_config("instances = 2,", "instances = 3, enable_hooks = True,");
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto result = hooked.aurora({"update", "start", kJob, config});
  CHECK(result.exit_code == 3);
  CHECK(result.out == "");  // no "This job update will:" summary
  CHECK(result.err.rfind("Job devcluster/www-data/prod/hello sets enable_hooks = True, so its "
                         "configuration's `hooks` (Python objects) expect to run around "
                         "start_job_update; this client cannot run Python hooks.\n",
                         0) == 0);
  CHECK_FALSE(contains(result.err, "Starting update for"));
  CHECK(points_of(hooked.log_lines()) == std::vector<std::string>{"pre inst=", "err inst="});
  const auto updates = hooked.aurora({"update", "list", "devcluster/www-data", "-o", "json"});
  CHECK(json::parse(updates.out).empty());
  CHECK(active(SeededCluster(hooked.server)) == 2);
}
