#pragma once
// The `task` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::task {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

void add_run(cli::CommandTree& tree);
void add_ssh(cli::CommandTree& tree);
void add_scp(cli::CommandTree& tree);

// The threat-model paragraph shared by the verbs' long descriptions (and so their man pages).
extern const char* const kThreatModel;

}  // namespace aurora::commands::task
