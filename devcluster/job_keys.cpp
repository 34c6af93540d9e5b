#include "devcluster/job_keys.hpp"

#include <regex>

#include "aurora_api_constants.h"

namespace aurora::devcluster {

std::string canonical(const gen::JobKey& key) {
  return key.role + "/" + key.environment + "/" + key.name;
}

std::string java_string(const gen::JobKey& key) {
  return "JobKey(role:" + key.role + ", environment:" + key.environment + ", name:" + key.name +
         ")";
}

std::string java_string(const gen::JobUpdateKey& key) {
  return "JobUpdateKey(job:" + java_string(key.job) + ", id:" + key.id + ")";
}

namespace {

// Java's Collection.toString(): "[a, b]".
template <typename Set, typename Show>
std::string java_list(const Set& values, const Show& show) {
  std::string text = "[";
  for (const auto& value : values) text += (text.size() > 1 ? ", " : "") + show(value);
  return text + "]";
}

}  // namespace

std::string java_string(const gen::TaskQuery& query) {
  const auto text = [](bool present, const std::string& value) {
    return present ? value : std::string("null");
  };
  const auto same = [](const std::string& value) { return value; };
  const auto number = [](int32_t value) { return std::to_string(value); };
  const auto status = [](gen::ScheduleStatus::type value) { return status_name(value); };
  const auto key = [](const gen::JobKey& value) { return java_string(value); };
  // A field counts as sent when marked set or not empty (tests fill fields without marking).
  const auto& isset = query.__isset;
  return "TaskQuery(role:" + text(isset.role || !query.role.empty(), query.role) +
         ", environment:" +
         text(isset.environment || !query.environment.empty(), query.environment) +
         ", jobName:" + text(isset.jobName || !query.jobName.empty(), query.jobName) +
         ", taskIds:" +
         text(isset.taskIds || !query.taskIds.empty(), java_list(query.taskIds, same)) +
         ", statuses:" +
         text(isset.statuses || !query.statuses.empty(), java_list(query.statuses, status)) +
         ", instanceIds:" +
         text(isset.instanceIds || !query.instanceIds.empty(),
              java_list(query.instanceIds, number)) +
         ", slaveHosts:" +
         text(isset.slaveHosts || !query.slaveHosts.empty(), java_list(query.slaveHosts, same)) +
         ", jobKeys:" +
         text(isset.jobKeys || !query.jobKeys.empty(), java_list(query.jobKeys, key)) +
         ", offset:" + std::to_string(query.offset) + ", limit:" + std::to_string(query.limit) +
         ")";
}

bool is_good_identifier(const std::string& value) {
  static const std::regex pattern("^[\\w\\-\\.]+$");
  return std::regex_match(value, pattern);
}

bool is_valid(const gen::JobKey& key) {
  return is_good_identifier(key.role) && is_good_identifier(key.environment) &&
         is_good_identifier(key.name);
}

std::set<gen::Range> to_ranges(const std::set<int>& instances) {
  std::set<gen::Range> ranges;
  auto it = instances.begin();
  while (it != instances.end()) {
    gen::Range range;
    range.first = *it;
    range.last = *it;
    for (++it; it != instances.end() && *it == range.last + 1; ++it) range.last = *it;
    ranges.insert(range);
  }
  return ranges;
}

std::set<int> from_ranges(const std::set<gen::Range>& ranges) {
  std::set<int> instances;
  for (const auto& range : ranges) {
    for (int i = range.first; i <= range.last; ++i) instances.insert(i);
  }
  return instances;
}

bool is_active(gen::ScheduleStatus::type status) {
  return gen::g_aurora_api_constants.ACTIVE_STATES.count(status) > 0;
}

bool is_terminal(gen::ScheduleStatus::type status) {
  return gen::g_aurora_api_constants.TERMINAL_STATES.count(status) > 0;
}

bool is_active(gen::JobUpdateStatus::type status) {
  return gen::g_aurora_api_constants.ACTIVE_JOB_UPDATE_STATES.count(status) > 0;
}

std::string status_name(gen::ScheduleStatus::type status) { return gen::to_string(status); }

std::string status_name(gen::JobUpdateStatus::type status) { return gen::to_string(status); }

std::string active_update_states_text() {
  return "[ROLLING_FORWARD, ROLLING_BACK, ROLL_FORWARD_PAUSED, ROLL_BACK_PAUSED, "
         "ROLL_FORWARD_AWAITING_PULSE, ROLL_BACK_AWAITING_PULSE]";
}

}  // namespace aurora::devcluster
