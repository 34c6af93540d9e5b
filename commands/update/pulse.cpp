// aurora update pulse CLUSTER/ROLE/ENV/NAME [ID]: keep a coordinated update (one started with a
// pulse interval) moving; upstream's client had no way to send pulses.
#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/update/update_lookup.hpp"
#include "commands/update/verbs.hpp"

namespace aurora::commands::update {
namespace {

struct PulseOptions {
  grammars::JobKey job;
  std::optional<std::string> id;
};

int run_pulse(const PulseOptions& options, cli::Context& context) {
  const auto found = named_or_active_update(context, options.job, options.id,
                                            "No active update found for this job.");
  if (!found) return 6;
  const gen::JobUpdateKey& key = *found;
  const auto response =
      context.scheduler(context.clusters().get(options.job.cluster)).pulseJobUpdate(key);
  cli::check_response(context, response, "Failed to pulse update due to error:", ErrorKind::Api);
  if (response.result.pulseJobUpdateResult.status == gen::JobUpdatePulseStatus::FINISHED) {
    // A pulser loop should stop here: there is nothing left to unblock.
    context.print_err("Update " + key.id + " is no longer active; the pulse had no effect.");
    return 4;
  }
  context.print_out("Update has been pulsed.");
  return 0;
}

}  // namespace

void add_pulse(cli::CommandTree& tree) {
  auto options = std::make_shared<PulseOptions>();
  tree.add_verb("update", "pulse", "Send a pulse to a coordinated update", options)
      .description(
          "Tell the scheduler that a coordinated update (one whose update_config sets "
          "pulse_interval_secs) may go on. Without pulses it blocks in an AWAITING_PULSE state. "
          "Without ID, pulse the job's active update. Exit 4 when the update has already ended, "
          "so a pulsing loop knows to stop.")
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The job the update belongs to", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .optional_positional("id", "ID", "The update's id (default: the active update)", options->id)
      .run([options](cli::Context& context) { return run_pulse(*options, context); });
}

}  // namespace aurora::commands::update
