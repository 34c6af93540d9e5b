#include "commands/job/job_monitor.hpp"

#include <algorithm>

#include "api/scheduler_client.hpp"
#include "commands/scheduler_terms.hpp"
#include "errors/interrupt.hpp"

namespace aurora::commands::job {

bool satisfies(TaskPredicate predicate, gen::ScheduleStatus::type status) {
  if (terminal_states().count(status)) return true;
  return predicate == TaskPredicate::RunningOrFinished && live_states().count(status) > 0;
}

std::optional<TaskPredicate> predicate_for_wait_until(std::string_view state) {
  if (state == "RUNNING") return TaskPredicate::RunningOrFinished;
  if (state == "FINISHED") return TaskPredicate::Terminal;
  return std::nullopt;
}

std::map<int32_t, gen::ScheduleStatus::type> latest_status_by_instance(
    const std::vector<gen::ScheduledTask>& tasks) {
  std::map<int32_t, std::pair<int64_t, gen::ScheduleStatus::type>> newest;
  for (const auto& task : tasks) {
    const int64_t first_event = task.taskEvents.empty() ? 0 : task.taskEvents.front().timestamp;
    const int32_t instance = task.assignedTask.instanceId;
    auto found = newest.find(instance);
    if (found == newest.end() || first_event > found->second.first) {
      newest[instance] = {first_event, task.status};
    }
  }
  std::map<int32_t, gen::ScheduleStatus::type> statuses;
  for (const auto& [instance, entry] : newest) statuses[instance] = entry.second;
  return statuses;
}

bool poll_until(const std::function<bool()>& condition, const PollSchedule& schedule, bool give_up,
                const std::function<void(std::chrono::milliseconds)>& sleep) {
  auto interval = schedule.first;
  while (!condition()) {
    if (give_up && interval >= schedule.cap) return false;
    sleep(interval);
    interval = std::min(schedule.cap, interval * 2);
  }
  return true;
}

JobMonitor::JobMonitor(api::SchedulerClient& scheduler, gen::JobKey job, PollSchedule schedule,
                       std::function<void(std::chrono::milliseconds)> sleep)
    : scheduler_(&scheduler), job_(std::move(job)), schedule_(schedule), sleep_(std::move(sleep)) {
  if (!sleep_) {
    sleep_ = [](std::chrono::milliseconds interval) {
      interrupt::sleep_for_ms(static_cast<long>(interval.count()));
    };
  }
}

bool JobMonitor::holds(TaskPredicate predicate, const std::optional<std::set<int32_t>>& instances) {
  gen::TaskQuery query;
  query.__set_jobKeys({job_});
  if (instances && !instances->empty()) query.__set_instanceIds(*instances);
  // Retried like any read, so a wait rides out a scheduler restart (upstream's poll was not
  // retried and ended the command with exit 7); an answer that is not OK still counts as "no
  // tasks", as upstream.
  const auto response = scheduler_->getTasksWithoutConfigs(query);
  if (response.responseCode != gen::ResponseCode::OK) return true;  // no tasks
  for (const auto& [instance, status] :
       latest_status_by_instance(response.result.scheduleStatusResult.tasks)) {
    if (!satisfies(predicate, status)) return false;
  }
  return true;
}

bool JobMonitor::wait_until(TaskPredicate predicate,
                            const std::optional<std::set<int32_t>>& instances, bool give_up) {
  return poll_until([&] { return holds(predicate, instances); }, schedule_, give_up, sleep_);
}

}  // namespace aurora::commands::job
