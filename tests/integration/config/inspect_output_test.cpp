// `aurora job inspect` and `aurora config list` through the binary: the whole --thrift output and
// executorConfig.data of examples/hello_world.aurora, the text form, --write-json/--read-json,
// --bind, and configuration errors' exit code.  The scheduler is down: default tiers (spec 3.7).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "inspect_setup.hpp"

namespace {

const std::string kExample = std::string(AURORA_SOURCE_DIR) + "/examples/hello_world.aurora";

// executorConfig.data of examples/hello_world.aurora, derived by hand:
// - spec 5.7: the interpolated MesosJob with every default, minus update_config and instances,
//   plus the backfilled tier ('preemptible': not production, spec 3.7 step 6);
// - the same struct fields are set as in spec 6.1's golden job, so every object's key order is
//   that golden string's (CPython 2.7 dict order depends only on the keys present);
// - values: the process's cmdline keeps the runtime refs {{mesos.instance}} and
//   {{thermos.ports[http]}} (spec 5.7); resources are the raw bytes 16*MB; cpu 0.1;
//   SequentialTask's one-process order constraint (spec 2.4, 6.1).
const char* kExampleData =
    R"({"environment": "prod", "health_check_config": {"health_checker": {"http": {"expected_response_code": 0, )"
    R"("endpoint": "/health", "expected_response": "ok"}}, "min_consecutive_successes": 1, "initial_interval_secs": 15.0, )"
    R"("max_consecutive_failures": 0, "timeout_secs": 1.0, "interval_secs": 10.0}, "name": "hello", "service": true, )"
    R"("max_task_failures": 1, "executor_config": {"data": "", "name": "AuroraExecutor"}, "cron_collision_policy": )"
    R"("KILL_EXISTING", "enable_hooks": false, "cluster": "devcluster", "task": {"processes": [{"daemon": false, )"
    R"("name": "hello", "ephemeral": false, "max_failures": 1, "min_duration": 5, "cmdline": "\n    while true; do\n)"
    R"(      echo \"hello world from instance {{mesos.instance}} on port {{thermos.ports[http]}}\"\n      sleep 10\n)"
    R"(    done\n  ", "final": false}], "name": "hello", "finalization_wait": 30, "max_failures": 1, "max_concurrency": 0, )"
    R"("resources": {"gpu": 0, "disk": 16777216, "ram": 16777216, "cpu": 0.1}, "constraints": [{"order": ["hello"]}]}, )"
    R"("production": false, "role": "www-data", "tier": "preemptible", "metadata": [], "lifecycle": {"http": )"
    R"({"graceful_shutdown_endpoint": "/quitquitquit", "graceful_shutdown_wait_secs": 5, "port": "health", )"
    R"("shutdown_wait_secs": 5, "shutdown_endpoint": "/abortabortabort"}}, "priority": 0})";

std::set<std::string> elements(const nlohmann::json& array) {
  std::set<std::string> out;
  for (const auto& e : array) out.insert(e.dump());
  return out;
}

}  // namespace

TEST_CASE("job inspect --thrift on examples/hello_world.aurora prints the JobConfiguration of spec 5") {
  Setup setup;
  const auto result = setup.aurora({"job", "inspect", "devcluster/www-data/prod/hello", kExample, "--thrift"});
  CAPTURE(result.err);
  REQUIRE(result.exit_code == 0);
  auto actual = nlohmann::json::parse(result.out);
  CHECK(actual["taskConfig"]["executorConfig"]["data"] == kExampleData);
  // Spec 5.3: key and owner (the local user); cronCollisionPolicy always set, by name; no
  // cronSchedule; instanceCount from `instances`.  TaskConfig: production and tier after the
  // backfill; resources from Resources (MiB) plus one namedPort per port a process references
  // (spec 5.4: {{thermos.ports[http]}}); empty constraints and metadata sets; taskLinks always
  // {}; no contactEmail; container {mesos: {}} when none is configured (spec 5.8).
  const nlohmann::json key = {{"role", "www-data"}, {"environment", "prod"}, {"name", "hello"}};
  nlohmann::json expected = {
      {"key", key},
      {"owner", {{"user", "aurora"}}},
      {"cronCollisionPolicy", "KILL_EXISTING"},
      {"taskConfig",
       {{"job", key},
        {"owner", {{"user", "aurora"}}},
        {"isService", true},
        {"priority", 0},
        {"maxTaskFailures", 1},
        {"production", false},
        {"tier", "preemptible"},
        {"resources", nlohmann::json::parse(R"([{"numCpus": 0.1}, {"ramMb": 16}, {"diskMb": 16}, {"namedPort": "http"}])")},
        {"constraints", nlohmann::json::array()},
        {"taskLinks", nlohmann::json::object()},
        {"executorConfig", {{"name", "AuroraExecutor"}, {"data", kExampleData}}},
        {"metadata", nlohmann::json::array()},
        {"container", {{"mesos", nlohmann::json::object()}}}}},
      {"instanceCount", 2}};
  // A set's elements may come in any order.
  CHECK(elements(actual["taskConfig"]["resources"]) == elements(expected["taskConfig"]["resources"]));
  actual["taskConfig"]["resources"] = expected["taskConfig"]["resources"];
  CHECK(actual == expected);
}

