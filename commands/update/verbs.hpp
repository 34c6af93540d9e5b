#pragma once
// The `update` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::update {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

}  // namespace aurora::commands::update
