#pragma once
// The scheduler's API semantics, one method per Thrift call, over a mutex-guarded state that is
// saved after every change; the Thrift handler and the tests both drive this class.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "aurora_api_types.h"
#include "devcluster/scheduler_core.hpp"
#include "devcluster/state_file.hpp"
#include "devcluster/update_engine.hpp"

namespace aurora::devcluster {

class Scheduler {
 public:
  // Loads the state from `state_file` when given (and saves every change there).
  Scheduler(SchedulerSettings settings, const Clock& clock, TaskExecutor& executor,
            std::optional<StateFile> state_file = std::nullopt);

  // Advances time-driven progress: task transitions, updates, cron runs.
  void tick();

  // --- ReadOnlyScheduler ---
  gen::Response getRoleSummary();
  gen::Response getJobSummary(const std::string& role);
  gen::Response getTasksStatus(const gen::TaskQuery& query);
  gen::Response getTasksWithoutConfigs(const gen::TaskQuery& query);
  gen::Response getPendingReason(const gen::TaskQuery& query);
  gen::Response getConfigSummary(const gen::JobKey& job);
  gen::Response getJobs(const std::string& role);
  gen::Response getQuota(const std::string& role);
  gen::Response populateJobConfig(const gen::JobConfiguration& description);
  gen::Response getJobUpdateSummaries(const gen::JobUpdateQuery& query);
  gen::Response getJobUpdateDetails(const gen::JobUpdateQuery& query);
  gen::Response getJobUpdateDiff(const gen::JobUpdateRequest& request);
  gen::Response getTierConfigs();

  // --- AuroraSchedulerManager ---
  gen::Response createJob(const gen::JobConfiguration& description);
  gen::Response scheduleCronJob(const gen::JobConfiguration& description);
  gen::Response replaceCronTemplate(const gen::JobConfiguration& description);
  gen::Response descheduleCronJob(const gen::JobKey& job);
  gen::Response startCronJob(const gen::JobKey& job);
  gen::Response restartShards(const gen::JobKey& job, const std::set<int32_t>& shards);
  gen::Response killTasks(const gen::JobKey& job, const std::set<int32_t>& instances,
                          const std::string& message);
  gen::Response addInstances(const gen::InstanceKey& key, int32_t count);
  gen::Response startJobUpdate(const gen::JobUpdateRequest& request, const std::string& message);
  gen::Response pauseJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response resumeJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response abortJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response rollbackJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response pulseJobUpdate(const gen::JobUpdateKey& key);

  // --- AuroraAdmin (the parts a devcluster needs) ---
  gen::Response setQuota(const std::string& role, const gen::ResourceAggregate& quota);
  gen::Response forceTaskState(const std::string& task_id, gen::ScheduleStatus::type status);

  // A copy of the whole state, for tests.
  ClusterState snapshot();

 private:
  // Stamps serverInfo, saves the state if `mutated`, and returns the response (ERROR, with the
  // change undone, when the state cannot be saved).
  gen::Response finish(gen::Response response, bool mutated);
  // Saves the state; when that fails, reloads the last saved one and returns why.
  std::optional<std::string> persist();
  std::vector<gen::ScheduledTask> matching_tasks(const gen::TaskQuery& query) const;
  gen::Response cron_template(const gen::JobConfiguration& description, bool update_only);
  void run_cron_job(const gen::JobConfiguration& job);
  bool run_due_cron_jobs();
  std::optional<std::string> quota_shortfall(const gen::TaskConfig& task, int count) const;
  gen::Response change_update_status(const gen::JobUpdateKey& key, const std::string& message,
                                     gen::JobUpdateStatus::type (*next)(gen::JobUpdateStatus::type,
                                                                        bool pulse_expired));
  bool pulse_expired(const UpdateRecord& update) const;

  std::mutex mutex_;
  SchedulerCore core_;
  UpdateEngine engine_;
  std::optional<StateFile> state_file_;
  // When each cron job runs next (by canonical key); recomputed after a run or a new schedule.
  std::map<std::string, int64_t> cron_next_run_ms_;
  // Set while saves fail, so a full disk is logged once rather than on every tick.
  bool save_failing_ = false;
};

}  // namespace aurora::devcluster
