// Spec 3.7 step 6: the tier backfill, against the scheduler's default tiers and against tier
// settings a scheduler could return.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "config_fixture.hpp"

namespace {

using aurora::config::testing::in_memory;
namespace gen = aurora::gen;

gen::TierConfig tier(const std::string& name, bool preemptible, bool revocable) {
  gen::TierConfig t;
  t.__set_name(name);
  t.__set_settings({{"preemptible", preemptible ? "true" : "false"}, {"revocable", revocable ? "true" : "false"}});
  return t;
}

gen::GetTierConfigResult tiers(std::string default_name, std::set<gen::TierConfig> list) {
  gen::GetTierConfigResult result;
  result.__set_defaultTierName(std::move(default_name));
  result.__set_tiers(std::move(list));
  return result;
}

// The TaskConfig's (tier, production) after loading `fields` into a job and backfilling.
std::pair<std::string, bool> backfilled(const std::string& fields, const gen::GetTierConfigResult& answer) {
  const std::string config = "jobs = [Job(cluster='c', role='r', environment='prod', name='j', "
                             "task=SimpleTask('j', 'echo')" + fields + ")]\n";
  auto loaded = aurora::config::load_job(in_memory({{"t.aurora", config}}, "t.aurora",
                                                   aurora::grammars::JobKey::parse("c/r/prod/j")));
  aurora::config::backfill_tier(loaded, answer);
  auto job = aurora::config::to_job_configuration(loaded, "aurora");
  // The backfilled field is part of the job, so the executor data carries it too.
  CHECK(job.taskConfig.executorConfig.data.find("\"tier\": \"" + job.taskConfig.tier + "\"") != std::string::npos);
  return {job.taskConfig.tier, job.taskConfig.production};
}

}  // namespace

TEST_CASE("with the scheduler's default tiers a job without a tier lands by its production flag") {
  const auto defaults = aurora::config::default_tier_config();
  CHECK(backfilled("", defaults) == std::make_pair(std::string("preemptible"), false));
  CHECK(backfilled(", production=True", defaults) == std::make_pair(std::string("preferred"), true));
}

TEST_CASE("an explicit tier sets production from the tier's preemptible setting") {
  const auto defaults = aurora::config::default_tier_config();
  CHECK(backfilled(", tier='preferred'", defaults) == std::make_pair(std::string("preferred"), true));
  CHECK(backfilled(", tier='revocable', production=True", defaults) == std::make_pair(std::string("revocable"), false));
  CHECK(backfilled(", tier='preemptible', production=True", defaults) ==
        std::make_pair(std::string("preemptible"), false));
}

TEST_CASE("an unknown explicit tier keeps the job's production flag") {
  const auto defaults = aurora::config::default_tier_config();
  CHECK(backfilled(", tier='gold'", defaults) == std::make_pair(std::string("gold"), false));
  CHECK(backfilled(", tier='gold', production=True", defaults) == std::make_pair(std::string("gold"), true));
}

TEST_CASE("the matching tier of the scheduler's list is chosen, else its default tier name") {
  // Upstream iterates the tiers as a Python set, so only a single match is well defined.
  CHECK(backfilled(", production=True", tiers("spot", {tier("gold", false, false), tier("spot", true, false),
                                                        tier("revocable", true, true)})) ==
        std::make_pair(std::string("gold"), true));
  // No tier is preemptible and not revocable: the default tier name is used as is.
  CHECK(backfilled("", tiers("fallback", {tier("gold", false, false), tier("revocable", true, true)})) ==
        std::make_pair(std::string("fallback"), false));
}
