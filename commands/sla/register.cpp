#include "commands/sla/verbs.hpp"

namespace aurora::commands::sla {

void register_verbs(cli::CommandTree&) {}

}  // namespace aurora::commands::sla
