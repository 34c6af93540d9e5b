// Job updates through the API: diff, start, the state changes users ask for, and queries.

#include <algorithm>
#include <map>
#include <sstream>

#include "devcluster/job_diff.hpp"
#include "devcluster/job_keys.hpp"
#include "devcluster/responses.hpp"
#include "devcluster/scheduler.hpp"
#include "devcluster/task_config_rules.hpp"

namespace aurora::devcluster {
namespace {

using Status = gen::JobUpdateStatus;

const char* const kNonServiceTask = "Updates are not supported for non-service tasks.";
const char* const kNoopUpdate = "Job is unchanged by proposed update.";
const char* const kNoCronUpdate =
    "Cron jobs may only be created/updated by calling scheduleCronJob.";
// An impossible status: the requested change does not apply to the update's state.
constexpr auto kNoTransition = static_cast<Status::type>(-1);

bool transition_allowed(Status::type from, Status::type to) {
  static const std::map<Status::type, std::set<Status::type>> allowed = {
      {Status::ROLLING_FORWARD,
       {Status::ROLLING_BACK, Status::ROLL_FORWARD_PAUSED, Status::ROLL_FORWARD_AWAITING_PULSE,
        Status::ROLLED_FORWARD, Status::ABORTED, Status::FAILED, Status::ERROR}},
      {Status::ROLLING_BACK,
       {Status::ROLL_BACK_PAUSED, Status::ROLL_BACK_AWAITING_PULSE, Status::ROLLED_BACK,
        Status::ABORTED, Status::ERROR, Status::FAILED}},
      {Status::ROLL_FORWARD_PAUSED,
       {Status::ROLLING_FORWARD, Status::ROLL_FORWARD_AWAITING_PULSE, Status::ABORTED,
        Status::ERROR}},
      {Status::ROLL_BACK_PAUSED,
       {Status::ROLLING_BACK, Status::ROLL_BACK_AWAITING_PULSE, Status::ABORTED, Status::ERROR}},
      {Status::ROLL_FORWARD_AWAITING_PULSE,
       {Status::ROLLING_FORWARD, Status::ROLL_FORWARD_PAUSED, Status::ABORTED, Status::ERROR}},
      {Status::ROLL_BACK_AWAITING_PULSE,
       {Status::ROLLING_BACK, Status::ROLL_BACK_PAUSED, Status::ABORTED, Status::ERROR}},
  };
  auto found = allowed.find(from);
  return found != allowed.end() && found->second.count(to) > 0;
}

Status::type pause_state(Status::type status, bool) {
  switch (status) {
    case Status::ROLLING_FORWARD:
    case Status::ROLL_FORWARD_AWAITING_PULSE:
    case Status::ROLL_FORWARD_PAUSED:
      return Status::ROLL_FORWARD_PAUSED;
    case Status::ROLLING_BACK:
    case Status::ROLL_BACK_AWAITING_PULSE:
    case Status::ROLL_BACK_PAUSED:
      return Status::ROLL_BACK_PAUSED;
    default:
      return kNoTransition;
  }
}

Status::type resume_state(Status::type status, bool pulse_expired) {
  bool forward = status == Status::ROLL_FORWARD_PAUSED || status == Status::ROLLING_FORWARD ||
                 status == Status::ROLL_FORWARD_AWAITING_PULSE;
  bool backward = status == Status::ROLL_BACK_PAUSED || status == Status::ROLLING_BACK ||
                  status == Status::ROLL_BACK_AWAITING_PULSE;
  if (!forward && !backward) return kNoTransition;
  if (pulse_expired) {
    return forward ? Status::ROLL_FORWARD_AWAITING_PULSE : Status::ROLL_BACK_AWAITING_PULSE;
  }
  return forward ? Status::ROLLING_FORWARD : Status::ROLLING_BACK;
}

Status::type abort_state(Status::type, bool) { return Status::ABORTED; }
Status::type rollback_state(Status::type, bool) { return Status::ROLLING_BACK; }

std::string java_set(const std::set<int>& values) {
  std::ostringstream text;
  text << "[";
  bool first = true;
  for (int value : values) {
    text << (first ? "" : ", ") << value;
    first = false;
  }
  text << "]";
  return text.str();
}

}  // namespace

bool Scheduler::pulse_expired(const UpdateRecord& update) const {
  return devcluster::pulse_expired(core_, update);
}

gen::Response Scheduler::getJobUpdateDiff(const gen::JobUpdateRequest& request) {
  std::lock_guard lock(mutex_);
  gen::TaskConfig config;
  try {
    config = validate_and_populate(request.taskConfig);
  } catch (const InvalidConfig& error) {
    return finish(invalid_request(error.what()), false);
  }
  if (core_.state.cron_jobs.count(canonical(config.job)) > 0) {
    return finish(invalid_request("Cron jobs are not supported."), false);
  }
  std::map<int, gen::TaskConfig> current;
  for (const auto* task : core_.active_tasks(config.job)) {
    current[task->assignedTask.instanceId] = task->assignedTask.task;
  }
  JobDiff diff = compute_job_diff(current, config, request.instanceCount,
                                  from_ranges(request.settings.updateOnlyTheseInstances));
  std::map<int, gen::TaskConfig> add, remove, update;
  for (int instance : diff.replacements) {
    if (diff.replaced.count(instance) == 0) add[instance] = config;
  }
  for (const auto& [instance, old_config] : diff.replaced) {
    (diff.replacements.count(instance) > 0 ? update : remove)[instance] = old_config;
  }
  gen::GetJobUpdateDiffResult result_diff;
  result_diff.add = to_config_groups(add);
  result_diff.remove = to_config_groups(remove);
  result_diff.update = to_config_groups(update);
  result_diff.unchanged = to_config_groups(diff.unchanged);
  gen::Result result;
  result.__set_getJobUpdateDiffResult(result_diff);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::startJobUpdate(const gen::JobUpdateRequest& request,
                                        const std::string& message) {
  std::lock_guard lock(mutex_);
  const auto& settings = request.settings;
  if (!request.taskConfig.isService) return finish(invalid_request(kNonServiceTask), false);
  if (settings.updateGroupSize <= 0) {
    return finish(invalid_request("updateGroupSize must be positive."), false);
  }
  if (settings.maxPerInstanceFailures < 0) {
    return finish(invalid_request("maxPerInstanceFailures must be non-negative."), false);
  }
  if (settings.maxFailedInstances < 0) {
    return finish(invalid_request("maxFailedInstances must be non-negative."), false);
  }
  if (static_cast<int64_t>(settings.maxPerInstanceFailures) * request.instanceCount >
      core_.settings.max_update_instance_failures) {
    return finish(invalid_request("Your update allows too many failures to occur, consider "
                                  "decreasing the per-instance failures or maxFailedInstances."),
                  false);
  }
  if (settings.minWaitInInstanceRunningMs < 0) {
    return finish(invalid_request("minWaitInInstanceRunningMs must be non-negative."), false);
  }
  if (settings.__isset.blockIfNoPulsesAfterMs && settings.blockIfNoPulsesAfterMs < 0) {
    return finish(invalid_request("blockIfNoPulsesAfterMs must be positive."), false);
  }
  gen::TaskConfig config;
  try {
    config = validate_and_populate(request.taskConfig);
  } catch (const InvalidConfig& error) {
    return finish(invalid_request(error.what()), false);
  }
  const gen::JobKey job = config.job;
  if (core_.state.cron_jobs.count(canonical(job)) > 0) {
    return finish(invalid_request(kNoCronUpdate), false);
  }
  std::map<int, gen::TaskConfig> current;
  for (const auto* task : core_.active_tasks(job)) {
    current[task->assignedTask.instanceId] = task->assignedTask.task;
  }
  JobDiff diff = compute_job_diff(current, config, request.instanceCount,
                                  from_ranges(settings.updateOnlyTheseInstances));
  if (!diff.out_of_scope.empty()) {
    return finish(invalid_request("The update request attempted to update specific instances, but "
                                  "some are irrelevant to the update and current job state: " +
                                  java_set(diff.out_of_scope)),
                  false);
  }
  if (diff.is_noop()) return finish(ok(kNoopUpdate), false);
  if (request.instanceCount <= 0 || request.instanceCount > core_.settings.max_tasks_per_job) {
    return finish(invalid_request("Instance count must be between 1 and " +
                                  std::to_string(core_.settings.max_tasks_per_job) + " inclusive."),
                  false);
  }
  if (const UpdateRecord* active = core_.active_update(job)) {
    gen::Response response = invalid_request(
        "An active update already exists for this job, please terminate it before starting "
        "another. Active updates are those in states " +
        active_update_states_text());
    gen::StartJobUpdateResult in_progress;
    in_progress.key = active->key();
    in_progress.__set_updateSummary(active->details.update.summary);
    gen::Result result;
    result.__set_startJobUpdateResult(in_progress);
    response.__set_result(result);
    return finish(response, false);
  }
  if (auto shortfall = quota_shortfall(config, static_cast<int>(diff.replacements.size()))) {
    return finish(invalid_request("Insufficient resource quota: " + *shortfall), false);
  }

  UpdateRecord update;
  auto& summary = update.details.update.summary;
  summary.key.job = job;
  summary.key.id = core_.new_uuid();
  summary.user = core_.settings.user;
  if (request.__isset.metadata) summary.__set_metadata(request.metadata);
  summary.state.createdTimestampMs = core_.now();
  summary.state.lastModifiedTimestampMs = core_.now();
  auto& instructions = update.details.update.instructions;
  instructions.settings = settings;
  for (const auto& group : to_config_groups(diff.replaced)) {
    gen::InstanceTaskConfig initial;
    initial.task = group.config;
    initial.instances = group.instances;
    instructions.initialState.insert(initial);
  }
  if (!diff.replacements.empty()) {
    gen::InstanceTaskConfig desired;
    desired.task = config;
    desired.instances = to_ranges(diff.replacements);
    instructions.__set_desiredState(desired);
  }
  engine_.begin_pass(update, true);
  std::optional<std::string> audit_message;
  if (!message.empty()) audit_message = message;
  core_.record_update_status(
      update,
      is_coordinated(update) ? Status::ROLL_FORWARD_AWAITING_PULSE : Status::ROLLING_FORWARD,
      audit_message, core_.settings.user);
  gen::StartJobUpdateResult started;
  started.key = summary.key;
  started.__set_updateSummary(summary);
  core_.state.updates.push_back(std::move(update));
  gen::Result result;
  result.__set_startJobUpdateResult(started);
  return finish(ok_with(result), true);
}

gen::Response Scheduler::change_update_status(const gen::JobUpdateKey& key,
                                              const std::string& message,
                                              Status::type (*next)(Status::type, bool)) {
  std::lock_guard lock(mutex_);
  if (!is_valid(key.job)) {
    return finish(invalid_request("Invalid job key: " + java_string(key.job)), false);
  }
  UpdateRecord* update = core_.find_update(key);
  if (update == nullptr) {
    return finish(invalid_request("Update does not exist " + java_string(key)), false);
  }
  Status::type current = update->status();
  Status::type target = next(current, pulse_expired(*update));
  if (target == current) return finish(ok(), false);
  if (target == kNoTransition || !transition_allowed(current, target)) {
    std::string target_name =
        target == kNoTransition ? "a paused or active state" : status_name(target);
    return finish(invalid_request("Cannot transition update from " + status_name(current) + " to " +
                                  target_name),
                  false);
  }
  std::optional<std::string> audit_message;
  if (!message.empty()) audit_message = message;
  core_.record_update_status(*update, target, audit_message, core_.settings.user);
  if (target == Status::ROLLING_BACK && current != Status::ROLL_BACK_PAUSED &&
      current != Status::ROLL_BACK_AWAITING_PULSE) {
    engine_.begin_pass(*update, false);
  }
  return finish(ok(), true);
}

gen::Response Scheduler::pauseJobUpdate(const gen::JobUpdateKey& key, const std::string& message) {
  return change_update_status(key, message, pause_state);
}

gen::Response Scheduler::resumeJobUpdate(const gen::JobUpdateKey& key, const std::string& message) {
  return change_update_status(key, message, resume_state);
}

gen::Response Scheduler::abortJobUpdate(const gen::JobUpdateKey& key, const std::string& message) {
  return change_update_status(key, message, abort_state);
}

gen::Response Scheduler::rollbackJobUpdate(const gen::JobUpdateKey& key,
                                           const std::string& message) {
  return change_update_status(key, message, rollback_state);
}

gen::Response Scheduler::pulseJobUpdate(const gen::JobUpdateKey& key) {
  std::lock_guard lock(mutex_);
  if (!is_valid(key.job) || key.id.empty()) {
    return finish(invalid_request("Invalid update key: " + java_string(key)), false);
  }
  gen::PulseJobUpdateResult pulse;
  pulse.status = gen::JobUpdatePulseStatus::FINISHED;
  UpdateRecord* update = core_.find_update(key);
  bool mutated = false;
  if (update != nullptr && is_active(update->status()) && is_coordinated(*update)) {
    pulse.status = gen::JobUpdatePulseStatus::OK;
    update->progress.last_pulse_ms = core_.now();
    mutated = true;
    if (update->status() == Status::ROLL_FORWARD_AWAITING_PULSE) {
      core_.record_update_status(*update, Status::ROLLING_FORWARD);
    } else if (update->status() == Status::ROLL_BACK_AWAITING_PULSE) {
      core_.record_update_status(*update, Status::ROLLING_BACK);
    }
  }
  gen::Result result;
  result.__set_pulseJobUpdateResult(pulse);
  return finish(ok_with(result), mutated);
}

gen::Response Scheduler::getJobUpdateSummaries(const gen::JobUpdateQuery& query) {
  std::lock_guard lock(mutex_);
  std::vector<const UpdateRecord*> matches;
  for (const auto& update : core_.state.updates) {
    const auto& summary = update.details.update.summary;
    if (!query.role.empty() && summary.key.job.role != query.role) continue;
    // C++ clients always send default-requirement fields, so an empty key means "no key".
    bool has_key = !query.key.id.empty();
    if (has_key && !(summary.key.job == query.key.job && summary.key.id == query.key.id)) continue;
    bool has_job = !query.jobKey.role.empty();
    if (has_job && !(summary.key.job == query.jobKey)) continue;
    if (!query.user.empty() && summary.user != query.user) continue;
    if (!query.updateStatuses.empty() && query.updateStatuses.count(summary.state.status) == 0) {
      continue;
    }
    matches.push_back(&update);
  }
  std::stable_sort(matches.begin(), matches.end(), [](const auto* left, const auto* right) {
    return left->details.update.summary.state.createdTimestampMs >
           right->details.update.summary.state.createdTimestampMs;
  });
  if (query.offset > 0) {
    auto skip = std::min<std::size_t>(static_cast<std::size_t>(query.offset), matches.size());
    matches.erase(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(skip));
  }
  if (query.limit > 0 && matches.size() > static_cast<std::size_t>(query.limit)) {
    matches.resize(static_cast<std::size_t>(query.limit));
  }
  gen::GetJobUpdateSummariesResult summaries;
  for (const auto* update : matches) {
    summaries.updateSummaries.push_back(update->details.update.summary);
  }
  gen::Result result;
  result.__set_getJobUpdateSummariesResult(summaries);
  return finish(ok_with(result), false);
}

gen::Response Scheduler::getJobUpdateDetails(const gen::JobUpdateQuery& query) {
  gen::Response summaries = getJobUpdateSummaries(query);
  std::lock_guard lock(mutex_);
  gen::GetJobUpdateDetailsResult details;
  details.__isset.detailsList = true;
  for (const auto& summary : summaries.result.getJobUpdateSummariesResult.updateSummaries) {
    if (const UpdateRecord* update = core_.find_update(summary.key)) {
      details.detailsList.push_back(update->details);
    }
  }
  gen::Result result;
  result.__set_getJobUpdateDetailsResult(details);
  return finish(ok_with(result), false);
}

}  // namespace aurora::devcluster
