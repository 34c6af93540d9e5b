#pragma once
// The `quota` noun's verbs.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::quota {

void add_get(cli::CommandTree& tree);

}  // namespace aurora::commands::quota
