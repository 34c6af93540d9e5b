#include "devcluster/update_engine.hpp"

#include <algorithm>
#include <set>

#include "devcluster/job_keys.hpp"

namespace aurora::devcluster {
namespace {

using Phase = InstanceProgress::Phase;

struct Strategy {
  bool batched = false;
  std::vector<int> group_sizes{1};
  bool autopause = false;
};

Strategy strategy_of(const gen::JobUpdateSettings& settings) {
  Strategy strategy;
  auto positive = [](int size) { return size > 0 ? size : 1; };
  if (settings.__isset.updateStrategy) {
    const auto& chosen = settings.updateStrategy;
    if (chosen.__isset.queueStrategy) {
      strategy.group_sizes = {positive(chosen.queueStrategy.groupSize)};
      return strategy;
    }
    if (chosen.__isset.batchStrategy) {
      strategy.batched = true;
      strategy.group_sizes = {positive(chosen.batchStrategy.groupSize)};
      strategy.autopause = chosen.batchStrategy.autopauseAfterBatch;
      return strategy;
    }
    if (chosen.__isset.varBatchStrategy && !chosen.varBatchStrategy.groupSizes.empty()) {
      strategy.batched = true;
      strategy.group_sizes.clear();
      for (int size : chosen.varBatchStrategy.groupSizes) {
        strategy.group_sizes.push_back(positive(size));
      }
      strategy.autopause = chosen.varBatchStrategy.autopauseAfterBatch;
      return strategy;
    }
  }
  strategy.batched = settings.waitForBatchCompletion;
  strategy.group_sizes = {positive(settings.updateGroupSize)};
  return strategy;
}

int64_t running_since(const gen::ScheduledTask& task) {
  for (auto it = task.taskEvents.rbegin(); it != task.taskEvents.rend(); ++it) {
    if (it->status == gen::ScheduleStatus::RUNNING) return it->timestamp;
  }
  return 0;
}

const char* const kKillForUpdate = "Killed for job update.";

}  // namespace

void UpdateEngine::begin_pass(UpdateRecord& update, bool forward) {
  const auto& instructions = update.details.update.instructions;
  std::set<int> instances;
  for (const auto& group : instructions.initialState) {
    auto ids = from_ranges(group.instances);
    instances.insert(ids.begin(), ids.end());
  }
  if (!instructions.desiredState.instances.empty()) {
    auto ids = from_ranges(instructions.desiredState.instances);
    instances.insert(ids.begin(), ids.end());
  }
  UpdateProgress fresh;
  fresh.last_pulse_ms = update.progress.last_pulse_ms;
  fresh.order.assign(instances.begin(), instances.end());
  if (!forward) std::reverse(fresh.order.begin(), fresh.order.end());
  for (int instance : fresh.order) fresh.instances[instance] = InstanceProgress{};
  update.progress = std::move(fresh);
}

std::optional<gen::TaskConfig> UpdateEngine::target_config(const UpdateRecord& update, int instance,
                                                           bool forward) const {
  const auto& instructions = update.details.update.instructions;
  if (forward) {
    if (!instructions.desiredState.instances.empty() &&
        from_ranges(instructions.desiredState.instances).count(instance) > 0) {
      return instructions.desiredState.task;
    }
    return std::nullopt;
  }
  for (const auto& group : instructions.initialState) {
    if (from_ranges(group.instances).count(instance) > 0) return group.task;
  }
  return std::nullopt;
}

UpdateEngine::Outcome UpdateEngine::evaluate_instance(UpdateRecord& update, int instance,
                                                      InstanceProgress& progress, bool forward) {
  const auto& settings = update.details.update.instructions.settings;
  const gen::JobKey job = update.key().job;
  auto target = target_config(update, instance, forward);
  const gen::ScheduledTask* task = core_.active_task(job, instance);

  if (!target) {
    if (task == nullptr) return Outcome::Succeeded;
    core_.kill_task(task->assignedTask.taskId, kKillForUpdate);
    return Outcome::Working;
  }
  // A task on its way out (ours or a user's kill) is waited for, never watched.
  if (task != nullptr && task->status == gen::ScheduleStatus::KILLING) return Outcome::Working;
  if (task != nullptr && !(task->assignedTask.task == *target)) {
    core_.kill_task(task->assignedTask.taskId, kKillForUpdate);
    return Outcome::Working;
  }
  auto record_failure = [&](const std::string& reason) {
    ++progress.failures;
    progress.failure_reason = reason;
    return progress.failures > settings.maxPerInstanceFailures;
  };
  if (task != nullptr) {
    if (!progress.watched_task_id.empty() &&
        progress.watched_task_id != task->assignedTask.taskId) {
      // The task we watched died and the scheduler replaced it.
      progress.watched_task_id = task->assignedTask.taskId;
      if (record_failure("exited.")) return Outcome::Failed;
    }
    progress.watched_task_id = task->assignedTask.taskId;
    if (task->status != gen::ScheduleStatus::RUNNING) return Outcome::Working;
    int64_t watched_for = core_.now() - running_since(*task);
    return watched_for >= core_.scaled(settings.minWaitInInstanceRunningMs) ? Outcome::Succeeded
                                                                            : Outcome::Working;
  }
  if (!progress.watched_task_id.empty()) {
    progress.watched_task_id.clear();
    if (record_failure("exited.")) return Outcome::Failed;
  }
  progress.watched_task_id = core_.insert_pending_task(*target, instance);
  return Outcome::Working;
}

void UpdateEngine::record_outcome(UpdateRecord& update, int instance, Outcome outcome,
                                  bool forward) {
  using Action = gen::JobUpdateAction;
  if (outcome == Outcome::Succeeded) {
    core_.record_instance_event(update, instance,
                                forward ? Action::INSTANCE_UPDATED : Action::INSTANCE_ROLLED_BACK);
  } else if (outcome == Outcome::Failed) {
    core_.record_instance_event(
        update, instance,
        forward ? Action::INSTANCE_UPDATE_FAILED : Action::INSTANCE_ROLLBACK_FAILED);
  }
}

bool UpdateEngine::start_instance(UpdateRecord& update, int instance, bool forward) {
  auto& progress = update.progress.instances[instance];
  Outcome outcome = evaluate_instance(update, instance, progress, forward);
  if (outcome == Outcome::Succeeded) {
    progress.phase = Phase::Succeeded;
    return false;
  }
  core_.record_instance_event(update, instance,
                              forward ? gen::JobUpdateAction::INSTANCE_UPDATING
                                      : gen::JobUpdateAction::INSTANCE_ROLLING_BACK);
  progress.phase = outcome == Outcome::Failed ? Phase::Failed : Phase::Working;
  record_outcome(update, instance, outcome, forward);
  return true;
}

bool UpdateEngine::start_more(UpdateRecord& update, bool forward) {
  auto& progress = update.progress;
  Strategy strategy = strategy_of(update.details.update.instructions.settings);
  auto working = static_cast<int>(
      std::count_if(progress.instances.begin(), progress.instances.end(),
                    [](const auto& entry) { return entry.second.phase == Phase::Working; }));
  bool changed = false;
  if (!strategy.batched) {
    while (working < strategy.group_sizes.front() && progress.next_index < progress.order.size()) {
      int instance = progress.order[progress.next_index++];
      if (start_instance(update, instance, forward)) ++working;
      changed = true;
    }
    return changed;
  }
  if (working > 0) return false;
  if (progress.batch_in_flight) {
    progress.batch_in_flight = false;
    changed = true;
    if (strategy.autopause && progress.next_index < progress.order.size()) {
      core_.record_update_status(update, forward ? gen::JobUpdateStatus::ROLL_FORWARD_PAUSED
                                                 : gen::JobUpdateStatus::ROLL_BACK_PAUSED);
      return true;
    }
  }
  if (progress.next_index >= progress.order.size()) return changed;
  std::size_t size_index =
      std::min<std::size_t>(progress.batches_started, strategy.group_sizes.size() - 1);
  int size = strategy.group_sizes[size_index];
  ++progress.batches_started;
  progress.batch_in_flight = true;
  for (int started = 0; started < size && progress.next_index < progress.order.size(); ++started) {
    start_instance(update, progress.order[progress.next_index++], forward);
  }
  return true;
}

bool is_coordinated(const UpdateRecord& update) {
  const auto& settings = update.details.update.instructions.settings;
  return settings.__isset.blockIfNoPulsesAfterMs && settings.blockIfNoPulsesAfterMs > 0;
}

bool pulse_expired(const SchedulerCore& core, const UpdateRecord& update) {
  return is_coordinated(update) &&
         core.now() - update.progress.last_pulse_ms >=
             core.scaled(update.details.update.instructions.settings.blockIfNoPulsesAfterMs);
}

bool UpdateEngine::evaluate(UpdateRecord& update) {
  auto status = update.status();
  if (status != gen::JobUpdateStatus::ROLLING_FORWARD &&
      status != gen::JobUpdateStatus::ROLLING_BACK) {
    return false;
  }
  const bool forward = status == gen::JobUpdateStatus::ROLLING_FORWARD;
  const auto& settings = update.details.update.instructions.settings;
  if (pulse_expired(core_, update)) {
    core_.record_update_status(update,
                               forward ? gen::JobUpdateStatus::ROLL_FORWARD_AWAITING_PULSE
                                       : gen::JobUpdateStatus::ROLL_BACK_AWAITING_PULSE,
                               std::string(kPulseTimeoutMessage));
    return true;
  }

  bool changed = false;
  for (int instance : update.progress.order) {
    auto& progress = update.progress.instances[instance];
    if (progress.phase != Phase::Working) continue;
    Outcome outcome = evaluate_instance(update, instance, progress, forward);
    if (outcome == Outcome::Working) continue;
    progress.phase = outcome == Outcome::Succeeded ? Phase::Succeeded : Phase::Failed;
    record_outcome(update, instance, outcome, forward);
    changed = true;
  }

  int failed = 0;
  int last_failed = -1;
  std::string reason;
  for (const auto& [instance, progress] : update.progress.instances) {
    if (progress.phase != Phase::Failed) continue;
    ++failed;
    last_failed = instance;
    reason = progress.failure_reason;
  }
  if (failed > settings.maxFailedInstances) {
    std::string message = "Latest failure: instance " + std::to_string(last_failed) + " " + reason;
    if (forward && settings.rollbackOnFailure) {
      core_.record_update_status(update, gen::JobUpdateStatus::ROLLING_BACK, message);
      begin_pass(update, false);
      evaluate(update);
    } else {
      core_.record_update_status(update, gen::JobUpdateStatus::FAILED, message);
    }
    return true;
  }

  changed = start_more(update, forward) || changed;
  if (update.status() != status) return true;

  bool finished = update.progress.next_index >= update.progress.order.size() &&
                  std::none_of(update.progress.instances.begin(), update.progress.instances.end(),
                               [](const auto& entry) {
                                 return entry.second.phase == Phase::Working ||
                                        entry.second.phase == Phase::Waiting;
                               });
  if (finished) {
    core_.record_update_status(
        update, forward ? gen::JobUpdateStatus::ROLLED_FORWARD : gen::JobUpdateStatus::ROLLED_BACK);
    return true;
  }
  return changed;
}

bool UpdateEngine::evaluate_all() {
  bool changed = false;
  for (auto& update : core_.state.updates) {
    // Instances that finish at once (no-ops) let the next batch start in the same pass.
    for (int round = 0; round < 16 && evaluate(update); ++round) changed = true;
  }
  return changed;
}

}  // namespace aurora::devcluster
