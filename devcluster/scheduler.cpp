#include "devcluster/scheduler.hpp"

#include <cstdint>
#include <cstdio>
#include <iostream>

#include "devcluster/cron_schedule.hpp"
#include "devcluster/job_keys.hpp"
#include "devcluster/responses.hpp"
#include "devcluster/task_config_rules.hpp"

namespace aurora::devcluster {
namespace {

const char* const kNoCron = "Cron jobs may only be created/updated by calling scheduleCronJob.";
const char* const kJobUpdating = "Job is currently updating";

std::string no_cron_template(const gen::JobKey& job) {
  return "No cron template found for the given key: " + canonical(job);
}

gen::Response job_updating() {
  return respond(gen::ResponseCode::JOB_UPDATING_ERROR, kJobUpdating);
}

std::string instance_count_error(int max) {
  return "Instance count must be between 1 and " + std::to_string(max) + " inclusive.";
}

}  // namespace

Scheduler::Scheduler(SchedulerSettings settings, const Clock& clock, TaskExecutor& executor,
                     std::optional<StateFile> state_file)
    : core_(std::move(settings), clock, executor),
      engine_(core_),
      state_file_(std::move(state_file)) {
  if (state_file_) {
    if (auto loaded = state_file_->load()) core_.state = std::move(*loaded);
  }
  if (core_.lose_tasks_left_on_agent()) persist();
}

std::optional<std::string> Scheduler::persist() {
  if (!state_file_) return std::nullopt;
  try {
    state_file_->save(core_.state);
    if (save_failing_) std::cerr << "aurora-devcluster: state saved again" << std::endl;
    save_failing_ = false;
    return std::nullopt;
  } catch (const std::exception& error) {
    // The real scheduler answers ERROR when its storage write fails and keeps nothing of the
    // change; so do we: back to what the disk holds, so no answer promises what a restart loses.
    if (!save_failing_) {
      std::cerr << "aurora-devcluster: cannot save state, change undone: " << error.what()
                << std::endl;
    }
    save_failing_ = true;
    try {
      core_.state = state_file_->load().value_or(ClusterState{});
    } catch (const std::exception& reload) {
      std::cerr << "aurora-devcluster: cannot reload state: " << reload.what() << std::endl;
    }
    return std::string(error.what());
  }
}

gen::Response Scheduler::finish(gen::Response response, bool mutated) {
  if (mutated) {
    // Tasks and updates react to the change right away (no-op instances, immediate kills).
    engine_.evaluate_all();
    if (auto failure = persist()) {
      response = respond(gen::ResponseCode::ERROR,
                         "Storage failure, the request was not applied: " + *failure);
    }
  }
  response.serverInfo.clusterName = core_.settings.cluster_name;
  response.serverInfo.statsUrlPrefix = "";
  return response;
}

ClusterState Scheduler::snapshot() {
  std::lock_guard lock(mutex_);
  return core_.state;
}

void Scheduler::tick() {
  std::lock_guard lock(mutex_);
  bool changed = core_.advance_tasks();
  changed = engine_.evaluate_all() || changed;
  changed = run_due_cron_jobs() || changed;
  if (changed) persist();
}

std::optional<std::string> Scheduler::quota_shortfall(const gen::TaskConfig& task,
                                                      int count) const {
  auto quota = core_.state.quotas.find(task.job.role);
  if (quota == core_.state.quotas.end() || !is_production(task)) return std::nullopt;
  ResourceTotals allowed;
  allowed.add(quota->second);
  ResourceTotals used;
  for (const auto& [id, existing] : core_.state.tasks) {
    const auto& config = existing.assignedTask.task;
    if (is_active(existing.status) && config.job.role == task.job.role && is_production(config)) {
      used.add(config);
    }
  }
  used.add(task, count);
  char text[160];
  if (used.cpus > allowed.cpus) {
    std::snprintf(text, sizeof text, "CPU quota exceeded by %.2f core(s).",
                  used.cpus - allowed.cpus);
    return std::string(text);
  }
  if (used.ram_mb > allowed.ram_mb) {
    return "RAM quota exceeded by " + std::to_string(used.ram_mb - allowed.ram_mb) + " MB.";
  }
  if (used.disk_mb > allowed.disk_mb) {
    return "DISK quota exceeded by " + std::to_string(used.disk_mb - allowed.disk_mb) + " MB.";
  }
  return std::nullopt;
}

gen::Response Scheduler::createJob(const gen::JobConfiguration& description) {
  std::lock_guard lock(mutex_);
  gen::JobConfiguration job;
  try {
    job = validate_and_populate(description);
  } catch (const InvalidConfig& error) {
    return finish(invalid_request(error.what()), false);
  }
  if (job.__isset.cronSchedule && !job.cronSchedule.empty()) {
    return finish(invalid_request(kNoCron), false);
  }
  if (core_.active_update(job.key) != nullptr) return finish(job_updating(), false);
  if (core_.job_exists(job.key)) {
    return finish(invalid_request("Job " + canonical(job.key) + " already exists"), false);
  }
  if (job.instanceCount > core_.settings.max_tasks_per_job) {
    return finish(invalid_request(instance_count_error(core_.settings.max_tasks_per_job)), false);
  }
  if (auto shortfall = quota_shortfall(job.taskConfig, job.instanceCount)) {
    return finish(invalid_request("Insufficient resource quota: " + *shortfall), false);
  }
  for (int instance = 0; instance < job.instanceCount; ++instance) {
    core_.insert_pending_task(job.taskConfig, instance);
  }
  // The message the client logs as " INFO] 2 new tasks pending for job ..." (spec section 6.3).
  return finish(
      ok(std::to_string(job.instanceCount) + " new tasks pending for job " + canonical(job.key)),
      true);
}

gen::Response Scheduler::killTasks(const gen::JobKey& job, const std::set<int32_t>& instances,
                                   const std::string& message) {
  std::lock_guard lock(mutex_);
  if (!is_valid(job)) return finish(invalid_request("Invalid job key: " + java_string(job)), false);
  if (core_.active_update(job) != nullptr) return finish(job_updating(), false);
  std::string audit = "Killed by " + core_.settings.user;
  if (!message.empty()) audit += ".\nMessage: " + message;
  int killed = 0;
  std::vector<std::string> ids;
  for (const auto* task : core_.active_tasks(job)) {
    if (instances.empty() || instances.count(task->assignedTask.instanceId) > 0) {
      ids.push_back(task->assignedTask.taskId);
    }
  }
  for (const auto& id : ids) {
    if (core_.kill_task(id, audit)) ++killed;
  }
  return finish(killed > 0 ? ok() : ok("No tasks to kill."), killed > 0);
}

gen::Response Scheduler::restartShards(const gen::JobKey& job, const std::set<int32_t>& shards) {
  std::lock_guard lock(mutex_);
  if (!is_valid(job)) return finish(invalid_request("Invalid job key: " + java_string(job)), false);
  if (shards.empty()) return finish(invalid_request("shardIds may not be empty."), false);
  if (core_.active_update(job) != nullptr) return finish(job_updating(), false);
  std::vector<std::string> ids;
  for (const auto* task : core_.active_tasks(job)) {
    if (shards.count(task->assignedTask.instanceId) > 0) ids.push_back(task->assignedTask.taskId);
  }
  if (ids.size() != shards.size()) {
    return finish(invalid_request("Not all requested shards are active."), false);
  }
  for (const auto& id : ids) {
    if (core_.state.tasks.at(id).status == gen::ScheduleStatus::PENDING) continue;
    core_.change_state(id, gen::ScheduleStatus::RESTARTING, "Restarted by " + core_.settings.user);
  }
  // The detail the client logs as " INFO] restarted" (spec section 7.7).
  return finish(ok("restarted"), true);
}

gen::Response Scheduler::addInstances(const gen::InstanceKey& key, int32_t count) {
  std::lock_guard lock(mutex_);
  if (!is_valid(key.jobKey)) {
    return finish(invalid_request("Invalid job key: " + java_string(key.jobKey)), false);
  }
  if (count <= 0) return finish(invalid_request("Instance count must be positive."), false);
  if (core_.state.cron_jobs.count(canonical(key.jobKey)) > 0) {
    return finish(invalid_request("Instances may not be added to cron jobs."), false);
  }
  if (core_.active_update(key.jobKey) != nullptr) return finish(job_updating(), false);
  auto current = core_.active_tasks(key.jobKey);
  const gen::ScheduledTask* template_task = nullptr;
  int last_id = -1;
  for (const auto* task : current) {
    if (task->assignedTask.instanceId == key.instanceId) template_task = task;
    last_id = std::max(last_id, task->assignedTask.instanceId);
  }
  if (template_task == nullptr) {
    return finish(invalid_request("No active task found for a given instance ID."), false);
  }
  if (static_cast<int>(current.size()) + count > core_.settings.max_tasks_per_job) {
    return finish(invalid_request(instance_count_error(core_.settings.max_tasks_per_job)), false);
  }
  gen::TaskConfig config = template_task->assignedTask.task;
  if (auto shortfall = quota_shortfall(config, count)) {
    return finish(invalid_request("Insufficient resource quota: " + *shortfall), false);
  }
  for (int instance = last_id + 1; instance <= last_id + count; ++instance) {
    core_.insert_pending_task(config, instance);
  }
  return finish(ok(), true);
}

gen::Response Scheduler::cron_template(const gen::JobConfiguration& description, bool update_only) {
  if (!is_valid(description.key)) {
    return invalid_request("Job key " + java_string(description.key) + " is invalid.");
  }
  gen::JobConfiguration job;
  try {
    job = validate_and_populate(description);
  } catch (const InvalidConfig& error) {
    return invalid_request(error.what());
  }
  if (!job.__isset.cronSchedule || job.cronSchedule.empty()) {
    return invalid_request("Job " + canonical(job.key) + " has no cron schedule");
  }
  if (!is_valid_cron_schedule(job.cronSchedule)) {
    return invalid_request("Invalid cron schedule: " + job.cronSchedule);
  }
  if (core_.active_update(job.key) != nullptr) return job_updating();
  if (job.instanceCount > core_.settings.max_tasks_per_job) {
    return invalid_request(instance_count_error(core_.settings.max_tasks_per_job));
  }
  const std::string key = canonical(job.key);
  bool scheduled = core_.state.cron_jobs.count(key) > 0;
  if (update_only && !scheduled) return invalid_request(no_cron_template(job.key));
  if (!scheduled && core_.job_exists(job.key)) {
    return invalid_request("Job " + key + " already exists");
  }
  core_.state.cron_jobs[key] = job;
  if (!scheduled) core_.state.cron_last_run_ms[key] = core_.now();
  cron_next_run_ms_.erase(key);
  return ok();
}

gen::Response Scheduler::scheduleCronJob(const gen::JobConfiguration& description) {
  std::lock_guard lock(mutex_);
  auto response = cron_template(description, false);
  return finish(response, response.responseCode == gen::ResponseCode::OK);
}

gen::Response Scheduler::replaceCronTemplate(const gen::JobConfiguration& description) {
  std::lock_guard lock(mutex_);
  auto response = cron_template(description, true);
  return finish(response, response.responseCode == gen::ResponseCode::OK);
}

gen::Response Scheduler::descheduleCronJob(const gen::JobKey& job) {
  std::lock_guard lock(mutex_);
  if (!is_valid(job)) return finish(invalid_request("Invalid job key: " + java_string(job)), false);
  if (core_.active_update(job) != nullptr) return finish(job_updating(), false);
  if (core_.state.cron_jobs.erase(canonical(job)) == 0) {
    return finish(ok("Job " + canonical(job) + " is not scheduled with cron"), false);
  }
  core_.state.cron_last_run_ms.erase(canonical(job));
  cron_next_run_ms_.erase(canonical(job));
  return finish(ok(), true);
}

void Scheduler::run_cron_job(const gen::JobConfiguration& job) {
  auto running = core_.active_tasks(job.key);
  if (!running.empty()) {
    if (job.cronCollisionPolicy != gen::CronCollisionPolicy::KILL_EXISTING) return;
    std::vector<std::string> ids;
    for (const auto* task : running) ids.push_back(task->assignedTask.taskId);
    for (const auto& id : ids) core_.kill_task(id, "Killed by cron collision policy KILL_EXISTING");
  }
  for (int instance = 0; instance < job.instanceCount; ++instance) {
    core_.insert_pending_task(job.taskConfig, instance);
  }
  core_.state.cron_last_run_ms[canonical(job.key)] = core_.now();
}

bool Scheduler::run_due_cron_jobs() {
  bool ran = false;
  for (const auto& [key, job] : core_.state.cron_jobs) {
    auto cached = cron_next_run_ms_.find(key);
    if (cached == cron_next_run_ms_.end()) {
      auto last = core_.state.cron_last_run_ms.find(key);
      int64_t after = last == core_.state.cron_last_run_ms.end() ? core_.now() : last->second;
      auto next = next_cron_run_ms(job.cronSchedule, after);
      cached = cron_next_run_ms_.emplace(key, next.value_or(INT64_MAX)).first;
    }
    if (cached->second <= core_.now()) {
      run_cron_job(job);
      cron_next_run_ms_.erase(cached);
      ran = true;
    }
  }
  return ran;
}

gen::Response Scheduler::startCronJob(const gen::JobKey& job) {
  std::lock_guard lock(mutex_);
  if (!is_valid(job)) return finish(invalid_request("Invalid job key: " + java_string(job)), false);
  auto found = core_.state.cron_jobs.find(canonical(job));
  if (found == core_.state.cron_jobs.end()) {
    return finish(invalid_request("Failed to start cron job - " + no_cron_template(job)), false);
  }
  gen::JobConfiguration copy = found->second;
  run_cron_job(copy);
  return finish(ok(), true);
}

gen::Response Scheduler::populateJobConfig(const gen::JobConfiguration& description) {
  std::lock_guard lock(mutex_);
  try {
    gen::JobConfiguration job = validate_and_populate(description);
    gen::Result result;
    gen::PopulateJobResult populated;
    populated.taskConfig = job.taskConfig;
    result.__set_populateJobResult(populated);
    return finish(ok_with(result), false);
  } catch (const InvalidConfig& error) {
    return finish(invalid_request(std::string("Invalid configuration: ") + error.what()), false);
  }
}

gen::Response Scheduler::setQuota(const std::string& role, const gen::ResourceAggregate& quota) {
  std::lock_guard lock(mutex_);
  if (role.empty()) return finish(invalid_request("ownerRole may not be blank."), false);
  core_.state.quotas[role] = quota;
  return finish(ok(), true);
}

gen::Response Scheduler::forceTaskState(const std::string& task_id,
                                        gen::ScheduleStatus::type status) {
  std::lock_guard lock(mutex_);
  if (core_.state.tasks.count(task_id) == 0) {
    return finish(invalid_request("No such task: " + task_id), false);
  }
  core_.change_state(task_id, status, "Transition forced by " + core_.settings.user);
  return finish(ok(), true);
}

}  // namespace aurora::devcluster
