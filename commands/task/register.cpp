#include "commands/task/verbs.hpp"

namespace aurora::commands::task {

void register_verbs(cli::CommandTree&) {}

}  // namespace aurora::commands::task
