#include "commands/cron/verbs.hpp"

namespace aurora::commands::cron {

void register_verbs(cli::CommandTree& tree) {
  add_schedule(tree);
  add_start(tree);
  add_show(tree);
  add_deschedule(tree);
}

}  // namespace aurora::commands::cron
