#include "commands/job_matching.hpp"

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"

namespace aurora::commands {

std::vector<grammars::JobKey> jobs_matching(cli::Context& context,
                                            const grammars::WildcardJobKey& key) {
  if (!key.has_wildcard()) return {grammars::JobKey{key.cluster, key.role, key.env, key.name}};
  std::vector<const clusters::Cluster*> targets;
  if (key.cluster == "*") {
    for (const auto& cluster : context.clusters().all()) targets.push_back(&cluster);
  } else {
    targets.push_back(&context.clusters().get(key.cluster));
  }
  std::vector<grammars::JobKey> found;
  const auto role = key.role_for_query();
  for (const auto* cluster : targets) {
    context.log().info("Retrieving jobs for role " + role.value_or("None"));
    const auto response = context.scheduler(*cluster).getJobs(role);
    cli::check_response(context, response, "Command failure:", ErrorKind::CommandFailure);
    for (const auto& config : response.result.getJobsResult.configs) {
      if (key.matches(config.key.role, config.key.environment, config.key.name)) {
        found.push_back({cluster->name, config.key.role, config.key.environment, config.key.name});
      }
    }
  }
  return found;
}

}  // namespace aurora::commands
