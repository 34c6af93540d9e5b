#pragma once
// The `quota` noun's verbs.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::quota {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

void add_get(cli::CommandTree& tree);

}  // namespace aurora::commands::quota
