#pragma once
// A verb shaped like `job kill`, registered only by these tests, to exercise the framework.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_tree.hpp"
#include "grammars/instance_spec.hpp"

struct KillLikeOptions {
  aurora::grammars::InstanceSpec spec;
  std::vector<std::string> bindings;
  int batch_size = 1;
  int max_total_failures = 0;
  int max_per_instance_failures = 0;
  bool no_batching = false;
  std::optional<std::string> message;
  std::string wait_until = "PENDING";
  std::optional<std::string> ssh_options;
};

inline std::shared_ptr<KillLikeOptions> add_kill_like(aurora::cli::CommandTree& tree,
                                                      std::function<int(aurora::cli::Context&)> run) {
  using aurora::grammars::InstanceSpec;
  auto o = std::make_shared<KillLikeOptions>();
  tree.add_noun("job", "Work with jobs");
  tree.add_noun("empty", "A noun without verbs is hidden");
  tree.add_verb("job", "kill", "Kill instances", o)
      .json_output()
      .positional("instance_spec", "CLUSTER/ROLE/ENV/NAME[/INSTANCES]", "The instances", o->spec,
                  [](const std::string& v) { return InstanceSpec::parse(v); })
      .option("--bind", "pystachio-binding", "Bind a variable", o->bindings)
      .option("--batch-size", "INT", "Instances per batch", o->batch_size)
      .option("--max-total-failures", "INT", "Failure budget", o->max_total_failures)
      .option("--max-per-instance-failures", "INT", "Per instance", o->max_per_instance_failures)
      .flag("--no-batching", "All at once", o->no_batching)
      .option("--message", "MESSAGE", "Audit message", o->message, "-m")
      .option("--ssh-options", "OPTIONS", "Extra ssh words", o->ssh_options)
      .choice("--wait-until", {"PENDING", "RUNNING", "FINISHED"}, "Wait", o->wait_until)
      .run(std::move(run));
  return o;
}
