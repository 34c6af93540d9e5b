// Spec 6.2 "features_*": ports, announce, constraints, metadata, containers, SLA, partition, cron,
// custom executor and shell health checks, each converted as the upstream client does.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "config_fixture.hpp"
#include "spec_configs.hpp"

namespace {

using aurora::config::testing::in_memory;
using aurora::config::testing::run_pipeline;
using namespace aurora::config::testing;  // the spec configs
namespace gen = aurora::gen;

gen::JobConfiguration convert(const std::string& name) {
  auto options = in_memory({{"features.aurora", kFeatures}}, "features.aurora",
                           aurora::grammars::JobKey::parse("c1/www-data/devel/" + name));
  options.bindings = {"env_suffix=X"};
  auto result = run_pipeline(options);
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  return *result.config;
}

std::set<std::string> named_ports(const gen::TaskConfig& task) {
  std::set<std::string> out;
  for (const auto& r : task.resources)
    if (r.__isset.namedPort) out.insert(r.namedPort);
  return out;
}

}  // namespace

TEST_CASE("features_ports: runtime refs survive, ports are requested, resources floor to MiB") {
  auto config = convert("ports");
  const auto& task = config.taskConfig;
  CHECK(named_ports(task) == std::set<std::string>{"admin", "health", "http"});
  std::set<gen::Resource> expected_numbers;
  gen::Resource r;
  r.__set_numCpus(0.5);
  CHECK(task.resources.count(r) == 1);
  r = {};
  r.__set_ramMb(96);
  CHECK(task.resources.count(r) == 1);
  r = {};
  r.__set_diskMb(1536);
  CHECK(task.resources.count(r) == 1);
  r = {};
  r.__set_numGpus(1);
  CHECK(task.resources.count(r) == 1);
  CHECK(task.contactEmail == "ops@example.com");
  auto data = nlohmann::json::parse(task.executorConfig.data);
  CHECK(data["task"]["name"] == "t_X");
  CHECK(data["task"]["processes"][0]["cmdline"] ==
        "./server --http={{thermos.ports[http]}} --admin={{thermos.ports[admin]}} --id={{mesos.instance}} "
        "--host={{mesos.hostname}} --task={{thermos.task_id}} --user=www-data");
  CHECK(data["task"]["resources"]["ram"] == 100663297);
  CHECK(data["task"]["resources"]["disk"] == 1610612736);
}

TEST_CASE("features_announce: alias and static ports are not requested, constraints parse") {
  auto config = convert("announce");
  CHECK(named_ports(config.taskConfig) == std::set<std::string>{"health", "http"});
  std::map<std::string, gen::TaskConstraint> constraints;
  for (const auto& c : config.taskConfig.constraints) constraints[c.name] = c.constraint;
  REQUIRE(constraints.size() == 4);
  CHECK(constraints["rack"].limit.limit == 1);
  CHECK(constraints["zone"].value.values == std::set<std::string>{"us-east-1a", "us-east-1b"});
  CHECK_FALSE(constraints["zone"].value.negated);
  CHECK(constraints["dedicated"].value.values == std::set<std::string>{"www-data/web"});
  CHECK(constraints["host"].value.negated);
  CHECK(constraints["host"].value.values == std::set<std::string>{"a", "b", "c"});
}

TEST_CASE("features_meta: duplicate metadata keys, tier, partition and percentage SLA") {
  auto config = convert("meta");
  const auto& task = config.taskConfig;
  CHECK(task.metadata.size() == 2);
  CHECK(task.tier == "preferred");
  CHECK(task.production);
  CHECK(task.maxTaskFailures == -1);
  CHECK(task.priority == 5);
  CHECK_FALSE(task.partitionPolicy.reschedule);
  CHECK(task.partitionPolicy.delaySecs == 30);
  CHECK(task.slaPolicy.percentageSlaPolicy.percentage == doctest::Approx(66.6));
  CHECK(task.slaPolicy.percentageSlaPolicy.durationSecs == 300);
}

TEST_CASE("features SLA policies, cron, custom executor and containers") {
  auto count = convert("count_sla");
  CHECK(count.taskConfig.slaPolicy.countSlaPolicy.count == 2);
  CHECK(count.taskConfig.slaPolicy.countSlaPolicy.durationSecs == 60);
  CHECK(count.instanceCount == 4);
  auto coord = convert("coord_sla");
  CHECK(coord.taskConfig.slaPolicy.coordinatorSlaPolicy.coordinatorUrl == "http://x");
  CHECK(coord.taskConfig.slaPolicy.coordinatorSlaPolicy.statusKey == "drain");
  auto cron = convert("cron");
  CHECK(cron.cronSchedule == "0 * * * *");
  CHECK(cron.cronCollisionPolicy == gen::CronCollisionPolicy::CANCEL_NEW);
  auto custom = convert("custom_exec");
  CHECK(custom.taskConfig.executorConfig.name == "CustomExecutor");
  CHECK(custom.taskConfig.executorConfig.data == R"({"a": 1})");
  auto docker = convert("docker_params");
  REQUIRE(bool(docker.taskConfig.container.__isset.docker));
  CHECK(docker.taskConfig.container.docker.image == "img:1");
  REQUIRE(docker.taskConfig.container.docker.parameters.size() == 2);
  CHECK(docker.taskConfig.container.docker.parameters[1].value == "B=X");
  auto mesos = convert("mesos_vol");
  REQUIRE(bool(mesos.taskConfig.container.__isset.mesos));
  CHECK(mesos.taskConfig.container.mesos.image.appc.imageId == "sha512-x");
  REQUIRE(mesos.taskConfig.container.mesos.volumes.size() == 1);
  CHECK(mesos.taskConfig.container.mesos.volumes[0].mode == gen::Mode::RO);
}

TEST_CASE("features_health_shell: shell checker, float interval, disabled lifecycle in the data") {
  auto config = convert("health_shell");
  auto data = nlohmann::json::parse(config.taskConfig.executorConfig.data);
  CHECK(data["health_check_config"]["health_checker"] == nlohmann::json::parse(R"({"shell": {"shell_command": "true"}})"));
  CHECK(config.taskConfig.executorConfig.data.find("\"interval_secs\": 5.0") != std::string::npos);
  CHECK(data["lifecycle"] == nlohmann::json::object());
}
