#pragma once
// The tasks the sla verbs measure: the job's LIVE tasks, asked for once as upstream's Sla does.

#include <vector>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::sla {

// getTasksWithoutConfigs(jobKeys, LIVE_STATES), not retried; logs "Response from scheduler:
// <CODE> (message: <msgs>)". A non-OK answer counts as no tasks.
std::vector<gen::ScheduledTask> fetch_live_tasks(cli::Context& context,
                                                 const grammars::JobKey& job);

// The context's wall clock in (fractional) seconds since the epoch.
double now_seconds(const cli::Context& context);

}  // namespace aurora::commands::sla
