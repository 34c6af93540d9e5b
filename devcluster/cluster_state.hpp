#pragma once
// Everything the scheduler knows, in one value, so that persistence is "write this struct".

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::devcluster {

// Where one instance stands inside an update that is rolling forward or back.
struct InstanceProgress {
  enum class Phase { Waiting, Working, Succeeded, Failed };
  Phase phase = Phase::Waiting;
  int failures = 0;
  // The task with the target config that the updater is watching ("" until there is one).
  std::string watched_task_id;
  std::string failure_reason;
};

// The updater's bookkeeping for one direction (forward or rollback) of an update.
struct UpdateProgress {
  // Instances in the order they are processed.
  std::vector<int> order;
  std::map<int, InstanceProgress> instances;
  // Index into `order` of the next instance to start.
  std::size_t next_index = 0;
  // Batch strategies: how many batches have been started, and whether one is in flight.
  int batches_started = 0;
  bool batch_in_flight = false;
  // Last pulseJobUpdate time (coordinated updates).
  int64_t last_pulse_ms = 0;
};

struct UpdateRecord {
  gen::JobUpdateDetails details;
  UpdateProgress progress;

  const gen::JobUpdateKey& key() const { return details.update.summary.key; }
  gen::JobUpdateStatus::type status() const { return details.update.summary.state.status; }
};

struct ClusterState {
  // Every task the scheduler has created, by task id (terminal ones are kept as history).
  std::map<std::string, gen::ScheduledTask> tasks;
  // Cron templates by canonical job key.
  std::map<std::string, gen::JobConfiguration> cron_jobs;
  // Last time each cron job was triggered (by canonical key).
  std::map<std::string, int64_t> cron_last_run_ms;
  // Updates in creation order.
  std::vector<UpdateRecord> updates;
  // Quotas set through setQuota, by role.
  std::map<std::string, gen::ResourceAggregate> quotas;
  // Next host port handed out to a task's named port.
  int next_port = 31000;
};

}  // namespace aurora::devcluster
