#include "commands/job/verbs.hpp"

namespace aurora::commands::job {

void register_verbs(cli::CommandTree& tree) {
  add_create(tree);
  add_list(tree);
  add_open(tree);
  add_status(tree);
  add_kill(tree);
  add_killall(tree);
  add_restart(tree);
  add_add(tree);
  add_inspect(tree);
  add_diff(tree);
}

}  // namespace aurora::commands::job
