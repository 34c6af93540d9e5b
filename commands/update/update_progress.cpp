// Progress of an update, derived from what getJobUpdateDetails returns.
#include "commands/update/update_progress.hpp"

#include <map>
#include <set>
#include <vector>

#include "commands/scheduler_terms.hpp"

namespace aurora::commands::update {
namespace {

using Action = gen::JobUpdateAction;
using Status = gen::JobUpdateStatus;

bool is_rollback_status(Status::type status) {
  return status == Status::ROLLING_BACK || status == Status::ROLL_BACK_PAUSED ||
         status == Status::ROLL_BACK_AWAITING_PULSE || status == Status::ROLLED_BACK;
}

void add_ranges(const std::set<gen::Range>& ranges, std::set<int>& into) {
  for (const auto& range : ranges) {
    for (int instance = range.first; instance <= range.last; ++instance) into.insert(instance);
  }
}

// Batch sizes in order; the last one repeats.
std::vector<int> batch_sizes(const gen::JobUpdateSettings& settings) {
  if (settings.__isset.updateStrategy) {
    const auto& strategy = settings.updateStrategy;
    if (strategy.__isset.varBatchStrategy && !strategy.varBatchStrategy.groupSizes.empty()) {
      return strategy.varBatchStrategy.groupSizes;
    }
    if (strategy.__isset.batchStrategy) return {strategy.batchStrategy.groupSize};
    if (strategy.__isset.queueStrategy) return {strategy.queueStrategy.groupSize};
  }
  return {settings.updateGroupSize};
}

}  // namespace

UpdateProgress progress_of(const gen::JobUpdateDetails& details) {
  UpdateProgress progress;
  const auto& update = details.update;
  progress.rolling_back = is_rollback_status(update.summary.state.status);

  std::set<int> touched;
  add_ranges(update.instructions.desiredState.instances, touched);
  for (const auto& initial : update.instructions.initialState)
    add_ranges(initial.instances, touched);
  progress.instances = static_cast<int>(touched.size());

  // The latest action per instance decides whether it is done or failed.
  std::map<int, std::pair<int64_t, Action::type>> latest;
  for (const auto& event : details.instanceEvents) {
    auto found = latest.find(event.instanceId);
    if (found == latest.end() || event.timestampMs >= found->second.first) {
      latest[event.instanceId] = {event.timestampMs, event.action};
    }
  }
  const Action::type done_action =
      progress.rolling_back ? Action::INSTANCE_ROLLED_BACK : Action::INSTANCE_UPDATED;
  const Action::type failed_action =
      progress.rolling_back ? Action::INSTANCE_ROLLBACK_FAILED : Action::INSTANCE_UPDATE_FAILED;
  for (const auto& [instance, last] : latest) {
    if (last.second == done_action) ++progress.done;
    if (last.second == failed_action) ++progress.failed;
  }

  const auto sizes = batch_sizes(update.instructions.settings);
  const int finished = progress.done + progress.failed;
  int covered = 0;
  for (size_t i = 0; covered < progress.instances; ++i) {
    const int size = sizes[std::min(i, sizes.size() - 1)];
    covered += size > 0 ? size : 1;
    ++progress.batches;
    if (progress.batch == 0 && covered > finished) progress.batch = progress.batches;
  }
  if (progress.batch == 0) progress.batch = progress.batches;
  return progress;
}

std::string progress_line(Status::type status, const UpdateProgress& progress) {
  std::string line = update_status_name(status) + ": ";
  if (progress.batches > 0) {
    line += "batch " + std::to_string(progress.batch) + " of " + std::to_string(progress.batches) +
            ", ";
  }
  line += std::to_string(progress.done) + " of " + std::to_string(progress.instances) +
          " instances " + (progress.rolling_back ? "rolled back" : "updated") + ", " +
          std::to_string(progress.failed) + " failed";
  return line;
}

}  // namespace aurora::commands::update
