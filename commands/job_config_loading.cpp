#include "commands/job_config_loading.hpp"

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"

namespace aurora::commands {

PreparedJob prepare_job(cli::Context& context, const grammars::JobKey& key,
                        const ConfigArguments& arguments) {
  config::LoadOptions options;
  options.config_path = arguments.path;
  options.job_key = key;
  options.bindings = arguments.bindings;
  options.read_json = arguments.read_json;
  options.interpreter.err = [&context](std::string_view text) { context.err() << text; };
  options.interpreter.out = [&context](std::string_view text) { context.err() << text; };
  PreparedJob job{config::load_job(options), {}};
  for (const auto& warning : job.loaded.warnings) context.log().warn(warning);

  const auto& cluster = context.clusters().get(key.cluster);
  const auto tiers = context.scheduler(cluster).getTierConfigs();
  cli::check_response(context, tiers, "Error getting tier configurations.",
                      ErrorKind::InvalidConfiguration);
  config::backfill_tier(job.loaded, tiers.result.getTierConfigResult);
  job.configuration = config::to_job_configuration(job.loaded, config::local_user());
  return job;
}

}  // namespace aurora::commands