TEST_CASE("job inspect prints examples/hello_world.aurora as upstream's InspectCommand does") {
  Setup setup;
  const auto result = setup.aurora({"job", "inspect", "devcluster/www-data/prod/hello", kExample});
  CAPTURE(result.err);
  REQUIRE(result.exit_code == 0);
  // cli.md 7.3: no contact, cron, job constraints or partition policy lines (unset); the task's
  // one ordering constraint; no daemon/ephemeral/final lines; every line of the cmdline
  // (str.splitlines: the leading newline gives an empty line, the trailing indent a last one).
  CHECK(result.out ==
        "Job level information\n"
        "  name:       'hello'\n"
        "  role:       'www-data'\n"
        "  cluster:    'devcluster'\n"
        "  instances:  '2'\n"
        "  service:    True\n"
        "  production: False\n"
        "\n"
        "Task level information\n"
        "  name: 'hello'\n"
        "  constraints:\n"
        "  hello\n"
        "\n"
        "Process 'hello':\n"
        "  cmdline:\n"
        "    \n"
        "        while true; do\n"
        "          echo \"hello world from instance {{mesos.instance}} on port {{thermos.ports[http]}}\"\n"
        "          sleep 10\n"
        "        done\n"
        "      \n"
        "\n");
}

TEST_CASE("job inspect lists job constraints in CPython 2.7's dict order") {
  Setup setup;
  setup.dir.write_file("c.aurora", R"(
jobs = [Job(cluster='devcluster', role='www-data', environment='prod', name='c',
            task=SimpleTask('c', 'echo'),
            constraints={'rack': 'limit:1', 'host': 'limit:2', 'zone': 'a'},
            partition_policy=PartitionPolicy(reschedule=False, delay_secs=30))]
)");
  const auto result = setup.aurora({"job", "inspect", "devcluster/www-data/prod/c", setup.path("c.aurora")});
  CAPTURE(result.err);
  REQUIRE(result.exit_code == 0);
  // CPython 2.7 iterates {'rack', 'host', 'zone'} as host, rack, zone.
  CHECK(result.out.find("  constraints:\n"
                        "    'host': 'limit:2'\n"
                        "    'rack': 'limit:1'\n"
                        "    'zone': 'a'\n"
                        "  partition_policy:\n"
                        "    reschedule: False\n"
                        "    delay_secs: '30'\n"
                        "  service:    False\n") != std::string::npos);
}

TEST_CASE("--write-json output read back with --read-json converts to the same JobConfiguration") {
  Setup setup;
  const std::string key = "devcluster/www-data/prod/hello";
  const auto written = setup.aurora({"job", "inspect", key, kExample, "--write-json"});
  REQUIRE(written.exit_code == 0);
  auto job = nlohmann::json::parse(written.out);
  CHECK(job["instances"] == 2);  // --write-json keeps instances and update_config (spec 3.5)
  CHECK(job["update_config"]["watch_secs"] == 5);
  setup.dir.write_file("hello.json", written.out);
  const auto direct = setup.aurora({"job", "inspect", key, kExample, "--thrift"});
  const auto reread = setup.aurora({"job", "inspect", key, setup.path("hello.json"), "--read-json", "--thrift"});
  CAPTURE(reread.err);
  REQUIRE(reread.exit_code == 0);
  CHECK(nlohmann::json::parse(reread.out)["taskConfig"]["executorConfig"] ==
        nlohmann::json::parse(direct.out)["taskConfig"]["executorConfig"]);
  CHECK(nlohmann::json::parse(reread.out)["instanceCount"] == 2);
}

TEST_CASE("--read-json loads Choice values of any alternative: Docker, Count SLA, Batch strategy") {
  // Upstream only loads the first alternative that does not raise (spec 3.5); trying each one is
  // our documented divergence.
  Setup setup;
  setup.dir.write_file("job.json", R"({"jobs": [{"cluster": "devcluster", "role": "www-data", "environment": "prod",
    "name": "j", "instances": 3,
    "task": {"name": "j", "processes": [{"name": "j", "cmdline": "echo"}],
             "resources": {"cpu": 1.0, "ram": 1048576, "disk": 1048576}},
    "container": {"image": "img:1", "parameters": [{"name": "env", "value": "A=1"}]},
    "sla_policy": {"count": 2, "duration_secs": 60},
    "update_config": {"update_strategy": {"batch_size": 2, "autopause_after_batch": true}}}]})");
  const std::string key = "devcluster/www-data/prod/j";
  const auto thrift = setup.aurora({"job", "inspect", key, setup.path("job.json"), "--read-json", "--thrift"});
  CAPTURE(thrift.err);
  REQUIRE(thrift.exit_code == 0);
  auto task = nlohmann::json::parse(thrift.out)["taskConfig"];
  CHECK(task["container"] == nlohmann::json::parse(
                                 R"({"docker": {"image": "img:1", "parameters": [{"name": "env", "value": "A=1"}]}})"));
  CHECK(task["slaPolicy"] == nlohmann::json::parse(R"({"countSlaPolicy": {"count": 2, "durationSecs": 60}})"));
  const auto json = setup.aurora({"job", "inspect", key, setup.path("job.json"), "--read-json", "--write-json"});
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["update_config"]["update_strategy"] ==
        nlohmann::json::parse(R"({"batch_size": 2, "autopause_after_batch": true})"));
}

