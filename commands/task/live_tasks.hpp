#pragma once
// The tasks task run/ssh/scp reach: the job's LIVE tasks, asked for as upstream does.

#include <cstdint>
#include <optional>
#include <vector>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::task {

// getTasksStatus(TaskQuery{jobKeys: [job], statuses: LIVE_STATES, instanceIds}), retried. The
// answer is returned as is; each verb words a non-OK answer its own way.
gen::Response query_live_tasks(cli::Context& context, const grammars::JobKey& job,
                               const std::optional<std::vector<int32_t>>& instances);

}  // namespace aurora::commands::task
