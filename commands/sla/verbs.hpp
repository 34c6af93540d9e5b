#pragma once
// The `sla` noun's verbs, each defined in its own file.

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::sla {

// Adds every verb of this noun to the tree.
void register_verbs(cli::CommandTree& tree);

void add_get_task_up_count(cli::CommandTree& tree);
void add_get_job_uptime(cli::CommandTree& tree);

}  // namespace aurora::commands::sla
