// aurora cron show CLUSTER/ROLE/ENV/NAME: print a job's cron schedule.
#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/cron/verbs.hpp"
#include "errors/error.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::cron {
namespace {

struct ShowOptions {
  grammars::JobKey job;
};

int run_show(const ShowOptions& options, cli::Context& context) {
  const auto& job = options.job;
  auto& scheduler = context.scheduler(context.clusters().get(job.cluster));
  context.log().info("Retrieving jobs for role " + job.role);
  const auto response = scheduler.getJobs(job.role);
  // Upstream's message read "...for <key>elf from server" (a format slip); ours reads as meant.
  cli::check_response(context, response,
                      "Error getting cron status for " + job.str() + " from server",
                      ErrorKind::InvalidParameter);
  for (const auto& config : response.result.getJobsResult.configs) {
    if (config.key.environment != job.env || config.key.name != job.name) continue;
    if (config.cronSchedule.empty()) break;
    if (context.output == cli::OutputFormat::Json) {
      nlohmann::ordered_json doc{{"job", job.str()}, {"cron_schedule", config.cronSchedule}};
      doc["cron_collision_policy"] =
          gen::_CronCollisionPolicy_VALUES_TO_NAMES.count(config.cronCollisionPolicy)
              ? gen::_CronCollisionPolicy_VALUES_TO_NAMES.at(config.cronCollisionPolicy)
              : std::to_string(config.cronCollisionPolicy);
      context.print_out(doc.dump(2));
    } else {
      context.print_out(job.str() + "\t " + config.cronSchedule);
    }
    return 0;
  }
  throw Error(ErrorKind::InvalidParameter, "No cron entry found for job " + job.str());
}

}  // namespace

void add_show(cli::CommandTree& tree) {
  auto options = std::make_shared<ShowOptions>();
  tree.add_verb("cron", "show", "Print a job's cron schedule", options)
      .description(
          "Print \"<job>\\t <schedule>\" for a cron job, or fail with exit 6 when the job has no "
          "cron schedule. -o json prints {\"job\", \"cron_schedule\", "
          "\"cron_collision_policy\"}. Upstream's error heading contained a stray \"elf\"; ours "
          "does not.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The cron job", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .run([options](cli::Context& context) { return run_show(*options, context); });
}

}  // namespace aurora::commands::cron
