// aurora job create CLUSTER/ROLE/ENV/NAME CONFIG: start a service or batch job from a config.
#include "api/scheduler_client.hpp"
#include "api/simple_json.hpp"
#include "cli/browser.hpp"
#include "cli/response.hpp"
#include "commands/api_hooks.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/job/job_monitor.hpp"
#include "commands/job/verbs.hpp"
#include "commands/job_config_loading.hpp"
#include "commands/scheduler_terms.hpp"
#include "errors/error.hpp"

namespace aurora::commands::job {
namespace {

struct CreateOptions {
  grammars::JobKey key;
  ConfigArguments config;
  std::string wait_until = "PENDING";
  bool open_browser = false;
  bool dry_run = false;
};

int run_create(const CreateOptions& options, cli::Context& context) {
  const PreparedJob job = prepare_job(context, options.key, options.config);
  const gen::JobConfiguration& configuration = job.configuration;
  if (configuration.__isset.cronSchedule && !configuration.cronSchedule.empty()) {
    // Raised upstream, so no "Command terminated with error code" line follows.
    throw Error(ErrorKind::CommandFailure,
                "Cron jobs may only be scheduled with \"aurora cron schedule\" command");
  }
  if (options.dry_run) {
    // What createJob would carry, as the Thrift JSON of the JobConfiguration; nothing is sent.
    context.print_out(job_configuration_json(configuration));
    return 0;
  }
  refuse_config_hooks(context, job.loaded, "create_job");
  const auto& cluster = context.clusters().get(options.key.cluster);
  auto& scheduler = context.scheduler(cluster);
  context.log().info("Creating job " + options.key.name);
  const auto created = call_with_api_hooks(
      context, {.api = "create_job", .job = options.key, .config = &configuration},
      [&] { return scheduler.createJob(configuration); });
  cli::check_response(context, created, "Job creation failed due to error:",
                      ErrorKind::CommandFailure);

  const std::string url = clusters::job_page_url(context.display_base_url(cluster),
                                                 options.key.role, options.key.env,
                                                 options.key.name);
  if (options.open_browser) cli::open_in_browser(url);
  if (const auto predicate = predicate_for_wait_until(options.wait_until)) {
    JobMonitor(scheduler, to_thrift(options.key)).wait_until(*predicate, std::nullopt, false);
  }

  context.log().info("Checking status of " + options.key.str());
  gen::TaskQuery query;
  query.__set_jobKeys({to_thrift(options.key)});
  const auto status = scheduler.getTasksWithoutConfigs(query);
  if (status.responseCode != gen::ResponseCode::OK ||
      status.result.scheduleStatusResult.tasks.empty()) {
    context.print_err("Error occurred while creating job " + options.key.str());
    return 4;
  }
  if (context.output == cli::OutputFormat::Json) {
    nlohmann::ordered_json doc = {{"job", options.key.str()}, {"url", url},
                                  {"instances", configuration.instanceCount}};
    context.print_out(doc.dump(2));
  } else {
    context.print_out("Job create succeeded: job url=" + url);
  }
  return 0;
}

}  // namespace

void add_create(cli::CommandTree& tree) {
  auto options = std::make_shared<CreateOptions>();
  cli::VerbBuilder verb = tree.add_verb("job", "create", "Create a service or batch job from a configuration file", options)
      .description(
          "Evaluate CONFIG, pick the job named by CLUSTER/ROLE/ENV/NAME, and ask the scheduler to "
          "create it; then print its page URL. Cron jobs are refused: use aurora cron schedule. "
          "--dry-run prints the JobConfiguration that would be sent (as Thrift JSON) and sends "
          "nothing but read-only calls.")
      .json_output()
      .positional("jobspec", "CLUSTER/ROLE/ENV/NAME", "The job to create", options->key,
                  [](const std::string& v) { return grammars::JobKey::parse(v); },
                  cli::ValueHint::JobKey);
  config_arguments(verb, options->config, "The .aurora file that defines the job")
      .choice("--wait-until", {"PENDING", "RUNNING", "FINISHED"},
              "Wait until every task reaches this state", options->wait_until)
      .flag("--open-browser", "Open the job's page in a browser", options->open_browser)
      .flag("--dry-run", "Print what would be sent and send nothing", options->dry_run)
      .run([options](cli::Context& context) { return run_create(*options, context); });
}

}  // namespace aurora::commands::job
