#include "commands/cron/verbs.hpp"

namespace aurora::commands::cron {

void register_verbs(cli::CommandTree&) {}

}  // namespace aurora::commands::cron
