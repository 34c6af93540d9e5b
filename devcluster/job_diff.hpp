#pragma once
// What an update would do to a job: the same diff drives getJobUpdateDiff and startJobUpdate.

#include <map>
#include <set>

#include "aurora_api_types.h"

namespace aurora::devcluster {

struct JobDiff {
  // Instances whose current config goes away (updated or removed), with that config.
  std::map<int, gen::TaskConfig> replaced;
  // Instances that get the proposed config (updated or added).
  std::set<int> replacements;
  // Instances left as they are, with their config.
  std::map<int, gen::TaskConfig> unchanged;
  // Instances named in the scope that the update would not touch.
  std::set<int> out_of_scope;

  bool is_noop() const { return replaced.empty() && replacements.empty(); }
};

// `current`: the active config per instance. `scope`: updateOnlyTheseInstances (empty = all).
JobDiff compute_job_diff(const std::map<int, gen::TaskConfig>& current,
                         const gen::TaskConfig& proposed, int instance_count,
                         const std::set<int>& scope);

// Groups instances by config, as ConfigGroups with contiguous ranges.
std::set<gen::ConfigGroup> to_config_groups(const std::map<int, gen::TaskConfig>& instances);

}  // namespace aurora::devcluster
