#pragma once
// What `job kill` and `job killall` share: their options and the kill itself (one RPC, or
// batches that each wait for their tasks to die), with upstream's messages.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_tree.hpp"
#include "cli/context.hpp"
#include "commands/hook_config.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::job {

struct KillOptions {
  bool open_browser = false;
  HookConfigArguments config;  // --config, --bind, --read-json: for hooks only
  int batch_size = 1;
  int max_total_failures = 0;
  bool no_batching = false;
  std::optional<std::string> message;
  bool strict = false;  // kill only
};

// Declares the options kill and killall have in common (not --strict).
void declare_kill_options(cli::VerbBuilder& verb, KillOptions& options);

struct KillTarget {
  grammars::JobKey job;
  std::optional<std::vector<int32_t>> instances;  // nullopt: killall
  std::string verb;                               // "kill" or "killall", for the success line
};

// Runs the kill after the verb's own checks; returns the exit code, or throws aurora::Error.
int kill_instances(const KillOptions& options, const KillTarget& target, cli::Context& context);

}  // namespace aurora::commands::job
