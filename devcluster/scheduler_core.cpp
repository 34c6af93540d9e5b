#include "devcluster/scheduler_core.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "devcluster/job_keys.hpp"

namespace aurora::devcluster {
namespace {

constexpr int kFirstPort = 31000;
constexpr int kLastPort = 32000;
// Terminal tasks kept per job, as task history for `job status`.
constexpr std::size_t kHistoryPerJob = 100;

int64_t last_event_ms(const gen::ScheduledTask& task) {
  return task.taskEvents.empty() ? 0 : task.taskEvents.back().timestamp;
}

bool same_job(const gen::ScheduledTask& task, const gen::JobKey& job) {
  const auto& key = task.assignedTask.task.job;
  return key.role == job.role && key.environment == job.environment && key.name == job.name;
}

}  // namespace

SchedulerCore::SchedulerCore(SchedulerSettings settings_in, const Clock& clock_in,
                             TaskExecutor& executor_in)
    : settings(std::move(settings_in)),
      clock(clock_in),
      executor(executor_in),
      random(std::random_device{}()) {}

int64_t SchedulerCore::scaled(int64_t ms) const {
  double speed = settings.speed > 0 ? settings.speed : 1.0;
  return static_cast<int64_t>(std::llround(static_cast<double>(ms) / speed));
}

std::string SchedulerCore::new_uuid() {
  std::uniform_int_distribution<uint64_t> bits;
  uint64_t high = bits(random);
  uint64_t low = bits(random);
  high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;    // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xffff),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return text;
}

std::string SchedulerCore::insert_pending_task(const gen::TaskConfig& config, int instance,
                                               int failure_count, const std::string& ancestor) {
  const auto& job = config.job;
  std::string task_id = std::to_string(now()) + "-" + job.role + "-" + job.environment + "-" +
                        job.name + "-" + std::to_string(instance) + "-" + new_uuid();
  gen::ScheduledTask task;
  task.assignedTask.taskId = task_id;
  task.assignedTask.task = config;
  task.assignedTask.instanceId = instance;
  task.status = gen::ScheduleStatus::PENDING;
  task.failureCount = failure_count;
  task.ancestorId = ancestor;
  gen::TaskEvent event;
  event.timestamp = now();
  event.status = gen::ScheduleStatus::PENDING;
  event.__set_scheduler(settings.hostname);
  task.taskEvents.push_back(event);
  state.tasks[task_id] = task;
  return task_id;
}

void SchedulerCore::change_state(const std::string& task_id, gen::ScheduleStatus::type status,
                                 const std::optional<std::string>& message) {
  auto found = state.tasks.find(task_id);
  if (found == state.tasks.end()) return;
  gen::ScheduledTask& task = found->second;
  gen::ScheduleStatus::type previous = task.status;
  if (previous == status || is_terminal(previous)) return;
  task.status = status;
  gen::TaskEvent event;
  event.timestamp = now();
  event.status = status;
  if (message) event.__set_message(*message);
  event.__set_scheduler(settings.hostname);
  task.taskEvents.push_back(event);
  if (status == gen::ScheduleStatus::KILLING || status == gen::ScheduleStatus::RESTARTING ||
      is_terminal(status)) {
    executor.kill(task_id);
  }
  if (is_terminal(status)) {
    gen::ScheduledTask copy = task;
    reschedule_if_needed(copy, previous);
    prune_history(copy.assignedTask.task.job);
  }
}

void SchedulerCore::reschedule_if_needed(const gen::ScheduledTask& task,
                                         gen::ScheduleStatus::type previous) {
  const auto& config = task.assignedTask.task;
  int failures = task.failureCount;
  bool reschedule = false;
  switch (task.status) {
    case gen::ScheduleStatus::KILLED:
      reschedule = previous == gen::ScheduleStatus::RESTARTING;
      break;
    case gen::ScheduleStatus::FAILED:
      ++failures;
      reschedule =
          config.isService || config.maxTaskFailures < 0 || failures < config.maxTaskFailures;
      break;
    case gen::ScheduleStatus::FINISHED:
      reschedule = config.isService;
      break;
    case gen::ScheduleStatus::LOST:
      reschedule = true;
      break;
    default:
      break;
  }
  if (!reschedule || active_task(config.job, task.assignedTask.instanceId) != nullptr) return;
  insert_pending_task(config, task.assignedTask.instanceId, failures, task.assignedTask.taskId);
}

void SchedulerCore::prune_history(const gen::JobKey& job) {
  std::vector<std::pair<int64_t, std::string>> terminal;
  for (const auto& [id, task] : state.tasks) {
    if (same_job(task, job) && is_terminal(task.status)) {
      terminal.emplace_back(last_event_ms(task), id);
    }
  }
  if (terminal.size() <= kHistoryPerJob) return;
  std::sort(terminal.begin(), terminal.end());
  for (std::size_t i = 0; i + kHistoryPerJob < terminal.size(); ++i) {
    state.tasks.erase(terminal[i].second);
  }
}

bool SchedulerCore::kill_task(const std::string& task_id, const std::string& message) {
  auto found = state.tasks.find(task_id);
  if (found == state.tasks.end() || !is_active(found->second.status)) return false;
  if (found->second.status == gen::ScheduleStatus::KILLING) return false;
  if (found->second.status == gen::ScheduleStatus::PENDING) {
    change_state(task_id, gen::ScheduleStatus::KILLED, message);
  } else {
    change_state(task_id, gen::ScheduleStatus::KILLING, message);
  }
  return true;
}

const gen::ScheduledTask* SchedulerCore::active_task(const gen::JobKey& job, int instance) const {
  for (const auto& [id, task] : state.tasks) {
    if (same_job(task, job) && task.assignedTask.instanceId == instance && is_active(task.status)) {
      return &task;
    }
  }
  return nullptr;
}

std::vector<const gen::ScheduledTask*> SchedulerCore::active_tasks(const gen::JobKey& job) const {
  std::vector<const gen::ScheduledTask*> tasks;
  for (const auto& [id, task] : state.tasks) {
    if (same_job(task, job) && is_active(task.status)) tasks.push_back(&task);
  }
  return tasks;
}

bool SchedulerCore::job_exists(const gen::JobKey& job) const {
  return !active_tasks(job).empty() || state.cron_jobs.count(canonical(job)) > 0;
}

bool SchedulerCore::lose_tasks_left_on_agent() {
  if (!settings.tasks_run_processes) return false;
  std::vector<std::pair<std::string, gen::ScheduleStatus::type>> lost;
  for (const auto& [id, task] : state.tasks) {
    if (!is_active(task.status) || task.status == gen::ScheduleStatus::PENDING) continue;
    bool leaving = task.status == gen::ScheduleStatus::KILLING;
    lost.emplace_back(id, leaving ? gen::ScheduleStatus::KILLED : gen::ScheduleStatus::LOST);
  }
  for (const auto& [id, status] : lost) {
    change_state(id, status, "Task lost: the devcluster agent restarted.");
  }
  // The restart is also a scheduler failover, after which upstream's updater starts each
  // unfinished instance afresh and adopts whatever task it finds. So an instance whose watched
  // task was lost watches the replacement, rather than counting a failure.
  for (auto& update : state.updates) {
    if (!is_active(update.status())) continue;
    for (auto& entry_of_instance : update.progress.instances) {
      auto& progress = entry_of_instance.second;  // not a structured binding: clang 14 lambdas
      const bool watched_lost = std::any_of(lost.begin(), lost.end(), [&](const auto& entry) {
        return entry.first == progress.watched_task_id;
      });
      if (watched_lost) progress.watched_task_id.clear();
    }
  }
  return !lost.empty();
}

bool SchedulerCore::advance_tasks() {
  bool changed = false;
  for (const auto& exit : executor.collect_exits()) {
    auto found = state.tasks.find(exit.task_id);
    if (found == state.tasks.end() || !is_active(found->second.status)) continue;
    auto status = exit.status;
    auto current = found->second.status;
    if (current == gen::ScheduleStatus::KILLING || current == gen::ScheduleStatus::RESTARTING) {
      status = gen::ScheduleStatus::KILLED;
    }
    change_state(exit.task_id, status, exit.message);
    changed = true;
  }

  std::vector<std::string> ids;
  for (const auto& [id, task] : state.tasks) {
    // A running service only changes when told to: skipping it keeps a tick cheap for big jobs.
    const bool steady = task.status == gen::ScheduleStatus::RUNNING && task.assignedTask.task.isService;
    if (is_active(task.status) && !steady) ids.push_back(id);
  }
  const int64_t step = scaled(settings.step_ms);
  for (const auto& id : ids) {
    auto found = state.tasks.find(id);
    if (found == state.tasks.end()) continue;
    gen::ScheduledTask& task = found->second;
    int64_t elapsed = now() - last_event_ms(task);
    switch (task.status) {
      case gen::ScheduleStatus::PENDING:
        if (elapsed < step) break;
        task.assignedTask.slaveHost = settings.hostname;
        task.assignedTask.slaveId = settings.agent_id;
        task.assignedTask.assignedPorts.clear();
        for (const auto& resource : task.assignedTask.task.resources) {
          if (!resource.__isset.namedPort) continue;
          task.assignedTask.assignedPorts[resource.namedPort] = state.next_port;
          state.next_port = state.next_port >= kLastPort ? kFirstPort : state.next_port + 1;
        }
        change_state(id, gen::ScheduleStatus::ASSIGNED);
        executor.prepare(state.tasks.at(id));
        changed = true;
        break;
      case gen::ScheduleStatus::ASSIGNED:
        if (elapsed < step) break;
        change_state(id, gen::ScheduleStatus::STARTING);
        changed = true;
        break;
      case gen::ScheduleStatus::STARTING:
        if (elapsed < step) break;
        executor.launch(task);
        change_state(id, gen::ScheduleStatus::RUNNING);
        changed = true;
        break;
      case gen::ScheduleStatus::RUNNING:
        if (!task.assignedTask.task.isService && !executor.is_running(id) &&
            elapsed >= scaled(settings.simulated_run_ms)) {
          change_state(id, gen::ScheduleStatus::FINISHED);
          changed = true;
        }
        break;
      case gen::ScheduleStatus::KILLING:
      case gen::ScheduleStatus::RESTARTING:
      case gen::ScheduleStatus::DRAINING:
      case gen::ScheduleStatus::PREEMPTING:
        if (elapsed < step) break;
        change_state(id, gen::ScheduleStatus::KILLED);
        changed = true;
        break;
      default:
        break;
    }
  }
  return changed;
}

UpdateRecord* SchedulerCore::find_update(const gen::JobUpdateKey& key) {
  for (auto& update : state.updates) {
    if (update.key().id == key.id && update.key().job == key.job) return &update;
  }
  return nullptr;
}

UpdateRecord* SchedulerCore::active_update(const gen::JobKey& job) {
  for (auto& update : state.updates) {
    if (update.key().job == job && is_active(update.status())) return &update;
  }
  return nullptr;
}

void SchedulerCore::record_update_status(UpdateRecord& update, gen::JobUpdateStatus::type status,
                                         const std::optional<std::string>& message,
                                         const std::optional<std::string>& user) {
  gen::JobUpdateEvent event;
  event.status = status;
  event.timestampMs = now();
  if (message) event.__set_message(*message);
  if (user) event.__set_user(*user);
  update.details.updateEvents.push_back(event);
  auto& state_of_update = update.details.update.summary.state;
  state_of_update.status = status;
  state_of_update.lastModifiedTimestampMs = event.timestampMs;
}

void SchedulerCore::record_instance_event(UpdateRecord& update, int instance,
                                          gen::JobUpdateAction::type action) {
  for (const auto& existing : update.details.instanceEvents) {
    // An action is recorded once per instance, as upstream suppresses duplicates.
    if (existing.instanceId == instance && existing.action == action) return;
  }
  gen::JobInstanceUpdateEvent event;
  event.instanceId = instance;
  event.timestampMs = now();
  event.action = action;
  update.details.instanceEvents.push_back(event);
  update.details.update.summary.state.lastModifiedTimestampMs = event.timestampMs;
}

}  // namespace aurora::devcluster
