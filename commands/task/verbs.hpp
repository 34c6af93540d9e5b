#pragma once
// The `task` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::task {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

}  // namespace aurora::commands::task
