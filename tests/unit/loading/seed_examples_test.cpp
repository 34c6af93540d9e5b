// The users' documents (configuration tutorial and templating guide, quoting fixed as in spec 6.2)
// and our own examples/ load and convert to the values spec 6.2 lists.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "config_fixture.hpp"
#include "spec_configs.hpp"

namespace {

using aurora::config::testing::in_memory;
using aurora::config::testing::run_pipeline;
using namespace aurora::config::testing;  // the spec configs
namespace gen = aurora::gen;

struct Expected {
  const char* config;
  const char* key;
  int instances;
  bool service;
  double cpu;
  int64_t ram_mb, disk_mb;
  const char* processes;    // JSON [[name, cmdline]...]
  const char* constraints;  // JSON of the task's constraints in executor data
};

const Expected kExpected[] = {
    {"tutorial", "cluster1/myteam/prod/application", 20, true, 4.0, 2560, 10240,
     R"([["fetch", "curl -O https://packages.foocorp.com/live/application.jar"]])", R"([{"order": ["fetch"]}])"},
    {"tutorial", "cluster1/myteam/staging/application", 2, false, 1.0, 2048, 1024,
     R"([["fetch", "curl -O https://packages.foocorp.com/live/application.jar"]])", R"([{"order": ["fetch"]}])"},
    {"templating", "cluster1/myteam/devel/application", 1, false, 2.0, 4096, 8192,
     R"([["main", "java -jar application.jar -hdfsPath hdfs://home/aurora/data/test"]])", R"([{"order": ["main"]}])"},
    {"templating", "cluster1/myteam/prod/application", 100, false, 2.0, 4096, 8192,
     R"([["main", "java -jar application.jar -hdfsPath hdfs://home/aurora/data/prod"]])", R"([{"order": ["main"]}])"},
};

}  // namespace

TEST_CASE("the documentation's Profile examples convert as spec 6.2 lists") {
  for (const auto& e : kExpected) {
    std::string key = e.key;
    CAPTURE(key);
    const char* text = std::string(e.config) == "tutorial" ? kTutorialProfile : kTemplatingProfile;
    auto result = run_pipeline(in_memory({{"profile.aurora", text}}, "profile.aurora",
                                         aurora::grammars::JobKey::parse(e.key)));
    CAPTURE(result.error);
    REQUIRE(result.error.empty());
    const auto& config = *result.config;
    CHECK(config.instanceCount == e.instances);
    CHECK(config.taskConfig.isService == e.service);
    CHECK(config.taskConfig.tier == "preemptible");
    for (const auto& r : config.taskConfig.resources) {
      if (r.__isset.numCpus) CHECK(r.numCpus == e.cpu);
      if (r.__isset.ramMb) CHECK(r.ramMb == e.ram_mb);
      if (r.__isset.diskMb) CHECK(r.diskMb == e.disk_mb);
    }
    auto data = nlohmann::json::parse(config.taskConfig.executorConfig.data);
    nlohmann::json processes = nlohmann::json::array();
    for (const auto& p : data["task"]["processes"]) processes.push_back({p["name"], p["cmdline"]});
    CHECK(processes == nlohmann::json::parse(e.processes));
    CHECK(data["task"]["constraints"] == nlohmann::json::parse(e.constraints));
  }
}

TEST_CASE("examples/hello_world.aurora loads and converts for devcluster") {
  aurora::config::LoadOptions options;
  options.config_path = AURORA_EXAMPLES_DIR "/hello_world.aurora";
  options.job_key = aurora::grammars::JobKey::parse("devcluster/www-data/prod/hello");
  auto result = run_pipeline(options);
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  CHECK(result.config->instanceCount == 2);
  CHECK(result.config->taskConfig.isService);
  std::set<std::string> ports;
  for (const auto& r : result.config->taskConfig.resources)
    if (r.__isset.namedPort) ports.insert(r.namedPort);
  CHECK(ports == std::set<std::string>{"http"});
  auto settings = aurora::config::to_update_settings(*result.loaded);
  CHECK(settings.minWaitInInstanceRunningMs == 5000);
}
