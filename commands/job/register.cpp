#include "commands/job/verbs.hpp"

namespace aurora::commands::job {

void register_verbs(cli::CommandTree& tree) {
  add_list(tree);
  add_open(tree);
  add_status(tree);
}

}  // namespace aurora::commands::job
