#pragma once
// The `config` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::config {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

void add_list(cli::CommandTree& tree);

}  // namespace aurora::commands::config
