#include "commands/config/verbs.hpp"

namespace aurora::commands::config {

void register_verbs(cli::CommandTree&) {}

}  // namespace aurora::commands::config
