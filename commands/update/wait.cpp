// aurora update wait CLUSTER/ROLE/ENV/NAME [ID]: block until an update ends; the exit code says
// how.
#include "commands/update/update_lookup.hpp"
#include "commands/update/update_waiter.hpp"
#include "commands/update/verbs.hpp"
#include "commands/update/wait_options.hpp"

namespace aurora::commands::update {
namespace {

struct WaitOptions {
  grammars::JobKey job;
  std::optional<std::string> id;
  WaitTimingText timing;
  const cli::VerbSpec* verb = nullptr;
};

int run_wait(const WaitOptions& options, cli::Context& context) {
  const WaitSettings settings = wait_settings_from(context, *options.verb, options.timing);
  // Without an id upstream sends a key with no id, which names no update; the active one is meant.
  const auto found = named_or_active_update(context, options.job, options.id,
                                            "No active update found for this job.");
  if (!found) return 6;
  const gen::JobUpdateKey& key = *found;
  return wait_for_update(context, options.job, key, settings, WaitGoal::RollForward);
}

}  // namespace

void add_wait(cli::CommandTree& tree) {
  auto options = std::make_shared<WaitOptions>();
  auto verb = tree.add_verb("update", "wait", "Wait for an update to finish", options);
  verb.description(
      "Watch an update until it ends, printing each state it passes through. Without ID, "
      "watch the job's active update. Exit 0 when it rolled forward, 4 when it rolled back, 20 "
      "when it was aborted or failed, 9 when --timeout passes first; the update keeps running "
      "after a timeout or Ctrl-C.");
  verb.positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The job the update belongs to", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .optional_positional("id", "ID", "The update's id (default: the active update)", options->id);
  add_wait_timing_options(verb, options->timing);
  verb.run([options](cli::Context& context) { return run_wait(*options, context); });
  options->verb = tree.find_verb("update", "wait");
}

}  // namespace aurora::commands::update
