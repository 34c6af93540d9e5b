#pragma once
// job diff's canonical view of task configs: the same config always renders to the same text and
// JSON (sets sorted, executor data expanded), so that a diff shows only what really changed.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aurora_api_types.h"

namespace aurora::commands::job {

// A TaskConfig as JSON keyed by IDL field names (field-id order), with the set-valued fields
// (constraints, resources, metadata, mesosFetcherUris, requestedPorts, constraint values)
// sorted, and executorConfig.data parsed into an object with sorted keys when it is JSON.
nlohmann::ordered_json canonical_task_json(const gen::TaskConfig& task);

// Instances sharing one config, in ascending order.
struct InstanceGroup {
  std::vector<int32_t> instances;
  nlohmann::ordered_json config;  // canonical_task_json
};

// Groups instance → canonical config into runs of equal configs, ordered by first instance.
std::vector<InstanceGroup> group_instances(const std::map<int32_t, nlohmann::ordered_json>& configs);

// The diff program's input for one side: per group an "instances: 0-2,5" line, then the config
// pretty-printed (two-space indent; "\n" inside strings becomes a real line break, so multi-line
// command lines read as lines). Groups are separated by an empty line.
std::string render_groups(const std::vector<InstanceGroup>& groups);

// One leaf that differs between two canonical configs. A side that lacks the field is null in
// `local`/`remote` and flagged by has_local/has_remote.
struct FieldChange {
  std::string path;  // "maxTaskFailures", "executorConfig.data.task.processes[0].cmdline"
  bool has_local = false;
  bool has_remote = false;
  nlohmann::ordered_json local;
  nlohmann::ordered_json remote;
};

// Compares field by field: objects by key, arrays of equal length element by element, anything
// else as a whole value.
std::vector<FieldChange> field_changes(const nlohmann::ordered_json& local,
                                       const nlohmann::ordered_json& remote);

// Every instance id the ranges cover, ascending.
std::vector<int32_t> instances_of(const std::set<gen::Range>& ranges);

}  // namespace aurora::commands::job
