// aurora update pause CLUSTER/ROLE/ENV/NAME: hold the job's active update where it is.
#include "api/scheduler_client.hpp"
#include "commands/update/update_state_change.hpp"
#include "commands/update/verbs.hpp"

namespace aurora::commands::update {

void add_pause(cli::CommandTree& tree) {
  add_state_change_verb(
      tree, "pause", "Pause the job's active update",
      "Pause the job's active update: instances already updated stay as they are and no new "
      "batch starts until 'aurora update resume'.",
      {&api::SchedulerClient::pauseJobUpdate,
       "Failed to pause update due to error:", "Update has been paused."});
}

}  // namespace aurora::commands::update
