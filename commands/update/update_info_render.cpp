// Rendering of getJobUpdateDetails for `update info`.
#include "commands/update/update_info_render.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "commands/scheduler_terms.hpp"

namespace aurora::commands::update {
namespace {

std::string action_name(gen::JobUpdateAction::type action) {
  auto found = gen::_JobUpdateAction_VALUES_TO_NAMES.find(action);
  return found == gen::_JobUpdateAction_VALUES_TO_NAMES.end() ? std::to_string(action)
                                                              : found->second;
}

// Upstream sorts metadata by (key, value).
std::vector<std::pair<std::string, std::string>> sorted_metadata(
    const gen::JobUpdateSummary& summary) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& entry : summary.metadata) entries.emplace_back(entry.key, entry.value);
  std::sort(entries.begin(), entries.end());
  return entries;
}

// print_out's indent: every line of `text` gets `spaces` in front.
std::string indented(const std::string& text, int spaces) {
  const std::string pad(static_cast<size_t>(spaces), ' ');
  std::string out = pad;
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace

std::string update_info_text(const std::string& jobspec, const gen::JobUpdateDetails& details) {
  const auto& summary = details.update.summary;
  std::string out = "Job: " + jobspec + ", UpdateID: " + summary.key.id + "\n";
  out += "Started " + iso_utc(summary.state.createdTimestampMs) +
         ", last activity: " + iso_utc(summary.state.lastModifiedTimestampMs) + "\n";
  out += "Current status: " + update_status_name(summary.state.status) + "\n";
  if (!details.updateEvents.empty()) {
    out += "Update events:\n";
    for (const auto& event : details.updateEvents) {
      out += indented("Status: " + update_status_name(event.status) + " at " +
                          iso_utc(event.timestampMs),
                      2) +
             "\n";
      if (!event.message.empty()) out += indented("  message: " + event.message, 4) + "\n";
    }
  }
  if (!details.instanceEvents.empty()) {
    out += "Instance events:\n";
    for (const auto& event : details.instanceEvents) {
      out += indented("Instance " + std::to_string(event.instanceId) + " at " +
                          iso_utc(event.timestampMs) + ": " + action_name(event.action),
                      2) +
             "\n";
    }
  }
  if (summary.__isset.metadata) {
    out += "Metadata:\n";
    for (const auto& [key, value] : sorted_metadata(summary)) {
      out += indented(key + ": " + value, 2) + "\n";
    }
  }
  out.pop_back();  // print_out adds the last newline
  return out;
}

nlohmann::ordered_json update_info_json(const std::string& jobspec,
                                        const gen::JobUpdateDetails& details) {
  using nlohmann::ordered_json;
  const auto& summary = details.update.summary;
  ordered_json update_events = ordered_json::array();
  for (const auto& event : details.updateEvents) {
    ordered_json entry;
    entry["status"] = update_status_name(event.status);
    if (!event.message.empty()) entry["message"] = event.message;
    entry["timestampMs"] = event.timestampMs;
    update_events.push_back(std::move(entry));
  }
  ordered_json instance_events = ordered_json::array();
  for (const auto& event : details.instanceEvents) {
    ordered_json entry;
    entry["action"] = action_name(event.action);
    entry["instance"] = event.instanceId;
    entry["timestamp"] = event.timestampMs;
    instance_events.push_back(std::move(entry));
  }
  ordered_json doc;
  doc["status"] = update_status_name(summary.state.status);
  doc["started"] = summary.state.createdTimestampMs;
  doc["update_events"] = std::move(update_events);
  doc["job"] = jobspec;
  doc["last_modified"] = iso_utc(summary.state.lastModifiedTimestampMs);
  doc["updateId"] = summary.key.id;
  doc["instance_update_events"] = std::move(instance_events);
  if (summary.__isset.metadata) {
    ordered_json metadata = ordered_json::array();
    for (const auto& [key, value] : sorted_metadata(summary)) {
      metadata.push_back(ordered_json{{key, value}});
    }
    doc["metadata"] = std::move(metadata);
  }
  return doc;
}

}  // namespace aurora::commands::update
