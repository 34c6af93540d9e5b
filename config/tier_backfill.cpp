// Spec 3.7 step 6: tier and production made consistent with the scheduler's tier settings.
#include "config/config_failure.hpp"
#include "config/job_config.hpp"
#include "config/template/operations.hpp"

namespace aurora::config {
namespace {

gen::TierConfig tier(const std::string& name, bool preemptible, bool revocable) {
  gen::TierConfig t;
  t.__set_name(name);
  t.__set_settings({{"preemptible", preemptible ? "true" : "false"}, {"revocable", revocable ? "true" : "false"}});
  return t;
}

bool setting(const gen::TierConfig& t, const char* name) {
  auto it = t.settings.find(name);
  return it != t.settings.end() && it->second == "true";
}

}  // namespace

gen::GetTierConfigResult default_tier_config() {
  gen::GetTierConfigResult result;
  result.__set_defaultTierName("preemptible");
  result.__set_tiers({tier("preferred", false, false), tier("preemptible", true, false), tier("revocable", true, true)});
  return result;
}

void backfill_tier(LoadedJob& job, const gen::GetTierConfigResult& tiers) {
  reporting_template_errors([&] {
    using templating::Data;
    templating::NodePtr tier_field = templating::struct_field(job.raw, "tier");
    templating::NodePtr production_field = templating::struct_field(job.raw, "production");
    bool production = production_field && production_field->raw.kind == Data::Kind::Bool && production_field->raw.b;
    if (!tier_field) {
      std::string chosen = tiers.defaultTierName;
      for (const auto& t : tiers.tiers)
        if (setting(t, "preemptible") == !production && !setting(t, "revocable")) {
          chosen = t.name;
          break;
        }
      job.raw = templating::struct_with(job.raw, {{"tier", Data::str(chosen)}});
      return 0;
    }
    std::string name = templating::str(tier_field);
    for (const auto& t : tiers.tiers)
      if (t.name == name) job.raw = templating::struct_with(job.raw, {{"production", Data::boolean(!setting(t, "preemptible"))}});
    return 0;
  });
}

}  // namespace aurora::config
