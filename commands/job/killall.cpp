// aurora job killall CLUSTER/ROLE/ENV/NAME: kill every instance of a job.
#include "commands/job/job_killer.hpp"
#include "commands/job/option_checks.hpp"
#include "commands/job/verbs.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::job {
namespace {

struct KillAllVerbOptions {
  grammars::JobKey job;
  KillOptions kill;
};

}  // namespace

void add_killall(cli::CommandTree& tree) {
  auto options = std::make_shared<KillAllVerbOptions>();
  auto verb = tree.add_verb("job", "killall", "Kill every instance of a job", options);
  verb.description(
          "Kill all instances of a job, in batches of --batch-size active instances (each "
          "waited for before the next) or, with --no-batching, with one request. Unlike "
          "upstream, --batch-size below 1 is a usage error, and a batched killall of a job with "
          "no active tasks fails with exit 6 instead of reporting success. -o json prints the "
          "same document as job kill.")
      .json_output()
      .positional(
          "jobspec", "CLUSTER/ROLE/ENV/NAME", "The job to kill", options->job,
          [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey);
  declare_kill_options(verb, options->kill);
  verb.run([options, &tree](cli::Context& context) {
    require_positive_option(context, tree, "job", "killall", "--batch-size",
                            options->kill.batch_size);
    return kill_instances(options->kill, {options->job, std::nullopt, "killall"}, context);
  });
}

}  // namespace aurora::commands::job
