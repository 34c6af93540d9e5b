// Spec 6.1: upstream's examples/jobs/hello_world.aurora converts to the Python 2.7 client's bytes.
#include <doctest/doctest.h>

#include "config_fixture.hpp"
#include "spec_configs.hpp"

namespace {

using aurora::config::testing::in_memory;
using aurora::config::testing::run_pipeline;
using namespace aurora::config::testing;  // the spec configs
namespace gen = aurora::gen;

const char* kGoldenData =
    R"({"environment": "prod", "health_check_config": {"health_checker": {"http": {"expected_response_code": 0, "endpoint": "/health", "expected_response": "ok"}}, "min_consecutive_successes": 1, "initial_interval_secs": 15.0, "max_consecutive_failures": 0, "timeout_secs": 1.0, "interval_secs": 10.0}, "name": "hello", "service": true, "max_task_failures": 1, "executor_config": {"data": "", "name": "AuroraExecutor"}, "cron_collision_policy": "KILL_EXISTING", "enable_hooks": false, "cluster": "devcluster", "task": {"processes": [{"daemon": false, "name": "hello", "ephemeral": false, "max_failures": 1, "min_duration": 5, "cmdline": "\n    while true; do\n      echo hello world\n      sleep 10\n    done\n  ", "final": false}], "name": "hello", "finalization_wait": 30, "max_failures": 1, "max_concurrency": 0, "resources": {"gpu": 0, "disk": 134217728, "ram": 134217728, "cpu": 1.0}, "constraints": [{"order": ["hello"]}]}, "production": false, "role": "www-data", "tier": "preemptible", "metadata": [], "lifecycle": {"http": {"graceful_shutdown_endpoint": "/quitquitquit", "graceful_shutdown_wait_secs": 5, "port": "health", "shutdown_wait_secs": 5, "shutdown_endpoint": "/abortabortabort"}}, "priority": 0})";

aurora::config::testing::PipelineResult hello_world() {
  return run_pipeline(in_memory({{"hello_world.aurora", kHelloWorld}}, "hello_world.aurora",
                                aurora::grammars::JobKey::parse("devcluster/www-data/prod/hello")));
}

}  // namespace

TEST_CASE("hello_world's executorConfig.data is byte-identical to the Python 2.7 client's") {
  auto result = hello_world();
  REQUIRE(result.error.empty());
  CHECK(result.config->taskConfig.executorConfig.name == "AuroraExecutor");
  CHECK(result.config->taskConfig.executorConfig.data == kGoldenData);
}

TEST_CASE("hello_world's TaskConfig and JobConfiguration fields follow spec 6.1") {
  auto result = hello_world();
  REQUIRE(result.error.empty());
  const gen::JobConfiguration& job = *result.config;
  const gen::TaskConfig& task = job.taskConfig;
  CHECK(job.key.role == "www-data");
  CHECK(job.key.environment == "prod");
  CHECK(job.key.name == "hello");
  CHECK(task.job == job.key);
  CHECK(job.owner.user == "aurora");
  CHECK(task.isService);
  CHECK(task.priority == 0);
  CHECK(task.maxTaskFailures == 1);
  CHECK_FALSE(task.production);
  CHECK(task.tier == "preemptible");
  CHECK(task.constraints.empty());
  CHECK(task.metadata.empty());
  CHECK(task.taskLinks.empty());
  CHECK(bool(task.__isset.taskLinks));
  CHECK_FALSE(bool(task.__isset.contactEmail));
  CHECK(bool(task.container.__isset.mesos));
  CHECK_FALSE(bool(task.container.__isset.docker));
  CHECK(job.cronCollisionPolicy == gen::CronCollisionPolicy::KILL_EXISTING);
  CHECK_FALSE(bool(job.__isset.cronSchedule));
  CHECK(job.instanceCount == 1);
  gen::Resource cpu, ram, disk;
  cpu.__set_numCpus(1.0);
  ram.__set_ramMb(128);
  disk.__set_diskMb(128);
  CHECK(task.resources == std::set<gen::Resource>{cpu, ram, disk});
}

