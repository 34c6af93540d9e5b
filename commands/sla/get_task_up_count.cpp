// aurora sla get-task-up-count CLUSTER/ROLE/ENV/NAME: share of instances up for given durations.
#include <nlohmann/json.hpp>

#include "commands/job/option_checks.hpp"
#include "commands/sla/live_tasks.hpp"
#include "commands/sla/uptime.hpp"
#include "commands/sla/verbs.hpp"
#include "grammars/duration.hpp"
#include "grammars/grammar_error.hpp"

namespace aurora::commands::sla {
namespace {

struct TaskUpCountOptions {
  grammars::JobKey job;
  std::optional<std::string> durations;
};

int run_task_up_count(const TaskUpCountOptions& options, const cli::CommandTree& tree,
                      cli::Context& context) {
  std::vector<int64_t> durations = default_durations();
  if (options.durations) {
    try {
      durations = grammars::parse_duration_list(*options.durations);
    } catch (const grammars::GrammarError& e) {
      job::fail_argument(context, tree, "sla", "get-task-up-count", "--durations",
                         e.argparse_text());
    }
  }
  const auto uptimes =
      instance_uptimes(fetch_live_tasks(context, options.job), now_seconds(context));
  if (context.output == cli::OutputFormat::Json) {
    nlohmann::ordered_json doc;
    doc["job"] = options.job.str();
    doc["instances"] = uptimes.size();
    doc["up_counts"] = nlohmann::ordered_json::array();
    for (int64_t duration : durations) {
      doc["up_counts"].push_back({{"duration_seconds", duration},
                                  {"duration", grammars::format_duration(duration)},
                                  {"percentage", task_up_count(uptimes, duration)}});
    }
    context.print_out(doc.dump(2));
    return 0;
  }
  for (int64_t duration : durations) {
    context.print_out(task_up_count_line(duration, task_up_count(uptimes, duration)));
  }
  return 0;
}

}  // namespace

void add_get_task_up_count(cli::CommandTree& tree) {
  auto options = std::make_shared<TaskUpCountOptions>();
  tree.add_verb("sla", "get-task-up-count",
                "Show what share of a job's instances has been up for given durations", options)
      .description(
          "For each duration (default 1m,10m,1h,12h,7d) print the percentage of the job's live "
          "instances that have been RUNNING at least that long, e.g. \"1 mins\\t- 100.00 %\". "
          "-o json prints {\"job\", \"instances\", \"up_counts\": [{\"duration_seconds\", "
          "\"duration\", \"percentage\"}]}.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The job", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .option("--durations", "DURATIONS",
              "Comma-separated durations written XdYhZmWs, e.g. 30m,1h,2d6h", options->durations)
      .run([options, &tree](cli::Context& context) {
        return run_task_up_count(*options, tree, context);
      });
}

}  // namespace aurora::commands::sla
