#pragma once
// Upstream's context helpers around a job's active tasks, shared by kill, restart and add.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::job {

// get_active_tasks: the job's tasks in ACTIVE_STATES (retried). A non-OK answer prints
// "Command failure:" and its messages and fails with exit 6.
std::vector<gen::ScheduledTask> fetch_active_tasks(cli::Context& context,
                                                   const grammars::JobKey& job);

std::set<int32_t> instance_ids_of(const std::vector<gen::ScheduledTask>& tasks);

// The requested ids that are not among `active`, ascending.
std::vector<int32_t> missing_instances(const std::set<int32_t>& active,
                                       const std::vector<int32_t>& requested);

// Fails with "Invalid instance parameter: [..]" (exit 6) when a requested id is not in `active`.
void ensure_instances_active(const std::set<int32_t>& active,
                             const std::vector<int32_t>& requested);

// get_active_instances_or_raise: the active ids; fails with "Invalid instance parameter: [..]"
// (exit 6) when a requested instance is not active.
std::set<int32_t> require_active_instances(cli::Context& context, const grammars::JobKey& job,
                                           const std::vector<int32_t>& requested);

// True when any task carries a count or percentage SlaPolicy (coordinator policies do not count).
bool has_count_or_percentage_sla_policy(const std::vector<gen::ScheduledTask>& tasks);

// Upstream's warning that a kill or add leaves the job's SlaPolicy as it was: printed on stdout
// when a task has a count or percentage policy (on stderr under -o json, so stdout stays JSON).
void warn_if_sla_policy(cli::Context& context, const std::vector<gen::ScheduledTask>& tasks,
                        const std::string& warning);

}  // namespace aurora::commands::job
