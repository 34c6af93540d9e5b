#pragma once
// Declares every noun and verb of the client in one place.

#include "cli/command_tree.hpp"

namespace aurora::commands {

void register_commands(cli::CommandTree& tree);

}  // namespace aurora::commands
