#pragma once
// Spec §7.0 for the verbs that send a configuration: evaluate the file, pick the job, ask the
// scheduler for its tiers, and convert to the JobConfiguration that will be sent.

#include <optional>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "cli/command_tree.hpp"
#include "cli/context.hpp"
#include "config/job_config.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands {

struct ConfigArguments {
  std::string path;
  std::vector<std::string> bindings;
  bool read_json = false;
};

// Declares the CONFIG positional (described by `file_help`) and --bind/--read-json, as every verb
// that loads a job configuration has them.
cli::VerbBuilder& config_arguments(cli::VerbBuilder& verb, ConfigArguments& config,
                                   std::string file_help);

struct PreparedJob {
  aurora::config::LoadedJob loaded;
  gen::JobConfiguration configuration;
};

// Where tier backfill gets the scheduler's tiers: getTierConfigs, retried as upstream does; or,
// for verbs that only show a config, one attempt and the default tiers (with a warning) when the
// scheduler cannot be reached.
enum class TierLookup { Scheduler, DefaultsWhenUnreachable };

// Loads `arguments` for `key` (pinning {{docker.image[NAME][TAG]}} against the cluster's
// docker_registry), logs the loader's warnings, backfills the tier from the scheduler's
// getTierConfigs (a non-OK answer prints "Error getting tier configurations." and exits 3) and
// converts. Configuration errors exit 3.
PreparedJob prepare_job(cli::Context& context, const grammars::JobKey& key,
                        const ConfigArguments& arguments,
                        TierLookup tier_lookup = TierLookup::Scheduler);

// The JobConfiguration that would be sent, as JSON with enum values by name (`job inspect
// --thrift`, `job create --dry-run`).
std::string job_configuration_json(const gen::JobConfiguration& configuration);

}  // namespace aurora::commands
