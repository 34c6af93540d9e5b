#include "commands/job/active_tasks.hpp"

#include <algorithm>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/job/instance_lists.hpp"
#include "commands/scheduler_terms.hpp"
#include "errors/error.hpp"

namespace aurora::commands::job {

std::vector<gen::ScheduledTask> fetch_active_tasks(cli::Context& context,
                                                   const grammars::JobKey& job) {
  gen::TaskQuery query;
  query.__set_jobKeys({to_thrift(job)});
  query.__set_statuses(active_states());
  const auto response =
      context.scheduler(context.clusters().get(job.cluster)).getTasksWithoutConfigs(query);
  cli::check_response(context, response, "Command failure:", ErrorKind::InvalidParameter);
  return response.result.scheduleStatusResult.tasks;
}

std::set<int32_t> instance_ids_of(const std::vector<gen::ScheduledTask>& tasks) {
  std::set<int32_t> ids;
  for (const auto& task : tasks) ids.insert(task.assignedTask.instanceId);
  return ids;
}

std::vector<int32_t> missing_instances(const std::set<int32_t>& active,
                                       const std::vector<int32_t>& requested) {
  std::set<int32_t> missing;
  for (int32_t id : requested) {
    if (!active.count(id)) missing.insert(id);
  }
  return {missing.begin(), missing.end()};
}

void ensure_instances_active(const std::set<int32_t>& active,
                             const std::vector<int32_t>& requested) {
  const auto missing = missing_instances(active, requested);
  if (!missing.empty()) {
    throw Error(ErrorKind::InvalidParameter,
                "Invalid instance parameter: " + python_int_list(missing));
  }
}

std::set<int32_t> require_active_instances(cli::Context& context, const grammars::JobKey& job,
                                           const std::vector<int32_t>& requested) {
  auto active = instance_ids_of(fetch_active_tasks(context, job));
  ensure_instances_active(active, requested);
  return active;
}

bool has_count_or_percentage_sla_policy(const std::vector<gen::ScheduledTask>& tasks) {
  return std::any_of(tasks.begin(), tasks.end(), [](const gen::ScheduledTask& task) {
    const auto& config = task.assignedTask.task;
    if (!config.__isset.slaPolicy) return false;
    return config.slaPolicy.__isset.countSlaPolicy || config.slaPolicy.__isset.percentageSlaPolicy;
  });
}

void warn_if_sla_policy(cli::Context& context, const std::vector<gen::ScheduledTask>& tasks,
                        const std::string& warning) {
  if (!has_count_or_percentage_sla_policy(tasks)) return;
  if (context.output == cli::OutputFormat::Json) {
    context.print_err(warning);
  } else {
    context.print_out(warning);
  }
}

}  // namespace aurora::commands::job
