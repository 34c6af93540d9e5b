#include "devcluster/job_diff.hpp"

#include <vector>

#include "devcluster/job_keys.hpp"

namespace aurora::devcluster {

JobDiff compute_job_diff(const std::map<int, gen::TaskConfig>& current,
                         const gen::TaskConfig& proposed, int instance_count,
                         const std::set<int>& scope) {
  JobDiff diff;
  auto in_scope = [&](int instance) { return scope.empty() || scope.count(instance) > 0; };
  std::set<int> touched;
  for (const auto& [instance, config] : current) {
    bool kept = instance < instance_count;
    if (kept && config == proposed) {
      diff.unchanged[instance] = config;
      continue;
    }
    if (!in_scope(instance)) {
      diff.unchanged[instance] = config;
      continue;
    }
    diff.replaced[instance] = config;
    if (kept) diff.replacements.insert(instance);
    touched.insert(instance);
  }
  for (int instance = 0; instance < instance_count; ++instance) {
    if (current.count(instance) > 0 || !in_scope(instance)) continue;
    diff.replacements.insert(instance);
    touched.insert(instance);
  }
  for (int instance : scope) {
    if (touched.count(instance) == 0) diff.out_of_scope.insert(instance);
  }
  return diff;
}

std::set<gen::ConfigGroup> to_config_groups(const std::map<int, gen::TaskConfig>& instances) {
  std::vector<std::pair<gen::TaskConfig, std::set<int>>> groups;
  for (const auto& [instance, config] : instances) {
    bool placed = false;
    for (auto& [group_config, members] : groups) {
      if (group_config == config) {
        members.insert(instance);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push_back({config, {instance}});
  }
  std::set<gen::ConfigGroup> result;
  for (const auto& [config, members] : groups) {
    gen::ConfigGroup group;
    group.config = config;
    group.instances = to_ranges(members);
    result.insert(group);
  }
  return result;
}

}  // namespace aurora::devcluster
