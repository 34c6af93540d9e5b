// aurora job list CLUSTER[/ROLE[/ENV[/NAME]]]: the jobs matching a possibly wildcarded key.
#include <nlohmann/json.hpp>

#include "commands/job/verbs.hpp"
#include "commands/job_matching.hpp"

namespace aurora::commands::job {

struct ListOptions {
  grammars::WildcardJobKey key;
};

static int run_list(const ListOptions& options, cli::Context& context) {
  const auto jobs = jobs_matching(context, options.key);
  if (context.output == cli::OutputFormat::Json) {
    nlohmann::json keys = nlohmann::json::array();
    for (const auto& job : jobs) keys.push_back(job.str());
    context.print_out(keys.dump(2));
    return 0;
  }
  for (const auto& job : jobs) context.print_out(job.str());
  return 0;
}

void add_list(cli::CommandTree& tree) {
  auto options = std::make_shared<ListOptions>();
  tree.add_verb("job", "list", "List the jobs matching a key that may hold wildcards", options)
      .description(
          "List the jobs matching CLUSTER[/ROLE[/ENV[/NAME]]]; missing parts and parts with shell "
          "wildcards (*, ?, [seq]) match any value, and a cluster of * means every cluster. A key "
          "without wildcards is printed without asking the scheduler.")
      .json_output()
      .positional("jobspec", "cluster[/role[/env[/name]]]", "The key to match", options->key,
                  [](const std::string& v) { return grammars::WildcardJobKey::parse(v); },
                  cli::ValueHint::WildcardKey)
      .run([options](cli::Context& context) { return run_list(*options, context); });
}

}  // namespace aurora::commands::job
