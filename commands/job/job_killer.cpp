#include "commands/job/job_killer.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "api/scheduler_client.hpp"
#include "cli/browser.hpp"
#include "cli/response.hpp"
#include "commands/api_hooks.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/job/active_tasks.hpp"
#include "commands/job/instance_lists.hpp"
#include "commands/job/job_monitor.hpp"
#include "commands/job/kill_batches.hpp"
#include "commands/scheduler_terms.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::commands::job {
namespace {

using nlohmann::ordered_json;

// What -o json prints: null instance lists mean "every instance of the job".
struct KillReport {
  ordered_json requested;
  ordered_json killed = ordered_json::array();
  ordered_json not_killed_in_time = ordered_json::array();
  std::optional<std::string> error;
};

void print_report(cli::Context& context, const KillTarget& target, bool batched,
                  const KillReport& report) {
  ordered_json doc;
  doc["job"] = target.job.str();
  doc["requested"] = report.requested;
  doc["batched"] = batched;
  doc["killed"] = report.killed;
  doc["not_killed_in_time"] = report.not_killed_in_time;
  doc["succeeded"] = !report.error.has_value();
  if (report.error) doc["error"] = *report.error;
  context.print_out(doc.dump(2));
}

gen::Response send_kill(cli::Context& context, api::SchedulerClient& scheduler,
                        const KillOptions& options, const gen::JobConfiguration* config,
                        const grammars::JobKey& job,
                        const std::optional<std::vector<int32_t>>& instances) {
  context.log().info("Killing tasks for job: " + job.str());
  std::optional<std::set<int32_t>> ids;  // none: every instance (killall --no-batching)
  if (instances) {
    context.log().info("Instances to be killed: " + python_int_list(*instances));
    ids.emplace(instances->begin(), instances->end());
  }
  const ApiHookCall hook_call{
      .api = "kill_job",
      .job = job,
      .instances = instances,
      .config = config,
      .arguments = {{"message", options.message ? ordered_json(*options.message) : ordered_json()}}};
  return call_with_api_hooks(context, hook_call, [&] {
    return scheduler.killTasks(to_thrift(job), ids, options.message);
  });
}

bool wait_for_death(api::SchedulerClient& scheduler, const grammars::JobKey& job,
                    const std::optional<std::vector<int32_t>>& instances) {
  std::optional<std::set<int32_t>> ids;
  if (instances) ids.emplace(instances->begin(), instances->end());
  return JobMonitor(scheduler, to_thrift(job)).wait_until(TaskPredicate::Terminal, ids, true);
}

// --no-batching: one killTasks for everything, then one wait. Returns the exit code.
int kill_at_once(const KillOptions& options, const KillTarget& target, cli::Context& context,
                 api::SchedulerClient& scheduler, const gen::JobConfiguration* config,
                 KillReport& report) {
  const auto response =
      send_kill(context, scheduler, options, config, target.job, target.instances);
  cli::check_response(context, response);
  if (!wait_for_death(scheduler, target.job, target.instances)) {
    const std::string text = "Instances " +
                             (target.instances ? python_int_list(*target.instances) : "None") +
                             " were not killed in time";
    report.not_killed_in_time = report.requested;
    report.error = text;
    context.print_err(text);
    return 9;
  }
  report.killed = report.requested;
  return 0;
}

std::string instance_list_argument(const std::vector<int32_t>& ids) {
  std::string text;
  for (int32_t id : ids) text += (text.empty() ? "" : ",") + std::to_string(id);
  return text;
}

// Ctrl-C or SIGTERM between (or during) batches: the batches sent stay killed, the rest run on;
// say which is which and the command that finishes the job.
void report_stopped_kill(cli::Context& context, const KillTarget& target, const KillReport& report,
                         const std::vector<int32_t>& in_flight, const std::set<int32_t>& remaining) {
  std::vector<int32_t> left(in_flight);
  left.insert(left.end(), remaining.begin(), remaining.end());
  std::vector<int32_t> killed;
  for (const auto& id : report.killed) killed.push_back(id.get<int32_t>());
  context.print_err("Kill of " + target.job.str() + " stopped. Killed: " + python_int_list(killed) +
                    "; asked to kill, not confirmed: " + python_int_list(in_flight) +
                    "; not asked: " + python_int_list(remaining) + ".");
  if (!left.empty()) {
    context.print_err("To finish: aurora job kill " + target.job.str() + "/" +
                      instance_list_argument(left));
  }
}

// The default: batches of --batch-size active instances, each waited for. Returns the exit code,
// or throws Error(CommandFailure) once too many batches failed.
int kill_in_batches(const KillOptions& options, const KillTarget& target, cli::Context& context,
                    api::SchedulerClient& scheduler, const gen::JobConfiguration* config,
                    KillReport& report) {
  const bool json = context.output == cli::OutputFormat::Json;
  const auto active = instance_ids_of(fetch_active_tasks(context, target.job));
  if (active.empty()) {
    // Upstream printed this and then reported success; nothing was killed, so we fail.
    report.error = "No tasks to kill found for job " + target.job.str();
    context.print_err(*report.error);
    return 6;
  }
  auto remaining = instances_to_kill(active, target.instances);
  KillFailureBudget budget(options.max_total_failures);
  interrupt::Cooperative stop_between_batches;
  std::vector<int32_t> batch;
  try {
    while (!remaining.empty()) {
      batch = take_batch(remaining, options.batch_size);
      const auto response = send_kill(context, scheduler, options, config, target.job, batch);
      cli::check_response(context, response,
                          "Kill of instances " + python_int_list(batch) + " failed with error:");
      const bool died = wait_for_death(scheduler, target.job, batch);
      for (int32_t id : batch) (died ? report.killed : report.not_killed_in_time).push_back(id);
      const auto done = std::move(batch);
      batch.clear();
      interrupt::check();
      if (died) {
        if (!json) context.print_out("Successfully killed instances " + python_int_list(done));
        continue;
      }
      context.print_err("Instances " + python_int_list(done) + " were not killed in time");
      if (budget.record_failure()) {
        report.error = "Exceeded maximum number of errors while killing instances";
        return 4;
      }
    }
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Interrupted) throw;
    report_stopped_kill(context, target, report, batch, remaining);
    throw;
  }
  if (budget.failures() > 0) {
    report.error = "Errors occurred while killing instances";
    return 4;
  }
  return 0;
}

}  // namespace

