// aurora update start CLUSTER/ROLE/ENV/NAME[/INSTANCES] CONFIG: a scheduler-driven rolling update.
#include <random>

#include "api/scheduler_client.hpp"
#include "cli/browser.hpp"
#include "cli/response.hpp"
#include "commands/api_hooks.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/job_config_loading.hpp"
#include "commands/scheduler_terms.hpp"
#include "commands/update/update_waiter.hpp"
#include "commands/update/verbs.hpp"
#include "commands/update/wait_options.hpp"
#include "commands/update_diff_summary.hpp"
#include "grammars/instance_spec.hpp"

namespace aurora::commands::update {
namespace {

// The metadata key upstream stores its client-side update id under; a retried startJobUpdate
// that finds its own id on the active update knows the first attempt landed.
constexpr const char* kUpdateIdKey = "org.apache.aurora.client.update_id";

struct StartOptions {
  grammars::InstanceSpec spec;
  ConfigArguments config;
  std::optional<std::string> message;
  bool open_browser = false;
  bool wait = false;
  bool strict = false;                  // accepted for compatibility; upstream ignores it
  int healthcheck_interval_seconds = 3;  // likewise
  WaitTimingText timing;
  const cli::VerbSpec* verb = nullptr;
};

std::string random_uuid() {
  std::random_device device;
  std::mt19937_64 generator((static_cast<uint64_t>(device()) << 32) ^ device());
  uint64_t high = generator(), low = generator();
  high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;    // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx",
                static_cast<unsigned>(high >> 32), static_cast<unsigned>((high >> 16) & 0xffff),
                static_cast<unsigned>(high & 0xffff), static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return text;
}

bool is_our_update(const gen::Response& response, const std::string& update_id) {
  if (response.responseCode != gen::ResponseCode::INVALID_REQUEST) return false;
  const auto& metadata = response.result.startJobUpdateResult.updateSummary.metadata;
  int ours = 0;
  bool matches = false;
  for (const auto& entry : metadata) {
    if (entry.key != kUpdateIdKey) continue;
    ++ours;
    matches = entry.value == update_id;
  }
  return ours == 1 && matches;
}

int run_start(const StartOptions& options, cli::Context& context) {
  const WaitSettings settings = options.wait || options.timing.timeout || options.timing.interval
                                    ? wait_settings_from(context, *options.verb, options.timing)
                                    : WaitSettings{};
  const std::string update_id = random_uuid();
  const grammars::JobKey& key = options.spec.job;
  const PreparedJob job = prepare_job(context, key, options.config);
  if (job.configuration.__isset.cronSchedule && !job.configuration.cronSchedule.empty()) {
    context.print_err("Cron jobs may only be updated with \"aurora cron schedule\" command");
    return 4;
  }
  // Before the diff is printed and the update started, not at the startJobUpdate call.
  refuse_config_hooks(context, job.loaded, "start_job_update");
  const auto& cluster = context.clusters().get(key.cluster);
  auto& scheduler = context.scheduler(cluster);

  gen::JobUpdateRequest request;
  request.__set_taskConfig(job.configuration.taskConfig);
  request.__set_instanceCount(job.configuration.instanceCount);
  request.__set_settings(aurora::config::to_update_settings(job.loaded, options.spec.instances));

  const auto diff = scheduler.getJobUpdateDiff(request);
  cli::check_response(context, diff, "Error getting diff info from scheduler",
                      ErrorKind::CommandFailure);
  for (const auto& line : update_diff_summary(diff.result.getJobUpdateDiffResult)) {
    context.print_out(line);
  }

  gen::Metadata id;
  id.__set_key(kUpdateIdKey);
  id.__set_value(update_id);
  request.__set_metadata({id});
  context.log().info("Starting update for: " + key.name);
  const ApiHookCall hook_call{
      .api = "start_job_update",
      .job = key,
      .instances = options.spec.instances,
      .config = &job.configuration,
      .arguments = {{"message", options.message ? nlohmann::ordered_json(*options.message)
                                                : nlohmann::ordered_json()}}};
  const auto response = call_with_api_hooks(context, hook_call, [&] {
    auto answer = scheduler.startJobUpdate(request, options.message.value_or(""));
    if (is_our_update(answer, update_id)) {
      // A retry found the update its first attempt started: that is success, not a conflict.
      answer.responseCode = gen::ResponseCode::OK;
    }
    return answer;
  });
  cli::check_response(context, response, "Failed to start update due to error:");
  if (!response.__isset.result || !response.result.__isset.startJobUpdateResult) {
    // The job is unchanged by the proposed update: a success with nothing to watch.
    const std::string messages = api::combine_messages(response);
    context.print_out(messages.empty() ? "Noop update." : messages);
    return 0;
  }
  const auto& update_key = response.result.startJobUpdateResult.key;
  const std::string url = clusters::update_page_url(context.display_base_url(cluster), key.role,
                                                    key.env, key.name, update_key.id);
  context.print_out("Job update has started. View your update progress at " + url);
  if (response.result.startJobUpdateResult.updateSummary.__isset.state) {
    const auto status = response.result.startJobUpdateResult.updateSummary.state.status;
    if (status == gen::JobUpdateStatus::ROLL_FORWARD_AWAITING_PULSE) {
      context.log().info("The update is coordinated: it waits for pulses (aurora update pulse " +
                         key.str() + ")");
    }
  }
  if (options.open_browser) cli::open_in_browser(url);
  if (options.wait || options.timing.timeout || options.timing.interval) {
    return wait_for_update(context, key, update_key, settings, WaitGoal::RollForward);
  }
  return 0;
}

}  // namespace

void add_start(cli::CommandTree& tree) {
  auto options = std::make_shared<StartOptions>();
  cli::VerbBuilder verb = tree.add_verb("update", "start", "Start a rolling update of a job to a new config",
                            options);
  verb.description(
      "Print what the update will change (instances added, removed, updated, unchanged), then "
      "ask the scheduler to roll the job (or only the listed instances) to CONFIG, batch by batch "
      "as its update_config says. A job that the new config does not change is reported as a "
      "successful no-op. With --wait, watch it to the end: exit 0 rolled forward, 4 rolled "
      "back, 20 aborted or failed, 9 when --timeout passes first (the update keeps going).");
  verb.positional("instance_spec", "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
                  "The job, and optionally the instances to update", options->spec,
                  [](const std::string& v) { return grammars::InstanceSpec::parse(v); },
                  cli::ValueHint::InstanceSpec);
  config_arguments(verb, options->config, "The .aurora file with the new configuration")
      .option("--message", "MESSAGE", "A message recorded with the update", options->message, "-m")
      .flag("--open-browser", "Open the update's page in a browser", options->open_browser)
      .flag("--strict", "Accepted for compatibility; has no effect", options->strict)
      .option("--healthcheck-interval-seconds", "INT", "Accepted for compatibility; has no effect",
              options->healthcheck_interval_seconds)
      .flag("--wait", "Wait until the update has finished", options->wait);
  add_wait_timing_options(verb, options->timing);
  verb.run([options](cli::Context& context) { return run_start(*options, context); });
  options->verb = tree.find_verb("update", "start");
}

}  // namespace aurora::commands::update
