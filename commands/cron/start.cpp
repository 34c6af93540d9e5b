// aurora cron start CLUSTER/ROLE/ENV/NAME: run a cron job now, outside its schedule.
#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/browser.hpp"
#include "cli/response.hpp"
#include "commands/api_hooks.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/cron/verbs.hpp"
#include "commands/hook_config.hpp"
#include "commands/scheduler_terms.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::cron {
namespace {

struct StartOptions {
  grammars::JobKey job;
  HookConfigArguments config;  // --config, --bind, --read-json: for hooks only
  bool open_browser = false;
};

int run_start(const StartOptions& options, cli::Context& context) {
  const auto& job = options.job;
  const auto& cluster = context.clusters().get(job.cluster);
  auto& scheduler = context.scheduler(cluster);
  const auto hook_config = load_hook_config(context, job, options.config, "start_cronjob");
  context.log().info("Starting cron job: " + job.str());
  const ApiHookCall hook_call{
      .api = "start_cronjob",
      .job = job,
      .config = hook_config ? &hook_config->configuration : nullptr};
  const auto response = call_with_api_hooks(context, hook_call,
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
          "success; -o json prints {\"job\", \"started\": true}. --config (with --bind and "
          "--read-json) is loaded only for hooks: they get its evaluated config, and a job that "
          "sets enable_hooks = True is refused (exit 3), as Python hooks cannot run here.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The cron job", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .option("--bind", "var=value", kHookConfigBindHelp, options->config.bindings)
      .flag("--open-browser", "Open the job's page in a browser afterwards", options->open_browser)
      .option("--config", "pathname", kHookConfigHelp, options->config.path)
      .flag("--read-json", kHookConfigReadJsonHelp, options->config.read_json)
      .run([options](cli::Context& context) { return run_start(*options, context); });
}

}  // namespace aurora::commands::cron
