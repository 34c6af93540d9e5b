#include "commands/job/job_diff_render.hpp"

#include <algorithm>

#include "api/simple_json.hpp"
#include "errors/error.hpp"
#include "grammars/instance_spec.hpp"

namespace aurora::commands::job {
namespace {

using nlohmann::ordered_json;

// Thrift sets arrive in whatever order the sender's set had; their dumps give one order.
void sort_array(ordered_json& array) {
  if (!array.is_array()) return;
  std::vector<std::pair<std::string, ordered_json>> keyed;
  for (auto& element : array) keyed.emplace_back(element.dump(), std::move(element));
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  array = ordered_json::array();
  for (auto& [key, element] : keyed) array.push_back(std::move(element));
}

bool is_plain_key(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

std::string child_path(const std::string& parent, const std::string& key) {
  if (!is_plain_key(key)) return parent + "[" + ordered_json(key).dump() + "]";
  return parent.empty() ? key : parent + "." + key;
}

void compare(const ordered_json* local, const ordered_json* remote, const std::string& path,
             std::vector<FieldChange>& out) {
  if (local && remote && *local == *remote) return;
  if (local && remote && local->is_object() && remote->is_object()) {
    for (const auto& [key, value] : local->items()) {
      compare(&value, remote->contains(key) ? &(*remote)[key] : nullptr, child_path(path, key),
              out);
    }
    for (const auto& [key, value] : remote->items()) {
      if (!local->contains(key)) compare(nullptr, &value, child_path(path, key), out);
    }
    return;
  }
  if (local && remote && local->is_array() && remote->is_array() &&
      local->size() == remote->size()) {
    for (size_t i = 0; i < local->size(); ++i) {
      compare(&(*local)[i], &(*remote)[i], path + "[" + std::to_string(i) + "]", out);
    }
    return;
  }
  FieldChange change;
  change.path = path;
  change.has_local = local != nullptr;
  change.has_remote = remote != nullptr;
  if (local) change.local = *local;
  if (remote) change.remote = *remote;
  out.push_back(std::move(change));
}

// JSON text, except that a "\n" escape inside a string becomes a line break.
std::string with_real_newlines(const std::string& json_text) {
  std::string out;
  out.reserve(json_text.size());
  for (size_t i = 0; i < json_text.size(); ++i) {
    if (json_text[i] == '\\' && i + 1 < json_text.size()) {
      if (json_text[i + 1] == 'n') {
        out += '\n';
      } else {
        out += json_text[i];
        out += json_text[i + 1];
      }
      ++i;
      continue;
    }
    out += json_text[i];
  }
  return out;
}

}  // namespace

ordered_json canonical_task_json(const gen::TaskConfig& task) {
  ordered_json doc = api::to_simple_json(task);
  for (const char* field : {"constraints", "resources", "metadata", "mesosFetcherUris",
                            "requestedPorts"}) {
    if (doc.contains(field)) sort_array(doc[field]);
  }
  if (doc.contains("constraints")) {
    for (auto& constraint : doc["constraints"]) {
      if (constraint.contains("constraint") && constraint["constraint"].contains("value")) {
        sort_array(constraint["constraint"]["value"]["values"]);
      }
    }
    sort_array(doc["constraints"]);
  }
  if (doc.contains("executorConfig") && doc["executorConfig"].contains("data") &&
      doc["executorConfig"]["data"].is_string()) {
    // nlohmann::json keeps object keys sorted; re-reading its dump keeps that order.
    const auto data = nlohmann::json::parse(doc["executorConfig"]["data"].get<std::string>(),
                                            nullptr, false);
    if (!data.is_discarded()) doc["executorConfig"]["data"] = ordered_json::parse(data.dump());
  }
  return doc;
}

std::vector<InstanceGroup> group_instances(const std::map<int32_t, ordered_json>& configs) {
  std::vector<InstanceGroup> groups;
  for (const auto& entry : configs) {
    const auto& [instance, config] = entry;
    // The lambda names entry.second: clang before 16 cannot capture a structured binding.
    auto found = std::find_if(groups.begin(), groups.end(),
                              [&](const InstanceGroup& g) { return g.config == entry.second; });
    if (found == groups.end()) {
      groups.push_back({{instance}, config});
    } else {
      found->instances.push_back(instance);
    }
  }
  return groups;
}

std::string render_groups(const std::vector<InstanceGroup>& groups) {
  std::string out;
  for (const auto& group : groups) {
    if (!out.empty()) out += "\n";
    out += "instances: " + grammars::format_instances(group.instances) + "\n";
    out += with_real_newlines(group.config.dump(2)) + "\n";
  }
  return out;
}

std::vector<FieldChange> field_changes(const ordered_json& local, const ordered_json& remote) {
  std::vector<FieldChange> changes;
  compare(&local, &remote, "", changes);
  return changes;
}

std::vector<int32_t> instances_of(const std::set<gen::Range>& ranges) {
  std::vector<int32_t> ids;
  for (const auto& range : ranges) {
    if (static_cast<int64_t>(range.last) - range.first >= grammars::kMaxInstancesInSpec) {
      throw Error(ErrorKind::Unknown, "The scheduler answered with an instance range too large: " +
                                          std::to_string(range.first) + "-" +
                                          std::to_string(range.last));
    }
    for (int64_t id = range.first; id <= range.last; ++id) ids.push_back(static_cast<int32_t>(id));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace aurora::commands::job
