// aurora cron schedule CLUSTER/ROLE/ENV/NAME CONFIG: create a cron job, or replace its template.
#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/cron/verbs.hpp"
#include "errors/error.hpp"
#include "commands/job_config_loading.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::cron {
namespace {

struct ScheduleOptions {
  grammars::JobKey job;
  ConfigArguments config;
};

int run_schedule(const ScheduleOptions& options, cli::Context& context) {
  const auto& job = options.job;
  // Upstream resolves the cluster before reading the file: an unknown cluster wins (exit 3).
  const auto& cluster = context.clusters().get(job.cluster);
  const PreparedJob prepared = prepare_job(context, job, options.config);
  const gen::JobConfiguration& configuration = prepared.configuration;
  if (!configuration.__isset.cronSchedule || configuration.cronSchedule.empty()) {
    // Raised upstream, so no "Command terminated with error code" line follows.
    throw Error(ErrorKind::CommandFailure,
                "Non-cron jobs may only be created with \"aurora job create\" command");
  }
  auto& scheduler = context.scheduler(cluster);
  context.log().info("Registering job " + job.name + " with cron");
  cli::check_response(context, scheduler.scheduleCronJob(configuration),
                      "Error scheduling cron job " + job.str() + ":");
  const std::string url =
      clusters::job_page_url(context.display_base_url(cluster), job.role, job.env, job.name);
  if (context.output == cli::OutputFormat::Json) {
    nlohmann::ordered_json doc{{"job", job.str()},
                               {"cron_schedule", configuration.cronSchedule},
                               {"url", url}};
    context.print_out(doc.dump(2));
  } else {
    context.print_out("Cron job scheduled, status can be viewed at " + url);
  }
  return 0;
}

}  // namespace

void add_schedule(cli::CommandTree& tree) {
  auto options = std::make_shared<ScheduleOptions>();
  cli::VerbBuilder verb = tree.add_verb("cron", "schedule", "Create a cron job, or replace its schedule and template",
                options)
      .description(
          "Evaluate CONFIG, pick the job CLUSTER/ROLE/ENV/NAME (it must have a cron_schedule; "
          "other jobs are refused with exit 4: use aurora job create) and register it with the "
          "scheduler's cron, replacing the schedule and task template of a job already "
          "scheduled; then print its page URL. A scheduler error exits 10. -o json prints "
          "{\"job\", \"cron_schedule\", \"url\"}.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The cron job", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey);
  config_arguments(verb, options->config, "The .aurora file that defines the job")
      .run([options](cli::Context& context) { return run_schedule(*options, context); });
}

}  // namespace aurora::commands::cron
