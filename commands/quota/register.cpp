#include "commands/quota/verbs.hpp"

namespace aurora::commands::quota {

void register_verbs(cli::CommandTree& tree) { add_get(tree); }

}  // namespace aurora::commands::quota
