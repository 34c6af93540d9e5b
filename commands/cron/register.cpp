#include "commands/cron/verbs.hpp"

namespace aurora::commands::cron {

// `cron schedule` needs configuration files and comes with them.
void register_verbs(cli::CommandTree& tree) {
  add_start(tree);
  add_show(tree);
  add_deschedule(tree);
}

}  // namespace aurora::commands::cron
