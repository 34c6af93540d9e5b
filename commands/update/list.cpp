// aurora update list CLUSTER[/ROLE[/ENV[/JOB]]]: summaries of the updates matching a filter.
#include <stdexcept>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "cli/usage_error.hpp"
#include "commands/update/update_list_table.hpp"
#include "commands/update/update_status_groups.hpp"
#include "commands/update/verbs.hpp"
#include "grammars/grammar_error.hpp"
#include "grammars/wildcard_key.hpp"

namespace aurora::commands::update {
namespace {

struct ListOptions {
  grammars::UpdateFilter filter;
  std::vector<std::string> statuses;
  std::optional<std::string> user;
  bool write_json = false;
  const cli::VerbSpec* verb = nullptr;
};

std::string choices_text() {
  std::string text;
  for (const auto& choice : status_filter_choices()) {
    text += (text.empty() ? "" : ", ") + grammars::python_str_repr(choice);
  }
  return text;
}

std::string choices_metavar() {
  std::string text;
  for (const auto& choice : status_filter_choices()) text += (text.empty() ? "" : ",") + choice;
  return "{" + text + "}";
}

gen::JobUpdateQuery build_query(const ListOptions& options,
                                const std::set<gen::JobUpdateStatus::type>& statuses) {
  const auto& filter = options.filter;
  gen::JobUpdateQuery query;
  if (filter.role && filter.env && filter.name) {
    gen::JobKey job;
    job.__set_role(*filter.role);
    job.__set_environment(*filter.env);
    job.__set_name(*filter.name);
    query.__set_jobKey(job);
  } else if (filter.role) {
    query.__set_role(*filter.role);
  }
  if (!statuses.empty()) query.__set_updateStatuses(statuses);
  if (options.user) query.__set_user(*options.user);
  return query;
}

int run_list(const ListOptions& options, cli::Context& context) {
  std::set<gen::JobUpdateStatus::type> statuses;
  try {
    statuses = statuses_for_filters(options.statuses);
  } catch (const std::invalid_argument& bad) {
    cli::fail_argument(context, *options.verb, "--status",
                  "invalid choice: " + grammars::python_str_repr(bad.what()) + " (choose from " +
                      choices_text() + ")");
  }
  const auto& filter = options.filter;
  const auto query = build_query(options, statuses);
  const auto response =
      context.scheduler(context.clusters().get(filter.cluster)).getJobUpdateSummaries(query);
  cli::check_response(context, response);

  // The scheduler cannot filter by environment alone, so that filter is applied here.
  std::vector<gen::JobUpdateSummary> summaries;
  for (const auto& summary : response.result.getJobUpdateSummariesResult.updateSummaries) {
    if (!query.__isset.jobKey && filter.env && summary.key.job.environment != *filter.env) {
      continue;
    }
    summaries.push_back(summary);
  }

  if (options.write_json || context.output == cli::OutputFormat::Json) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const auto& summary : summaries) {
      entries.push_back(update_list_entry(filter.cluster, summary));
    }
    context.print_out(entries.dump(2, ' ', true));
    return 0;
  }
  if (summaries.empty()) return 0;
  context.print_out(update_list_header());
  for (const auto& summary : summaries) {
    context.print_out(update_list_row(filter.cluster, summary));
  }
  return 0;
}

}  // namespace

void add_list(cli::CommandTree& tree) {
  auto options = std::make_shared<ListOptions>();
  tree.add_verb("update", "list", "List the updates of a cluster, role, environment or job",
                options)
      .description(
          "List update summaries on CLUSTER, narrowed to a role, an environment of that role, "
          "or one job. --status filters by state name or by group (active, paused, blocked, "
          "failed, succeeded, inactive, all) and may be repeated; --user keeps the updates a "
          "user started.")
      .json_output()
      .positional("filter", "CLUSTER[/ROLE[/ENV[/JOB]]]", "Where to look for updates",
                  options->filter,
                  [](const std::string& v) { return grammars::UpdateFilter::parse(v); })
      .option("--status", choices_metavar(),
              "Keep updates in this state or group of states; repeat to keep several",
              options->statuses)
      .option("--user", "username", "Keep updates started by this user", options->user)
      .flag("--write-json", "Print the summaries as JSON, as upstream did", options->write_json)
      .run([options](cli::Context& context) { return run_list(*options, context); });
  options->verb = tree.find_verb("update", "list");
}

}  // namespace aurora::commands::update
