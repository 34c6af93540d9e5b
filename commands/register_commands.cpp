#include "commands/register_commands.hpp"

#include "commands/job/verbs.hpp"
#include "commands/quota/verbs.hpp"

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

  job::add_list(tree);
  job::add_open(tree);
  job::add_status(tree);
  quota::add_get(tree);
}

}  // namespace aurora::commands
