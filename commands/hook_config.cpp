#include "commands/hook_config.hpp"

#include "commands/api_hooks.hpp"

namespace aurora::commands {

const char* const kHookConfigHelp =
    "Config file of the job, loaded so that hooks get its evaluated config (see aurora-hooks(7)); "
    "a job with enable_hooks = True is refused";
const char* const kHookConfigBindHelp =
    "Bind a template variable of the --config file: NAME=VALUE (repeatable)";
const char* const kHookConfigReadJsonHelp = "Read the --config file as JSON instead of .aurora";

std::optional<PreparedJob> load_hook_config(cli::Context& context, const grammars::JobKey& key,
                                            const HookConfigArguments& arguments,
                                            const std::string& api) {
  if (!arguments.path) return std::nullopt;
  PreparedJob job =
      prepare_job(context, key, {*arguments.path, arguments.bindings, arguments.read_json});
  refuse_config_hooks(context, job.loaded, api);
  return job;
}

}  // namespace aurora::commands