TEST_CASE("hello_world's update settings follow spec 6.1") {
  auto result = hello_world();
  REQUIRE(result.error.empty());
  gen::JobUpdateSettings s = aurora::config::to_update_settings(*result.loaded);
  CHECK(s.updateGroupSize == 1);
  CHECK(s.maxPerInstanceFailures == 0);
  CHECK(s.maxFailedInstances == 0);
  CHECK(s.minWaitInInstanceRunningMs == 45000);
  CHECK(s.rollbackOnFailure);
  CHECK_FALSE(s.waitForBatchCompletion);
  CHECK_FALSE(s.slaAware);
  CHECK_FALSE(bool(s.__isset.blockIfNoPulsesAfterMs));
  CHECK_FALSE(bool(s.__isset.updateOnlyTheseInstances));
  REQUIRE(bool(s.updateStrategy.__isset.queueStrategy));
  CHECK(s.updateStrategy.queueStrategy.groupSize == 1);
}

TEST_CASE("updating some instances groups them into closed ranges") {
  auto result = hello_world();
  REQUIRE(result.error.empty());
  auto s = aurora::config::to_update_settings(*result.loaded, std::vector<int32_t>{9, 0, 1, 2, 5, 8});
  std::vector<std::pair<int, int>> ranges;
  for (const auto& r : s.updateOnlyTheseInstances) ranges.emplace_back(r.first, r.last);
  CHECK(ranges == std::vector<std::pair<int, int>>{{0, 2}, {5, 5}, {8, 9}});
}

TEST_CASE("--write-json output read back with --read-json converts to the same executor data") {
  auto first = hello_world();
  REQUIRE(first.error.empty());
  std::string json = aurora::config::job_json(*first.loaded);
  auto options = in_memory({{"hello.json", json}}, "hello.json",
                           aurora::grammars::JobKey::parse("devcluster/www-data/prod/hello"));
  options.read_json = true;
  auto second = run_pipeline(options);
  CAPTURE(second.error);
  REQUIRE(second.error.empty());
  CHECK(second.config->taskConfig.executorConfig.data == kGoldenData);
  CHECK(second.config->instanceCount == 1);
}

TEST_CASE("a --read-json file that is not JSON is a clear error naming the file, line and column") {
  auto options = in_memory({{"bad.json", "{\n  \"name\": \"x\",\n  oops\n}\n"}}, "bad.json",
                           aurora::grammars::JobKey::parse("c/r/prod/j"));
  options.read_json = true;
  auto result = run_pipeline(options);
  CAPTURE(result.error);
  CHECK(result.error.rfind("Error loading configuration: bad.json:3:3: Unable to parse the JSON configuration: ", 0) == 0);
  CHECK(result.error.find("json.exception") == std::string::npos);
  auto not_object = in_memory({{"list.json", "[1, 2]"}}, "list.json", aurora::grammars::JobKey::parse("c/r/prod/j"));
  not_object.read_json = true;
  CHECK(run_pipeline(not_object).error ==
        "Error loading configuration: list.json: a JSON configuration must be an object: a job, or {\"jobs\": [...]}");
}

TEST_CASE("--bind values reach the job but never override a struct field on the lookup path") {
  const char* config = R"(
jobs = [Job(cluster='c', role='r', environment='{{env}}', name='j',
            task=SimpleTask('t', 'echo {{greeting}} {{name}} {{cluster}}'))]
)";
  auto options = in_memory({{"bind.aurora", config}}, "bind.aurora", aurora::grammars::JobKey::parse("c/r/prod/j"));
  options.bindings = {"env=prod", "greeting=hi", "greeting=hello", "cluster=other"};
  auto result = run_pipeline(options);
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  CHECK(result.config->key.environment == "prod");
  CHECK(result.config->taskConfig.executorConfig.data.find("\"cmdline\": \"echo hello t c\"") != std::string::npos);
}

TEST_CASE("docker image bindings are resolved by the caller, or fail clearly without one") {
  const char* config = R"(
jobs = [Service(cluster='devcluster', role='www-data', environment='devel', name='d',
                task=SimpleTask('hello', 'echo'),
                container=Docker(image='{{docker.image[library/python][2.7-slim-stretch]}}'))]
)";
  auto options = in_memory({{"docker.aurora", config}}, "docker.aurora",
                           aurora::grammars::JobKey::parse("devcluster/www-data/devel/d"));
  auto offline = run_pipeline(options);
  CHECK(offline.error.find("Cannot resolve {{docker.image[library/python][2.7-slim-stretch]}}") != std::string::npos);
  options.resolve_docker_image = [](const std::string& name, const std::string& tag) {
    CHECK(tag == "2.7-slim-stretch");
    return name + "@sha256:" + std::string(64, '0');
  };
  auto resolved = run_pipeline(options);
  CAPTURE(resolved.error);
  REQUIRE(resolved.error.empty());
  CHECK(resolved.config->taskConfig.container.docker.image == "library/python@sha256:" + std::string(64, '0'));
}
