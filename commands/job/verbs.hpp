#pragma once
// The `job` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::job {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

void add_create(cli::CommandTree& tree);
void add_list(cli::CommandTree& tree);
void add_open(cli::CommandTree& tree);
void add_status(cli::CommandTree& tree);
void add_kill(cli::CommandTree& tree);
void add_killall(cli::CommandTree& tree);
void add_restart(cli::CommandTree& tree);
void add_add(cli::CommandTree& tree);
void add_inspect(cli::CommandTree& tree);
void add_diff(cli::CommandTree& tree);

}  // namespace aurora::commands::job
