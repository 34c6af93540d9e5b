// aurora sla get-job-uptime CLUSTER/ROLE/ENV/NAME: instance uptime at given percentiles.
#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "commands/job/option_checks.hpp"
#include "commands/sla/live_tasks.hpp"
#include "commands/sla/uptime.hpp"
#include "commands/sla/verbs.hpp"
#include "grammars/duration.hpp"
#include "grammars/grammar_error.hpp"

namespace aurora::commands::sla {
namespace {

struct JobUptimeOptions {
  grammars::JobKey job;
  std::optional<std::string> percentiles;
};

int run_job_uptime(const JobUptimeOptions& options, const cli::CommandTree& tree,
                   cli::Context& context) {
  std::vector<double> percentiles = default_percentiles();
  if (options.percentiles) {
    try {
      percentiles = grammars::parse_percentiles(*options.percentiles);
    } catch (const grammars::GrammarError& e) {
      job::fail_argument(context, tree, "sla", "get-job-uptime", "--percentiles",
                         e.argparse_text());
    }
  }
  std::sort(percentiles.begin(), percentiles.end(), std::greater<>());
  const auto uptimes =
      instance_uptimes(fetch_live_tasks(context, options.job), now_seconds(context));
  if (context.output == cli::OutputFormat::Json) {
    nlohmann::ordered_json doc;
    doc["job"] = options.job.str();
    doc["instances"] = uptimes.size();
    doc["uptimes"] = nlohmann::ordered_json::array();
    for (double percentile : percentiles) {
      const auto value = job_uptime(uptimes, percentile);
      const double seconds =
          std::holds_alternative<int>(value) ? std::get<int>(value) : std::get<double>(value);
      doc["uptimes"].push_back({{"percentile", percentile}, {"seconds", seconds}});
    }
    context.print_out(doc.dump(2));
    return 0;
  }
  for (double percentile : percentiles) {
    context.print_out(job_uptime_line(percentile, job_uptime(uptimes, percentile)));
  }
  return 0;
}

}  // namespace

void add_get_job_uptime(cli::CommandTree& tree) {
  auto options = std::make_shared<JobUptimeOptions>();
  tree.add_verb("sla", "get-job-uptime",
                "Show how long a job's instances have been up, by "
                "percentile",
                options)
      .description(
          "For each percentile (default 99,95,90,85,75,60,50,30,10), highest first, print the "
          "uptime that share of the job's live instances exceeds, e.g. \"99.0 percentile\\t- "
          "3600.0 seconds\" (\"0 seconds\" when there are too few instances). -o json prints "
          "{\"job\", \"instances\", \"uptimes\": [{\"percentile\", \"seconds\"}]}.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The job", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .option("--percentiles", "PERCENTILES",
              "Comma-separated percentiles strictly between 0 and 100, e.g. 99.9,50",
              options->percentiles)
      .run([options, &tree](cli::Context& context) {
        return run_job_uptime(*options, tree, context);
      });
}

}  // namespace aurora::commands::sla
