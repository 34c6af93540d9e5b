// Wires the update verbs into the command tree.
#include "commands/update/verbs.hpp"

namespace aurora::commands::update {

// Upstream lists the verbs in this order (CPython dict order); pulse is ours.
void register_verbs(cli::CommandTree& tree) {
  add_info(tree);
  add_pause(tree);
  add_rollback(tree);
  add_resume(tree);
  add_list(tree);
  add_start(tree);
  add_abort(tree);
  add_wait(tree);
  add_pulse(tree);
}

}  // namespace aurora::commands::update
