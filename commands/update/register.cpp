#include "commands/update/verbs.hpp"

namespace aurora::commands::update {

void register_verbs(cli::CommandTree&) {}

}  // namespace aurora::commands::update
