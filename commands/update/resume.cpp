// aurora update resume CLUSTER/ROLE/ENV/NAME: let a paused update carry on.
#include "api/scheduler_client.hpp"
#include "commands/update/update_state_change.hpp"
#include "commands/update/verbs.hpp"

namespace aurora::commands::update {

void add_resume(cli::CommandTree& tree) {
  add_state_change_verb(
      tree, "resume", "Resume the job's paused update",
      "Resume the job's paused update (paused by hand or automatically after a batch); it "
      "continues in the direction it was going, forward or back.",
      {&api::SchedulerClient::resumeJobUpdate,
       "Failed to resume update due to error:", "Update has been resumed."});
}

}  // namespace aurora::commands::update
