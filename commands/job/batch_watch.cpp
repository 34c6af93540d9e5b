#include "commands/job/batch_watch.hpp"

namespace aurora::commands::job {

BatchWatch::BatchWatch(std::vector<int32_t> batch, WatchSettings settings, double started_at,
                       std::function<void(std::string_view)> info)
    : settings_(settings), started_at_(started_at), info_(std::move(info)) {
  for (int32_t id : batch) states_[id];
}

void BatchWatch::observe(const std::vector<gen::ScheduledTask>& running_tasks, double now) {
  std::map<int32_t, const gen::ScheduledTask*> by_instance;
  for (const auto& task : running_tasks) by_instance[task.assignedTask.instanceId] = &task;

  for (auto& [id, state] : states_) {
    if (state.finished) continue;
    auto found = by_instance.find(id);
    if (found == by_instance.end() || found->second->status != gen::ScheduleStatus::RUNNING) {
      const bool overdue = settings_.restart_threshold_secs > 0 && !state.seen &&
                           now - started_at_ >= settings_.restart_threshold_secs;
      if (overdue) {
        info_("Instance " + std::to_string(id) + " did not reach RUNNING within " +
              std::to_string(settings_.restart_threshold_secs) + " seconds");
        state.finish(false);
      }
      continue;
    }
    const std::string& task_id = found->second->assignedTask.taskId;
    if (!state.seen) {
      info_("Detected RUNNING instance " + std::to_string(id));
      state.seen = true;
      state.task_id = task_id;
      state.birthday = now;
    } else if (task_id != state.task_id) {
      info_("Instance " + std::to_string(id) + " is unhealthy");
      state.finish(false);
      continue;
    }
    if (now > state.birthday + settings_.watch_secs) {
      info_("Instance " + std::to_string(id) + " has been up and healthy for at least " +
            std::to_string(settings_.watch_secs) + " seconds");
      state.finish(true);
    }
  }
}

bool BatchWatch::finished() const {
  for (const auto& [id, state] : states_) {
    if (!state.finished) return false;
  }
  return true;
}

std::vector<int32_t> BatchWatch::failed() const {
  std::vector<int32_t> ids;
  for (const auto& [id, state] : states_) {
    if (state.finished && !state.healthy) ids.push_back(id);
  }
  return ids;
}

}  // namespace aurora::commands::job
