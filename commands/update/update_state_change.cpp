// The shared body of the verbs that move an update to another state.
#include "commands/update/update_state_change.hpp"

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/update/update_lookup.hpp"

namespace aurora::commands::update {

std::optional<gen::JobUpdateKey> change_active_update(cli::Context& context,
                                                      const StateChangeOptions& options,
                                                      const StateChange& change) {
  const auto key = find_active_update(context, options.job);
  if (!key) {
    context.print_err("No active update found for this job.");
    return std::nullopt;
  }
  auto& scheduler = context.scheduler(context.clusters().get(options.job.cluster));
  const auto response = (scheduler.*change.rpc)(*key, options.message.value_or(""));
  cli::check_response(context, response, change.error_heading, ErrorKind::Api);
  context.print_out(change.success);
  return key;
}

void add_state_change_arguments(cli::VerbBuilder& verb, StateChangeOptions& options) {
  verb.positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The job whose active update to change", options.job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .option("--message", "MESSAGE", "A note recorded with the state change", options.message,
              "-m");
}

void add_state_change_verb(cli::CommandTree& tree, std::string name, std::string summary,
                           std::string description, StateChange change) {
  auto options = std::make_shared<StateChangeOptions>();
  auto verb = tree.add_verb("update", std::move(name), std::move(summary), options);
  verb.description(std::move(description));
  add_state_change_arguments(verb, *options);
  verb.run([options, change = std::move(change)](cli::Context& context) {
    return change_active_update(context, *options, change) ? 0 : 6;
  });
}

}  // namespace aurora::commands::update
