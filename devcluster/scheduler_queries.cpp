// The read-only half of the API: tasks, jobs, summaries, quota and tiers.

#include <map>

#include "devcluster/cron_schedule.hpp"
#include "devcluster/job_diff.hpp"
#include "devcluster/job_keys.hpp"
#include "devcluster/responses.hpp"
#include "devcluster/scheduler.hpp"
#include "devcluster/task_config_rules.hpp"

namespace aurora::devcluster {
namespace {

gen::Response schedule_status(std::vector<gen::ScheduledTask> tasks) {
  gen::ScheduleStatusResult statuses;
  statuses.tasks = std::move(tasks);
  gen::Result result;
  result.__set_scheduleStatusResult(statuses);
  return ok_with(result);
}

int64_t first_event_ms(const gen::ScheduledTask& task) {
  return task.taskEvents.empty() ? 0 : task.taskEvents.front().timestamp;
}

// The synthesized configs of jobs with tasks matching `include`, plus cron templates.
template <class Predicate>
std::map<gen::JobKey, gen::JobConfiguration> jobs_from(const ClusterState& state,
                                                       const std::string& role, Predicate include) {
  std::map<gen::JobKey, std::vector<const gen::ScheduledTask*>> tasks_by_job;
  for (const auto& [id, task] : state.tasks) {
    const auto& job = task.assignedTask.task.job;
    if ((role.empty() || job.role == role) && include(task)) tasks_by_job[job].push_back(&task);
  }
  std::map<gen::JobKey, gen::JobConfiguration> jobs;
  for (const auto& [key, tasks] : tasks_by_job) {
    // The most recently created task stands for the job (it may be mid-update).
    const gen::ScheduledTask* latest = tasks.front();
    for (const auto* task : tasks) {
      if (first_event_ms(*task) >= first_event_ms(*latest)) latest = task;
    }
    gen::JobConfiguration job;
    job.key = key;
    job.owner = latest->assignedTask.task.owner;
    job.taskConfig = latest->assignedTask.task;
    job.instanceCount = static_cast<int32_t>(tasks.size());
    jobs[key] = job;
  }
  for (const auto& [name, cron] : state.cron_jobs) {
    if (role.empty() || cron.key.role == role) jobs[cron.key] = cron;
  }
  return jobs;
}

}  // namespace

std::vector<gen::ScheduledTask> Scheduler::matching_tasks(const gen::TaskQuery& query) const {
  std::vector<gen::ScheduledTask> matches;
  for (const auto& [id, task] : core_.state.tasks) {
    const auto& assigned = task.assignedTask;
    const auto& job = assigned.task.job;
    if (!query.role.empty() && job.role != query.role) continue;
    if (!query.environment.empty() && job.environment != query.environment) continue;
    if (!query.jobName.empty() && job.name != query.jobName) continue;
    if (!query.taskIds.empty() && query.taskIds.count(assigned.taskId) == 0) continue;
    if (!query.statuses.empty() && query.statuses.count(task.status) == 0) continue;
    if (!query.instanceIds.empty() && query.instanceIds.count(assigned.instanceId) == 0) continue;
    if (!query.slaveHosts.empty() && query.slaveHosts.count(assigned.slaveHost) == 0) continue;
    if (!query.jobKeys.empty() && query.jobKeys.count(job) == 0) continue;
    matches.push_back(task);
  }
  if (query.offset > 0) {
    auto skip = std::min<std::size_t>(static_cast<std::size_t>(query.offset), matches.size());
    matches.erase(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(skip));
  }
  if (query.limit > 0 && matches.size() > static_cast<std::size_t>(query.limit)) {
    matches.resize(static_cast<std::size_t>(query.limit));
  }
  return matches;
}

gen::Response Scheduler::getTasksStatus(const gen::TaskQuery& query) {
  std::lock_guard lock(mutex_);
  return finish(schedule_status(matching_tasks(query)), false);
}

gen::Response Scheduler::getTasksWithoutConfigs(const gen::TaskQuery& query) {
  std::lock_guard lock(mutex_);
  auto tasks = matching_tasks(query);
  for (auto& task : tasks) {
    task.assignedTask.task.executorConfig = {};
    task.assignedTask.task.__isset.executorConfig = false;
  }
  return finish(schedule_status(std::move(tasks)), false);
}

gen::Response Scheduler::getPendingReason(const gen::TaskQuery& input) {
  std::lock_guard lock(mutex_);
  if (!input.slaveHosts.empty()) {
    return finish(invalid_request("SlaveHosts are not supported in " + java_string(input)), false);
  }
  if (!input.statuses.empty()) {
    return finish(invalid_request("Statuses is not supported in " + java_string(input)), false);
  }
  gen::TaskQuery query = input;
  query.statuses = {gen::ScheduleStatus::PENDING};
  gen::GetPendingReasonResult reasons;
  for (const auto& task : matching_tasks(query)) {
    gen::PendingReason reason;
    reason.taskId = task.assignedTask.taskId;
    // devcluster has one agent with room for everything: a task only waits for its turn.
    reason.reason = "Waiting for the devcluster agent to accept the task";
    reasons.reasons.insert(reason);
  }
  gen::Result result;
  result.__set_getPendingReasonResult(reasons);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::getConfigSummary(const gen::JobKey& job) {
  std::lock_guard lock(mutex_);
  if (!is_valid(job)) return finish(invalid_request("Invalid job key: " + java_string(job)), false);
  std::map<int, gen::TaskConfig> configs;
  for (const auto* task : core_.active_tasks(job)) {
    configs[task->assignedTask.instanceId] = task->assignedTask.task;
  }
  gen::ConfigSummaryResult summary;
  summary.summary.key = job;
  summary.summary.groups = to_config_groups(configs);
  gen::Result result;
  result.__set_configSummaryResult(summary);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::getRoleSummary() {
  std::lock_guard lock(mutex_);
  std::map<std::string, std::set<gen::JobKey>> jobs_by_role;
  std::map<std::string, int> cron_by_role;
  for (const auto& [id, task] : core_.state.tasks) {
    const auto& job = task.assignedTask.task.job;
    jobs_by_role[job.role].insert(job);
  }
  for (const auto& [key, cron] : core_.state.cron_jobs) {
    ++cron_by_role[cron.key.role];
    jobs_by_role[cron.key.role];
  }
  gen::RoleSummaryResult summaries;
  for (const auto& [role, jobs] : jobs_by_role) {
    gen::RoleSummary summary;
    summary.role = role;
    summary.jobCount = static_cast<int32_t>(jobs.size());
    summary.cronJobCount = cron_by_role[role];
    summaries.summaries.insert(summary);
  }
  gen::Result result;
  result.__set_roleSummaryResult(summaries);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::getJobSummary(const std::string& role) {
  std::lock_guard lock(mutex_);
  auto jobs = jobs_from(core_.state, role, [](const gen::ScheduledTask&) { return true; });
  gen::JobSummaryResult summaries;
  for (const auto& [key, job] : jobs) {
    gen::JobSummary summary;
    summary.job = job;
    for (const auto& [id, task] : core_.state.tasks) {
      if (!(task.assignedTask.task.job == key)) continue;
      switch (task.status) {
        case gen::ScheduleStatus::PENDING:
        case gen::ScheduleStatus::THROTTLED:
          ++summary.stats.pendingTaskCount;
          break;
        case gen::ScheduleStatus::FAILED:
        case gen::ScheduleStatus::LOST:
          ++summary.stats.failedTaskCount;
          break;
        case gen::ScheduleStatus::FINISHED:
        case gen::ScheduleStatus::KILLED:
          ++summary.stats.finishedTaskCount;
          break;
        default:
          ++summary.stats.activeTaskCount;
      }
    }
    if (job.__isset.cronSchedule && !job.cronSchedule.empty()) {
      if (auto next = next_cron_run_ms(job.cronSchedule, core_.now())) {
        summary.__set_nextCronRunMs(*next);
      }
    }
    summaries.summaries.insert(summary);
  }
  gen::Result result;
  result.__set_jobSummaryResult(summaries);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::getJobs(const std::string& role) {
  std::lock_guard lock(mutex_);
  auto jobs = jobs_from(core_.state, role,
                        [](const gen::ScheduledTask& task) { return is_active(task.status); });
  gen::GetJobsResult configs;
  for (const auto& [key, job] : jobs) configs.configs.insert(job);
  gen::Result result;
  result.__set_getJobsResult(configs);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::getQuota(const std::string& role) {
  std::lock_guard lock(mutex_);
  if (role.empty()) return finish(invalid_request("ownerRole may not be blank."), false);
  ResourceTotals quota;
  if (auto found = core_.state.quotas.find(role); found != core_.state.quotas.end()) {
    quota.add(found->second);
  }
  ResourceTotals prod_shared, prod_dedicated, non_prod_shared, non_prod_dedicated;
  for (const auto& [id, task] : core_.state.tasks) {
    const auto& config = task.assignedTask.task;
    if (!is_active(task.status) || config.job.role != role) continue;
    bool dedicated = is_dedicated(config);
    if (is_production(config)) {
      (dedicated ? prod_dedicated : prod_shared).add(config);
    } else {
      (dedicated ? non_prod_dedicated : non_prod_shared).add(config);
    }
  }
  gen::GetQuotaResult quota_result;
  quota_result.quota = quota.to_aggregate();
  quota_result.__set_prodSharedConsumption(prod_shared.to_aggregate());
  quota_result.__set_prodDedicatedConsumption(prod_dedicated.to_aggregate());
  quota_result.__set_nonProdSharedConsumption(non_prod_shared.to_aggregate());
  quota_result.__set_nonProdDedicatedConsumption(non_prod_dedicated.to_aggregate());
  gen::Result result;
  result.__set_getQuotaResult(quota_result);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::getTierConfigs() {
  std::lock_guard lock(mutex_);
  gen::Result result;
  result.__set_getTierConfigResult(default_tiers());
  return finish(ok_with(result), false);
}

}  // namespace aurora::devcluster
