#pragma once
// Job keys, instance ranges and status groups are spelled the scheduler's way in every message.

#include <set>
#include <string>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::devcluster {

// "role/env/name", upstream's JobKeys.canonicalString.
std::string canonical(const gen::JobKey& key);
// "JobKey(role:r, environment:e, name:n)", how the Java scheduler prints a key in messages.
std::string java_string(const gen::JobKey& key);
std::string java_string(const gen::JobUpdateKey& key);
// "TaskQuery(role:null, ..., jobKeys:[JobKey(...)], offset:0, limit:0)": every field in IDL order,
// null for one the request left out (upstream's fields have default requiredness).
std::string java_string(const gen::TaskQuery& query);
// Each part matches ^[\w\-\.]+$.
bool is_good_identifier(const std::string& value);
bool is_valid(const gen::JobKey& key);

std::set<gen::Range> to_ranges(const std::set<int>& instances);
std::set<int> from_ranges(const std::set<gen::Range>& ranges);

bool is_active(gen::ScheduleStatus::type status);
bool is_terminal(gen::ScheduleStatus::type status);
bool is_active(gen::JobUpdateStatus::type status);
std::string status_name(gen::ScheduleStatus::type status);
std::string status_name(gen::JobUpdateStatus::type status);

// "[ROLLING_FORWARD, ROLLING_BACK, ...]" as Java prints the active update states.
std::string active_update_states_text();

}  // namespace aurora::devcluster
