#pragma once
// The state plus what mutates it (clock, settings, executor), shared by the scheduler's parts.

#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "devcluster/clock.hpp"
#include "devcluster/cluster_state.hpp"
#include "devcluster/task_executor.hpp"

namespace aurora::devcluster {

struct SchedulerSettings {
  std::string cluster_name = "devcluster";
  // The agent host tasks run on and the name recorded in task events.
  std::string hostname = "127.0.0.1";
  std::string agent_id = "devcluster-agent-S0";
  // The remote user the scheduler records when requests carry no credentials.
  std::string user = "UNSECURE";
  // Every delay is divided by this.
  double speed = 1.0;
  // Time each of PENDING, ASSIGNED, STARTING, KILLING and RESTARTING lasts, before scaling.
  int64_t step_ms = 1000;
  // How long a simulated non-service task runs before it finishes, before scaling.
  int64_t simulated_run_ms = 5000;
  // Processes really run (--run-tasks): after a restart, tasks that were on the agent are LOST
  // (and rescheduled), as when a Mesos agent goes away.
  bool tasks_run_processes = false;
  int max_tasks_per_job = 4000;
  int max_update_instance_failures = 20000;
};

struct SchedulerCore {
  SchedulerCore(SchedulerSettings settings, const Clock& clock, TaskExecutor& executor);

  SchedulerSettings settings;
  const Clock& clock;
  TaskExecutor& executor;
  ClusterState state;
  std::mt19937_64 random;

  int64_t now() const { return clock.now_ms(); }
  // A delay of `ms` at the configured speed.
  int64_t scaled(int64_t ms) const;
  std::string new_uuid();

  // --- tasks ---
  // Creates a PENDING task for `instance` of `config`; returns its id.
  std::string insert_pending_task(const gen::TaskConfig& config, int instance,
                                  int failure_count = 0, const std::string& ancestor = "");
  // Moves a task to `status` with an event (and reschedules it when the scheduler would).
  void change_state(const std::string& task_id, gen::ScheduleStatus::type status,
                    const std::optional<std::string>& message = std::nullopt);
  // KILLING for assigned tasks, KILLED for pending ones. False if the task is not active.
  bool kill_task(const std::string& task_id, const std::string& message);
  // The non-terminal task of an instance, if any.
  const gen::ScheduledTask* active_task(const gen::JobKey& job, int instance) const;
  std::vector<const gen::ScheduledTask*> active_tasks(const gen::JobKey& job) const;
  bool job_exists(const gen::JobKey& job) const;
  // Marks tasks that were on the agent when the scheduler stopped as LOST (see settings); updates
  // in flight watch the replacements instead.
  bool lose_tasks_left_on_agent();
  // Advances timed task transitions and collects really-run task exits. True if anything changed.
  bool advance_tasks();

  // --- updates ---
  UpdateRecord* find_update(const gen::JobUpdateKey& key);
  UpdateRecord* active_update(const gen::JobKey& job);
  void record_update_status(UpdateRecord& update, gen::JobUpdateStatus::type status,
                            const std::optional<std::string>& message = std::nullopt,
                            const std::optional<std::string>& user = std::nullopt);
  void record_instance_event(UpdateRecord& update, int instance, gen::JobUpdateAction::type action);

 private:
  void reschedule_if_needed(const gen::ScheduledTask& task, gen::ScheduleStatus::type previous);
  void prune_history(const gen::JobKey& job);
};

}  // namespace aurora::devcluster
