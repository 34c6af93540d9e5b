#include "commands/register_commands.hpp"

#include "commands/config/verbs.hpp"
#include "commands/cron/verbs.hpp"
#include "commands/job/verbs.hpp"
#include "commands/quota/verbs.hpp"
#include "commands/sla/verbs.hpp"
#include "commands/task/verbs.hpp"
#include "commands/update/verbs.hpp"

namespace aurora::commands {

void register_commands(cli::CommandTree& tree) {
  // Nouns appear in help once they have verbs.
  tree.add_noun("job", "Create, inspect, restart and kill jobs");
  tree.add_noun("update", "Start and steer scheduler-driven rolling updates");
  tree.add_noun("task", "Run commands on, ssh into and copy files from running tasks");
  tree.add_noun("cron", "Schedule, start and deschedule cron jobs");
  tree.add_noun("quota", "Show a role's resource quota");
  tree.add_noun("sla", "Show uptime statistics of a job's tasks");
  tree.add_noun("config", "Work with configuration files");

  job::register_verbs(tree);
  update::register_verbs(tree);
  task::register_verbs(tree);
  cron::register_verbs(tree);
  quota::register_verbs(tree);
  sla::register_verbs(tree);
  config::register_verbs(tree);
}

}  // namespace aurora::commands
