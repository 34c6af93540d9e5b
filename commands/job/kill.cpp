// aurora job kill CLUSTER/ROLE/ENV/NAME/INSTANCES: kill some instances of a job. The usage shows
// [/INSTANCES], as upstream's does, though a kill without instances is refused (exit 6).
#include "commands/job/active_tasks.hpp"
#include "commands/job/job_killer.hpp"
#include "commands/job/option_checks.hpp"
#include "commands/job/verbs.hpp"
#include "errors/error.hpp"
#include "grammars/instance_spec.hpp"

namespace aurora::commands::job {
namespace {

struct KillVerbOptions {
  grammars::InstanceSpec spec;
  KillOptions kill;
};

int run_kill(const KillVerbOptions& options, const cli::CommandTree& tree, cli::Context& context) {
  require_positive_option(context, tree, "job", "kill", "--batch-size", options.kill.batch_size);
  if (!options.spec.instances) {
    throw Error(ErrorKind::InvalidParameter,
                "The instances list cannot be omitted in a kill command!; use killall to kill "
                "all instances");
  }
  warn_if_sla_policy(context, fetch_active_tasks(context, options.spec.job),
                     "WARNING: Killing instances without updating SlaPolicy.");
  if (options.kill.strict) {
    require_active_instances(context, options.spec.job, *options.spec.instances);
  }
  return kill_instances(options.kill, {options.spec.job, options.spec.instances, "kill"}, context);
}

}  // namespace

void add_kill(cli::CommandTree& tree) {
  auto options = std::make_shared<KillVerbOptions>();
  auto verb = tree.add_verb("job", "kill", "Kill some instances of a job", options);
  verb.description(
          "Kill the listed instances of a job. By default they are killed in batches of "
          "--batch-size, each batch waited for (polling every 2 s, doubling up to 150 s, about "
          "4 minutes in all) before the next; --no-batching sends one request and waits once. "
          "Instances that are not active are skipped unless --strict is given. "
          "Unlike upstream, --batch-size below 1 is a usage error (upstream looped forever), and "
          "a batched kill of a job with no active tasks fails with exit 6 (upstream reported "
          "success). -o json prints {\"job\", \"requested\", \"batched\", \"killed\", "
          "\"not_killed_in_time\", \"succeeded\", \"error\"} instead of the stdout lines; a null "
          "list means every instance.")
      .json_output()
      .positional(
          "instance_spec", "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
          "The job and the instances to kill (e.g. 0-2,5)", options->spec,
          [](const std::string& v) { return grammars::InstanceSpec::parse(v); },
          cli::ValueHint::InstanceSpec);
  declare_kill_options(verb, options->kill);
  verb.flag("--strict", "Fail if any listed instance is not active", options->kill.strict)
      .run([options, &tree](cli::Context& context) { return run_kill(*options, tree, context); });
}

}  // namespace aurora::commands::job
