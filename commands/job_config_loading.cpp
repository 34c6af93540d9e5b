#include "commands/job_config_loading.hpp"

#include "api/docker_registry.hpp"
#include "api/scheduler_client.hpp"
#include "api/simple_json.hpp"
#include "cli/response.hpp"

namespace aurora::commands {
namespace {

// Spec config-language 3.6: {{docker.image[NAME][TAG]}} pinned against the cluster's registry.
// The cluster is looked up only when a config uses the helper, as upstream does.
auto docker_image_resolver(cli::Context& context, const std::string& cluster_name) {
  return [&context, cluster_name](const std::string& name, const std::string& tag) {
    const auto& cluster = context.clusters().get(cluster_name);
    api::DockerRegistryOptions options;
    if (cluster.ca_file) options.ca_file = *cluster.ca_file;
    options.trace = [&context](std::string_view line) { context.log().debug(line); };
    std::string pinned = api::resolve_docker_image(cluster.docker_registry, name, tag, options);
    context.log().info("Resolved " + name + ":" + tag + " => " + pinned);
    return pinned;
  };
}

// Our addition for verbs that only read a config: one attempt, and the scheduler's stock tiers
// when it cannot be reached (upstream retries for minutes, then fails).
gen::GetTierConfigResult tiers_or_defaults(cli::Context& context,
                                           const clusters::Cluster& cluster) {
  gen::Response tiers;
  try {
    tiers = context.scheduler(cluster).call(
        "getTierConfigs", api::SchedulerClient::Retry::Never,
        [](gen::AuroraAdminClient& client, gen::Response& response) {
          client.getTierConfigs(response);
        });
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Network && e.kind() != ErrorKind::Timeout) throw;
    context.log().debug(e.what());
    context.log().warn("Could not reach the scheduler of " + cluster.name +
                       " for its tier configurations; assuming the default tiers (preferred, "
                       "preemptible, revocable)");
    return aurora::config::default_tier_config();
  }
  cli::check_response(context, tiers, "Error getting tier configurations.",
                      ErrorKind::InvalidConfiguration);
  return tiers.result.getTierConfigResult;
}

}  // namespace

PreparedJob prepare_job(cli::Context& context, const grammars::JobKey& key,
                        const ConfigArguments& arguments, TierLookup tier_lookup) {
  aurora::config::LoadOptions options;
  options.config_path = arguments.path;
  options.job_key = key;
  options.bindings = arguments.bindings;
  options.read_json = arguments.read_json;
  options.interpreter.err = [&context](std::string_view text) { context.err() << text; };
  options.interpreter.out = [&context](std::string_view text) { context.err() << text; };
  options.resolve_docker_image = docker_image_resolver(context, key.cluster);
  PreparedJob job{aurora::config::load_job(options), {}};
  for (const auto& warning : job.loaded.warnings) context.log().warn(warning);

  const auto& cluster = context.clusters().get(key.cluster);
  if (tier_lookup == TierLookup::DefaultsWhenUnreachable) {
    aurora::config::backfill_tier(job.loaded, tiers_or_defaults(context, cluster));
  } else {
    const auto tiers = context.scheduler(cluster).getTierConfigs();
    cli::check_response(context, tiers, "Error getting tier configurations.",
                        ErrorKind::InvalidConfiguration);
    aurora::config::backfill_tier(job.loaded, tiers.result.getTierConfigResult);
  }
  job.configuration = aurora::config::to_job_configuration(job.loaded, aurora::config::local_user());
  return job;
}

cli::VerbBuilder& config_arguments(cli::VerbBuilder& verb, ConfigArguments& config,
                                   std::string file_help) {
  return verb
      .positional("config_file", "config_file", std::move(file_help), config.path,
                  cli::ValueHint::File)
      .option("--bind", "pystachio-binding", "Bind a template variable: NAME=VALUE (repeatable)",
              config.bindings)
      .flag("--read-json", "Read the configuration as JSON instead of .aurora", config.read_json);
}

std::string job_configuration_json(const gen::JobConfiguration& configuration) {
  api::SimpleJsonOptions options;
  options.enum_fields = {{"cronCollisionPolicy", &gen::_CronCollisionPolicy_VALUES_TO_NAMES},
                         {"mode", &gen::_Mode_VALUES_TO_NAMES}};
  return api::to_simple_json_text(configuration, options, 2);
}

}  // namespace aurora::commands
