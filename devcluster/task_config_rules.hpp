#pragma once
// The scheduler checks and fills in every config it is given; equal inputs must populate equally
// so that a re-submitted config is recognised as unchanged.

#include <map>
#include <stdexcept>
#include <string>

#include "aurora_api_types.h"

namespace aurora::devcluster {

// A config the real scheduler would reject; what() is its message.
class InvalidConfig : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Upstream's default tiers (tiers.json): preemptible, preferred (the default), revocable.
gen::GetTierConfigResult default_tiers();

// Checks a task config and returns it with defaults applied (tier, production, links, job).
gen::TaskConfig validate_and_populate(const gen::TaskConfig& task);
// Checks a job config (key, instance count, owner, cron/service) and populates its task.
gen::JobConfiguration validate_and_populate(const gen::JobConfiguration& job);

bool is_dedicated(const gen::TaskConfig& task);
bool is_production(const gen::TaskConfig& task);

// The summed numCpus/ramMb/diskMb/numGpus of `task` times `count`.
struct ResourceTotals {
  double cpus = 0;
  int64_t ram_mb = 0;
  int64_t disk_mb = 0;
  int64_t gpus = 0;

  void add(const gen::TaskConfig& task, int count = 1);
  void add(const gen::ResourceAggregate& aggregate);
  gen::ResourceAggregate to_aggregate() const;
};

}  // namespace aurora::devcluster