TEST_CASE("a malformed --read-json file exits 3 naming the file, line and column") {
  Setup setup;
  setup.dir.write_file("bad.json", "{\"jobs\": [\n  {\"name\": }\n]}\n");
  const auto result = setup.aurora(
      {"job", "inspect", "devcluster/www-data/prod/j", setup.path("bad.json"), "--read-json"});
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("Error loading configuration: " + setup.path("bad.json") +
                        ":2:12: Unable to parse the JSON configuration: ") != std::string::npos);
  CHECK(result.err.find("json.exception") == std::string::npos);
}

TEST_CASE("--bind values on the command line reach the job and select it") {
  Setup setup;
  setup.dir.write_file("b.aurora", R"(
jobs = [Job(cluster='devcluster', role='www-data', environment='{{env}}', name='b',
            task=SimpleTask('b', 'echo {{greeting}}'))]
)");
  const auto result = setup.aurora({"job", "inspect", "devcluster/www-data/staging2/b", setup.path("b.aurora"),
                                    "--bind", "env=staging2", "--bind", "greeting=hi", "--bind", "greeting=hello",
                                    "--write-json"});
  CAPTURE(result.err);
  REQUIRE(result.exit_code == 0);
  auto job = nlohmann::json::parse(result.out);
  CHECK(job["environment"] == "staging2");
  CHECK(job["task"]["processes"][0]["cmdline"] == "echo hello");  // the later --bind wins
}

TEST_CASE("configuration errors of spec 6.3 exit with the invalid-configuration code 3") {
  Setup setup;
  const std::string t = "T = Task(name='t', processes=[Process(name='p', cmdline='echo')], "
                        "resources=Resources(cpu=1, ram=1*MB, disk=1*MB))\n";
  struct Row {
    const char* name;
    std::string config;
    const char* message;
  };
  const Row rows[] = {
      {"no_jobs", "x = 1\n", "Error loading configuration: No job defined in this config!"},
      {"unknown_attr", t + "jobs = [Job(cluster='devcluster', role='r', environment='prod', name='j', task=T, foo=1)]\n",
       "Unknown schema attribute foo"},
      {"missing_resources",
       "jobs = [Job(cluster='devcluster', role='r', environment='prod', name='j', "
       "task=Task(name='t', processes=[Process(name='p', cmdline='x')]))]\n",
       "Error loading configuration: The configuration was invalid: Task must specify resources!"},
      {"unbound_in_task",
       t + "jobs = [Job(cluster='devcluster', role='r', environment='prod', name='j', "
           "task=T(processes=[Process(name='p', cmdline='echo {{foo}}')]))]\n",
       "The configuration was invalid: Task is invalid: Unexpected unbound refs: {{foo}}. Make sure you are not "
       "nesting template variables."},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    setup.dir.write_file("row.aurora", row.config);
    const auto result = setup.aurora({"job", "inspect", "devcluster/r/prod/j", setup.path("row.aurora")});
    CAPTURE(result.err);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(result.err.find(row.message) != std::string::npos);
  }
}

TEST_CASE("config list prints the jobs of a file with --bind applied, and exits 4 on a load error") {
  Setup setup;
  setup.dir.write_file("two.aurora", R"(
t = SimpleTask('t', 'echo')
jobs = [Job(cluster='devcluster', role='www-data', environment='{{env}}', name='a', task=t),
        Job(cluster='other', role='r', environment='prod', name='b', task=t)]
)");
  const auto listed = setup.aurora({"config", "list", setup.path("two.aurora"), "--bind", "env=test"});
  CAPTURE(listed.err);
  CHECK(listed.exit_code == 0);
  CHECK(listed.out == "jobs=[devcluster/www-data/test/a, other/r/prod/b]\n");  // cli.md 7.16
  setup.dir.write_file("none.aurora", "x = 1\n");
  const auto none = setup.aurora({"config", "list", setup.path("none.aurora")});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "jobs=[]\n");
  setup.dir.write_file("broken.aurora", "jobs = [\n");
  const auto broken = setup.aurora({"config", "list", setup.path("broken.aurora")});
  CHECK(broken.exit_code == 4);
  CHECK(broken.err.rfind("Error loading configuration file: ", 0) == 0);
}
