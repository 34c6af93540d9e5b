#pragma once
// The `cron` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::cron {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

void add_deschedule(cli::CommandTree& tree);
void add_show(cli::CommandTree& tree);
void add_start(cli::CommandTree& tree);
void add_schedule(cli::CommandTree& tree);

}  // namespace aurora::commands::cron
