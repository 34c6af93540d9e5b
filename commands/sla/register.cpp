#include "commands/sla/verbs.hpp"

namespace aurora::commands::sla {

void register_verbs(cli::CommandTree& tree) {
  add_get_task_up_count(tree);
  add_get_job_uptime(tree);
}

}  // namespace aurora::commands::sla
