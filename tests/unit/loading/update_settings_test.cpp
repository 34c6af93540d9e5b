// Spec 4.4 and 5.9: update_config to JobUpdateSettings, with upstream's checks (strategies_* of 6.2).
#include <doctest/doctest.h>

#include "config_fixture.hpp"
#include "spec_configs.hpp"

namespace {

using aurora::config::testing::in_memory;
using aurora::config::testing::run_pipeline;
using namespace aurora::config::testing;  // the spec configs

aurora::config::testing::PipelineResult load(const std::string& name) {
  return run_pipeline(in_memory({{"strategies.aurora", kStrategies}}, "strategies.aurora",
                                aurora::grammars::JobKey::parse("c/r/prod/" + name)));
}

std::string settings_error(const std::string& name) {
  auto result = load(name);
  REQUIRE(result.error.empty());
  try {
    aurora::config::to_update_settings(*result.loaded);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("wait_for_batch_completion without a strategy becomes a batch strategy") {
  auto result = load("waitbatch");
  REQUIRE(result.error.empty());
  auto s = aurora::config::to_update_settings(*result.loaded);
  CHECK(s.updateGroupSize == 2);
  CHECK(s.waitForBatchCompletion);
  REQUIRE(bool(s.updateStrategy.__isset.batchStrategy));
  CHECK(s.updateStrategy.batchStrategy.groupSize == 2);
  CHECK_FALSE(s.updateStrategy.batchStrategy.autopauseAfterBatch);
}

TEST_CASE("update settings reject ambiguous and too frequent pulse configurations") {
  CHECK(settings_error("ambig").find("Ambiguous update configuration. Cannot combine update strategy with batch "
                                     "size. Please set batchsize inside of update strategy instead.") !=
        std::string::npos);
  CHECK(settings_error("pulse").find("Pulse interval seconds must be at least 60 seconds.") != std::string::npos);
}

TEST_CASE("explicit strategies map to their Thrift unions") {
  auto variable = load("variable");
  REQUIRE(variable.error.empty());
  auto v = aurora::config::to_update_settings(*variable.loaded);
  CHECK(v.updateGroupSize == 1);
  REQUIRE(bool(v.updateStrategy.__isset.varBatchStrategy));
  CHECK(v.updateStrategy.varBatchStrategy.groupSizes == std::vector<int32_t>{1, 2, 3});
  // Upstream crashes on Queue/Batch strategies (spec 5.9); we implement the intended mapping.
  auto queue = load("queue");
  REQUIRE(queue.error.empty());
  auto q = aurora::config::to_update_settings(*queue.loaded);
  CHECK(q.updateGroupSize == 3);
  CHECK(q.updateStrategy.queueStrategy.groupSize == 3);
  auto batch = load("batch");
  REQUIRE(batch.error.empty());
  auto b = aurora::config::to_update_settings(*batch.loaded);
  CHECK(b.updateGroupSize == 2);
  CHECK(b.waitForBatchCompletion);
  CHECK(b.updateStrategy.batchStrategy.autopauseAfterBatch);
}

TEST_CASE("max_total_failures must stay below the instance count at load time") {
  auto result = load("maxfail");
  CHECK(result.error.find("Based on your job size (5) you should use max_total_failures <= 4.") != std::string::npos);
}

TEST_CASE("update settings reject a batch size below 1 and waiting for batches with a strategy") {
  const char* config = R"(
t = SimpleTask('t', 'echo hi')
base = Service(cluster='c', role='r', environment='prod', task=t, instances=5)
jobs = [
  base(name='zero', update_config=UpdateConfig(batch_size=0)),
  base(name='negative', update_config=UpdateConfig(batch_size=-2)),
  base(name='waitstrategy', update_config=UpdateConfig(wait_for_batch_completion=True,
       update_strategy=VariableBatchUpdateStrategy(batch_sizes=[1, 2]))),
]
)";
  auto error_of = [&](const std::string& name) -> std::string {
    auto result = run_pipeline(in_memory({{"u.aurora", config}}, "u.aurora",
                                         aurora::grammars::JobKey::parse("c/r/prod/" + name)));
    REQUIRE(result.error.empty());
    try {
      aurora::config::to_update_settings(*result.loaded);
    } catch (const aurora::Error& e) {
      CHECK(e.kind() == aurora::ErrorKind::InvalidConfiguration);  // spec 4.4: invalid configuration
      return e.what();
    }
    return "";
  };
  // Spec 4.4 (watch_secs < 0 is rejected at load time by 4.1 first, so its 4.4 message cannot
  // be reached from a configuration).
  CHECK(error_of("zero").find("Batch size should be greater than 0") != std::string::npos);
  CHECK(error_of("negative").find("Batch size should be greater than 0") != std::string::npos);
  CHECK(error_of("waitstrategy").find("Ambiguous update configuration. Cannot combine wait_batch_completion with an "
                                      "explicit update strategy.") != std::string::npos);
}