void declare_kill_options(cli::VerbBuilder& verb, KillOptions& options) {
  verb.flag("--open-browser", "Open the job's page in a browser afterwards", options.open_browser)
      .option("--bind", "var=value", kHookConfigBindHelp, options.config.bindings)
      .flag("--read-json", kHookConfigReadJsonHelp, options.config.read_json)
      .option("--config", "pathname", kHookConfigHelp, options.config.path)
      .option("--batch-size", "BATCH_SIZE",
              "Instances killed per batch; each batch is waited for (at least 1)",
              options.batch_size)
      .option("--max-total-failures", "MAX_TOTAL_FAILURES",
              "Batches that may fail to die in time before the kill stops",
              options.max_total_failures)
      .flag("--no-batching", "Kill every instance with a single request, then wait once",
            options.no_batching)
      .option("--message", "MESSAGE", "Message recorded with the kill state transition",
              options.message, "-m");
}

int kill_instances(const KillOptions& options, const KillTarget& target, cli::Context& context) {
  const auto& cluster = context.clusters().get(target.job.cluster);
  auto& scheduler = context.scheduler(cluster);
  const auto hook_config = load_hook_config(context, target.job, options.config, "kill_job");
  const gen::JobConfiguration* config = hook_config ? &hook_config->configuration : nullptr;

  KillReport report;
  report.requested = target.instances ? json_int_list(*target.instances) : ordered_json();
  const int code = options.no_batching
                       ? kill_at_once(options, target, context, scheduler, config, report)
                       : kill_in_batches(options, target, context, scheduler, config, report);
  const bool json = context.output == cli::OutputFormat::Json;
  if (json) print_report(context, target, !options.no_batching, report);
  if (code == 4) throw Error(ErrorKind::CommandFailure, *report.error);
  if (code != 0) return code;

  if (options.open_browser) {
    cli::open_in_browser(clusters::job_page_url(context.display_base_url(cluster), target.job.role,
                                                target.job.env, target.job.name));
  }
  if (!json) context.print_out("Job " + target.verb + " succeeded");
  return 0;
}

}  // namespace aurora::commands::job
