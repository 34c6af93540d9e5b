#pragma once
// The --config of job kill, job killall, job restart and cron start (with its --bind and
// --read-json): upstream loads it, tiers and all, only so that the API hooks see the job; here the
// hook executables get its evaluated config, and a job that enables Python hooks is refused.

#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "commands/job_config_loading.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands {

struct HookConfigArguments {
  std::optional<std::string> path;  // --config
  std::vector<std::string> bindings;
  bool read_json = false;
};

// The options' help texts, shared by the four verbs (each declares them in upstream's order).
extern const char* const kHookConfigHelp;
extern const char* const kHookConfigBindHelp;
extern const char* const kHookConfigReadJsonHelp;

// Nothing without --config. Otherwise loads the job `key` from it as job create would (spec 7.0,
// getTierConfigs included; errors exit 3) and refuses, before anything is sent, a job that sets
// enable_hooks = True (refuse_config_hooks, around `api`).
std::optional<PreparedJob> load_hook_config(cli::Context& context, const grammars::JobKey& key,
                                            const HookConfigArguments& arguments,
                                            const std::string& api);

}  // namespace aurora::commands
