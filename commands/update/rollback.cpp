// aurora update rollback CLUSTER/ROLE/ENV/NAME [--wait]: undo the job's active update.
#include "api/scheduler_client.hpp"
#include "commands/update/update_state_change.hpp"
#include "commands/update/update_waiter.hpp"
#include "commands/update/verbs.hpp"
#include "commands/update/wait_options.hpp"

namespace aurora::commands::update {
namespace {

struct RollbackOptions {
  StateChangeOptions change;
  bool wait = false;
  WaitTimingText timing;
  const cli::VerbSpec* verb = nullptr;
};

int run_rollback(const RollbackOptions& options, cli::Context& context) {
  const bool wait = options.wait || options.timing.timeout || options.timing.interval;
  // Bad durations fail before anything changes on the scheduler.
  const WaitSettings settings =
      wait ? wait_settings_from(context, *options.verb, options.timing) : WaitSettings{};
  const auto key = change_active_update(
      context, options.change,
      {&api::SchedulerClient::rollbackJobUpdate,
       "Failed to rollback update due to error:", "Update rollback has started."});
  if (!key) return 6;
  if (!wait) return 0;
  return wait_for_update(context, options.change.job, *key, settings, WaitGoal::RollBack);
}

}  // namespace

void add_rollback(cli::CommandTree& tree) {
  auto options = std::make_shared<RollbackOptions>();
  auto verb = tree.add_verb("update", "rollback", "Roll the job's active update back", options);
  verb.description(
      "Roll the job's active update back: instances already updated return to their previous "
      "configuration. With --wait, watch until the rollback ends: exit 0 once rolled back, 4 if "
      "the update rolled forward instead, 20 if it was aborted or failed, 9 when --timeout "
      "passes first (the rollback keeps going). --timeout or --interval imply --wait.");
  add_state_change_arguments(verb, options->change);
  verb.flag("--wait", "Wait until the rollback has finished", options->wait);
  add_wait_timing_options(verb, options->timing);
  verb.run([options](cli::Context& context) { return run_rollback(*options, context); });
  options->verb = tree.find_verb("update", "rollback");
}

}  // namespace aurora::commands::update
