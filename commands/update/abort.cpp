// aurora update abort CLUSTER/ROLE/ENV/NAME: stop the job's active update for good.
#include "api/scheduler_client.hpp"
#include "commands/update/update_state_change.hpp"
#include "commands/update/verbs.hpp"

namespace aurora::commands::update {

void add_abort(cli::CommandTree& tree) {
  add_state_change_verb(
      tree, "abort", "Abort the job's active update",
      "Abort the job's active update. Instances keep whatever configuration they have at that "
      "moment, old or new; nothing is rolled back.",
      {&api::SchedulerClient::abortJobUpdate,
       "Failed to abort update due to error:", "Update has been aborted."});
}

}  // namespace aurora::commands::update
