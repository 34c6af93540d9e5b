// aurora job restart CLUSTER/ROLE/ENV/NAME[/INSTANCES]: a rolling restart driven by this client.
#include <nlohmann/json.hpp>

#include "cli/browser.hpp"
#include "cli/response.hpp"
#include "commands/api_hooks.hpp"
#include "commands/hook_config.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/job/active_tasks.hpp"
#include "commands/job/instance_lists.hpp"
#include "commands/job/option_checks.hpp"
#include "commands/job/restarter.hpp"
#include "commands/job/verbs.hpp"
#include "errors/error.hpp"
#include "grammars/instance_spec.hpp"

namespace aurora::commands::job {
namespace {

struct RestartOptions {
  grammars::InstanceSpec spec;
  int batch_size = 1;
  HookConfigArguments config;  // --config, --bind, --read-json: for hooks only
  bool open_browser = false;
  bool force = false;                 // unused, as upstream
  int healthcheck_interval_seconds = 3;
  int max_total_failures = 0;
  bool strict = false;
  int watch_secs = 30;
  int max_per_instance_failures = 0;
  int restart_threshold = 600;
};

const char* result_name(RestartOutcome::Result result) {
  switch (result) {
    case RestartOutcome::Result::Restarted:
      return "restarted";
    case RestartOutcome::Result::NothingToDo:
      return "nothing_to_do";
    case RestartOutcome::Result::ThresholdReached:
      return "aborted";
    case RestartOutcome::Result::Interrupted:
      return "interrupted";
  }
  return "unknown";
}

struct InstanceSplit {
  std::set<int32_t> restarted, not_confirmed, not_restarted;
};

InstanceSplit split_instances(const RestartOutcome& outcome) {
  InstanceSplit split;
  split.restarted = outcome.healthy;
  for (int32_t id : outcome.planned) {
    if (!outcome.sent.count(id)) {
      split.not_restarted.insert(id);
    } else if (!outcome.healthy.count(id)) {
      split.not_confirmed.insert(id);
    }
  }
  return split;
}

void print_json(cli::Context& context, const grammars::JobKey& job, const RestartOutcome& outcome) {
  const auto split = split_instances(outcome);
  nlohmann::ordered_json doc;
  doc["job"] = job.str();
  doc["result"] = result_name(outcome.result);
  doc["instances"] = json_int_list(outcome.planned);
  doc["restarted"] = json_int_list(split.restarted);
  doc["not_confirmed"] = json_int_list(split.not_confirmed);
  doc["not_restarted"] = json_int_list(split.not_restarted);
  context.print_out(doc.dump(2));
}

// What post_restart and err_restart hooks learn: the last answer and how the restart ended.
ApiCallOutcome restart_hook_outcome(const RestartOutcome& outcome) {
  ApiCallOutcome hooks = outcome_of(outcome.last_response);
  const char* ended = "restarted";
  if (outcome.result == RestartOutcome::Result::NothingToDo) ended = "nothing_to_do";
  if (outcome.result == RestartOutcome::Result::ThresholdReached) ended = "threshold_reached";
  if (outcome.result == RestartOutcome::Result::Interrupted) ended = "interrupted";
  hooks.result["restart"] = ended;
  if (outcome.result == RestartOutcome::Result::ThresholdReached ||
      outcome.result == RestartOutcome::Result::Interrupted) {
    hooks.ok = false;
  }
  return hooks;
}

int run_restart(const RestartOptions& options, const cli::CommandTree& tree,
                cli::Context& context) {
  require_positive_option(context, tree, "job", "restart", "--batch-size", options.batch_size);
  if (options.max_total_failures < 0) {
    context.print_err("max_total_failures option must be >0, but you specified " +
                      std::to_string(options.max_total_failures));
    return 6;
  }
  const auto& job = options.spec.job;
  if (options.spec.instances && options.strict) {
    require_active_instances(context, job, *options.spec.instances);
  }
  const auto hook_config = load_hook_config(context, job, options.config, "restart");

  RestartSettings settings;
  settings.batch_size = options.batch_size;
  settings.healthcheck_interval_seconds = options.healthcheck_interval_seconds;
  settings.max_per_instance_failures = options.max_per_instance_failures;
  settings.max_total_failures = options.max_total_failures;
  settings.watch.watch_secs = options.watch_secs;
  settings.watch.restart_threshold_secs = options.restart_threshold;
  RestartOutcome outcome;
  const ApiHookCall hook_call{
      .api = "restart",
      .job = job,
      .instances = options.spec.instances,
      .config = hook_config ? &hook_config->configuration : nullptr};
  with_api_hooks(context, hook_call, [&] {
    outcome = rolling_restart(context, job, options.spec.instances, settings);
    return restart_hook_outcome(outcome);
  });
  const bool json = context.output == cli::OutputFormat::Json;
  if (json) print_json(context, job, outcome);

  if (outcome.result == RestartOutcome::Result::Interrupted) {
    const auto split = split_instances(outcome);
    context.print_err("Restart of job " + job.str() +
                      " interrupted; no further instances "
                      "will be restarted.");
    context.print_err("Restarted and healthy: " + python_int_list(split.restarted));
    context.print_err("Restarted, health not confirmed: " + python_int_list(split.not_confirmed));
    context.print_err("Not restarted: " + python_int_list(split.not_restarted));
    throw Error(ErrorKind::Interrupted, "Command interrupted by user");
  }
  if (outcome.result == RestartOutcome::Result::ThresholdReached) {
    // Upstream printed "restarted successfully" here; the restart did not complete.
    throw Error(ErrorKind::CommandFailure,
                "Restart of job " + job.str() + " aborted: too many instances failed to stay up");
  }
  cli::check_response(context, outcome.last_response, "Error restarting job " + job.str() + ":");
  if (!json) context.print_out("Job " + job.str() + " restarted successfully");
  if (options.open_browser) {
    const auto& cluster = context.clusters().get(job.cluster);
    cli::open_in_browser(
        clusters::job_page_url(context.display_base_url(cluster), job.role, job.env, job.name));
  }
  return 0;
}

}  // namespace

void add_restart(cli::CommandTree& tree) {
  auto options = std::make_shared<RestartOptions>();
  tree.add_verb("job", "restart", "Restart instances of a job in rolling batches", options)
      .description(
          "Restart a job's instances (all active ones when INSTANCES is omitted) batch by batch. "
          "This client drives the restart: it restarts a batch, waits until each instance has "
          "stayed RUNNING for --watch-secs, requeues instances that failed, and stops once more "
          "than --max-total-failures instances failed more than --max-per-instance-failures "
          "times. Stopping the client (Ctrl-C) halts the restart before the next batch and "
          "prints which instances were restarted (exit 130). Differences from upstream: "
          "reaching the failure threshold exits 4 (upstream printed success); --batch-size below "
          "1 is a usage error; an instance that is not RUNNING within --restart-threshold "
          "seconds counts as failed (upstream waited forever). -o json prints {\"job\", "
          "\"result\" (restarted, nothing_to_do, aborted, interrupted), \"instances\", "
          "\"restarted\", \"not_confirmed\", \"not_restarted\"}.")
      .json_output()
      .option("--batch-size", "BATCH_SIZE", "Instances restarted per batch (at least 1)",
              options->batch_size)
      .option("--bind", "var=value", kHookConfigBindHelp, options->config.bindings)
      .flag("--open-browser", "Open the job's page in a browser afterwards", options->open_browser)
      .option("--config", "pathname", kHookConfigHelp, options->config.path)
      .flag("--force", "Accepted and unused, as upstream", options->force)
      .option("--healthcheck-interval-seconds", "HEALTHCHECK_INTERVAL_SECONDS",
              "Seconds between checks of the restarted instances",
              options->healthcheck_interval_seconds)
      .positional(
          "instance_spec", "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
          "The job, and optionally which instances to restart", options->spec,
          [](const std::string& v) { return grammars::InstanceSpec::parse(v); },
          cli::ValueHint::InstanceSpec)
      .flag("--read-json", kHookConfigReadJsonHelp, options->config.read_json)
      .option("--max-total-failures", "MAX_TOTAL_FAILURES",
              "Failed instances tolerated before the restart stops", options->max_total_failures)
      .flag("--strict", "Fail if any listed instance is not active", options->strict)
      .option("--watch-secs", "WATCH_SECS",
              "Seconds an instance must stay RUNNING to count as healthy", options->watch_secs)
      .option("--max-per-instance-failures", "MAX_PER_INSTANCE_FAILURES",
              "Failures of one instance tolerated before it counts toward --max-total-failures",
              options->max_per_instance_failures)
      .option("--restart-threshold", "SECONDS",
              "Seconds a restarted instance may take to be RUNNING before it counts as failed "
              "(0: wait forever, as upstream)",
              options->restart_threshold)
      .run(
          [options, &tree](cli::Context& context) { return run_restart(*options, tree, context); });
}

}  // namespace aurora::commands::job
