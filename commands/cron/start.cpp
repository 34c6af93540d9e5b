// aurora cron start CLUSTER/ROLE/ENV/NAME: run a cron job now, outside its schedule.
#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/browser.hpp"
#include "cli/response.hpp"
#include "commands/api_hooks.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/cron/verbs.hpp"
#include "commands/job/option_checks.hpp"
#include "commands/scheduler_terms.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::cron {
namespace {

struct StartOptions {
  grammars::JobKey job;
  std::vector<std::string> bindings;  // accepted; only a config would use them
  bool open_browser = false;
  std::optional<std::string> config;  // hooks only
  bool read_json = false;
};

int run_start(const StartOptions& options, cli::Context& context) {
  const auto& job = options.job;
  const auto& cluster = context.clusters().get(job.cluster);
  auto& scheduler = context.scheduler(cluster);
  job::ignore_hook_config(context, options.config);
  context.log().info("Starting cron job: " + job.str());
  const auto response = call_with_api_hooks(context, {.api = "start_cronjob", .job = job},
                                            [&] { return scheduler.startCronJob(to_thrift(job)); });
  cli::check_response(context, response, "Error starting cron job " + job.str() + ":");
  if (options.open_browser) {
    cli::open_in_browser(
        clusters::job_page_url(context.display_base_url(cluster), job.role, job.env, job.name));
  }
  if (context.output == cli::OutputFormat::Json) {
    context.print_out(nlohmann::ordered_json{{"job", job.str()}, {"started", true}}.dump(2));
  }
  return 0;
}

}  // namespace

void add_start(cli::CommandTree& tree) {
  auto options = std::make_shared<StartOptions>();
  tree.add_verb("cron", "start", "Run a cron job now", options)
      .description(
          "Start a run of a cron job now, independent of its schedule. Nothing is printed on "
          "success; -o json prints {\"job\", \"started\": true}. --config only supplies a "
          "configuration's Python hooks and is ignored (hook executables: aurora-hooks(7)).")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The cron job", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .option("--bind", "var=value",
              "Accepted for compatibility; it only affects the --config file, which is ignored",
              options->bindings)
      .flag("--open-browser", "Open the job's page in a browser afterwards", options->open_browser)
      .option("--config", "pathname",
              "Config file for the job's Python hooks; ignored, since they cannot run here (see "
              "aurora-hooks(7))",
              options->config)
      .flag("--read-json", "Accepted for compatibility; the --config file is ignored",
            options->read_json)
      .run([options](cli::Context& context) { return run_start(*options, context); });
}

}  // namespace aurora::commands::cron
