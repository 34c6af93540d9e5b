// aurora update info CLUSTER/ROLE/ENV/NAME [ID]: one update in detail, with its events.
#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/update/update_info_render.hpp"
#include "commands/update/update_lookup.hpp"
#include "commands/update/update_repr.hpp"
#include "commands/update/verbs.hpp"

namespace aurora::commands::update {
namespace {

struct InfoOptions {
  grammars::JobKey job;
  std::optional<std::string> id;
  bool write_json = false;
};

int run_info(const InfoOptions& options, cli::Context& context) {
  const auto found = named_or_active_update(context, options.job, options.id,
                                            "There is no active update for this job.");
  if (!found) return 6;
  const gen::JobUpdateKey& key = *found;
  // An id typed by the user prints as '...' in Python's repr; one read from the scheduler as
  // u'...'.
  const StringOrigin origin = options.id ? StringOrigin::CommandLine : StringOrigin::Wire;
  gen::JobUpdateQuery query;
  query.__set_key(key);
  const auto response =
      context.scheduler(context.clusters().get(options.job.cluster)).getJobUpdateDetails(query);
  cli::check_response(context, response);
  const auto& result = response.result.getJobUpdateDetailsResult;
  const gen::JobUpdateDetails* details = &result.details;
  if (result.__isset.detailsList) {
    if (result.detailsList.empty()) {
      context.print_err("There is no update for key: " + python_repr(key, origin));
      return 6;
    }
    details = &result.detailsList.front();
  }
  if (options.write_json || context.output == cli::OutputFormat::Json) {
    context.print_out(update_info_json(options.job.str(), *details).dump(2, ' ', true));
  } else {
    context.print_out(update_info_text(options.job.str(), *details));
  }
  return 0;
}

}  // namespace

void add_info(cli::CommandTree& tree) {
  auto options = std::make_shared<InfoOptions>();
  tree.add_verb("update", "info", "Show an update in detail", options)
      .description(
          "Show one update of a job: its state, when it started and last changed, the state "
          "changes with their messages, what happened to each instance, and its metadata. "
          "Without ID, show the job's active update.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The job the update belongs to", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .optional_positional("id", "ID", "The update's id (default: the active update)", options->id)
      .flag("--write-json", "Print the update as JSON, as upstream did", options->write_json)
      .run([options](cli::Context& context) { return run_info(*options, context); });
}

}  // namespace aurora::commands::update
