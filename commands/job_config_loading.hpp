#pragma once
// Spec §7.0 for the verbs that send a configuration: evaluate the file, pick the job, ask the
// scheduler for its tiers, and convert to the JobConfiguration that will be sent.

#include <optional>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "config/job_config.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands {

struct ConfigArguments {
  std::string path;
  std::vector<std::string> bindings;
  bool read_json = false;
};

struct PreparedJob {
  config::LoadedJob loaded;
  gen::JobConfiguration configuration;
};

// Loads `arguments` for `key`, logs the loader's warnings, backfills the tier from the
// scheduler's getTierConfigs (a non-OK answer prints "Error getting tier configurations." and
// exits 3) and converts. Configuration errors exit 3.
PreparedJob prepare_job(cli::Context& context, const grammars::JobKey& key,
                        const ConfigArguments& arguments);

}  // namespace aurora::commands
