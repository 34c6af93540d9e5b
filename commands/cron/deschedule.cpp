// aurora cron deschedule CLUSTER/ROLE/ENV/NAME: remove a job's cron schedule (its tasks stay).
#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/cron/verbs.hpp"
#include "commands/scheduler_terms.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::cron {
namespace {

struct DescheduleOptions {
  grammars::JobKey job;
};

int run_deschedule(const DescheduleOptions& options, cli::Context& context) {
  auto& scheduler = context.scheduler(context.clusters().get(options.job.cluster));
  context.log().info("Removing cron schedule for job " + options.job.str());
  cli::check_response(context, scheduler.descheduleCronJob(to_thrift(options.job)),
                      "Error descheduling cron job " + options.job.str() + ":");
  if (context.output == cli::OutputFormat::Json) {
    context.print_out(
        nlohmann::ordered_json{{"job", options.job.str()}, {"descheduled", true}}.dump(2));
  } else {
    context.print_out("Cron descheduling succeeded.");
  }
  return 0;
}

}  // namespace

void add_deschedule(cli::CommandTree& tree) {
  auto options = std::make_shared<DescheduleOptions>();
  tree.add_verb("cron", "deschedule", "Remove a job's cron schedule", options)
      .description(
          "Remove the cron schedule of a job, so that it no longer runs; tasks already running "
          "are left alone. -o json prints {\"job\", \"descheduled\": true}.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The cron job", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .run([options](cli::Context& context) { return run_deschedule(*options, context); });
}

}  // namespace aurora::commands::cron
