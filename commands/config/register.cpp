#include "commands/config/verbs.hpp"

namespace aurora::commands::config {

void register_verbs(cli::CommandTree& tree) { add_list(tree); }

}  // namespace aurora::commands::config
