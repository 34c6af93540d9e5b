#pragma once
// The `update` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::update {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

void add_info(cli::CommandTree& tree);
void add_pause(cli::CommandTree& tree);
void add_rollback(cli::CommandTree& tree);
void add_resume(cli::CommandTree& tree);
void add_list(cli::CommandTree& tree);
void add_start(cli::CommandTree& tree);
void add_abort(cli::CommandTree& tree);
void add_wait(cli::CommandTree& tree);
void add_pulse(cli::CommandTree& tree);

}  // namespace aurora::commands::update
