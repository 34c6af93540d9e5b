#pragma once
// Runs the whole client pipeline on in-memory .aurora files: load, backfill default tiers, convert.

#include <map>
#include <optional>
#include <string>

#include "config/job_config.hpp"

namespace aurora::config::testing {

struct PipelineResult {
  std::optional<LoadedJob> loaded;
  std::optional<gen::JobConfiguration> config;
  std::string error;  // empty when everything succeeded
};

inline LoadOptions in_memory(std::map<std::string, std::string> files, const std::string& path,
                             const JobSelector& key) {
  LoadOptions options;
  options.config_path = path;
  options.job_key = key;
  options.interpreter.read_file = [files](const std::string& p) -> std::optional<std::string> {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  options.interpreter.environment = std::map<std::string, std::string>{{"USER", "aurora"}};
  options.interpreter.user = "aurora";
  return options;
}

inline PipelineResult run_pipeline(const LoadOptions& options) {
  PipelineResult result;
  try {
    result.loaded = load_job(options);
    backfill_tier(*result.loaded, default_tier_config());
    result.config = to_job_configuration(*result.loaded, "aurora");
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace aurora::config::testing
