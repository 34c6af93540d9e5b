#pragma once
// Scheduler vocabulary the verbs share: task state sets, key conversion, resource rendering.

#include <set>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "grammars/job_key.hpp"

namespace aurora::commands {

// Upstream's ACTIVE_STATES, LIVE_STATES and TERMINAL_STATES.
const std::set<gen::ScheduleStatus::type>& active_states();
const std::set<gen::ScheduleStatus::type>& live_states();
const std::set<gen::ScheduleStatus::type>& terminal_states();
// ACTIVE_JOB_UPDATE_STATES.
const std::set<gen::JobUpdateStatus::type>& active_update_states();

std::string status_name(gen::ScheduleStatus::type status);
std::string update_status_name(gen::JobUpdateStatus::type status);

gen::JobKey to_thrift(const grammars::JobKey& key);

// "CPU: 1.0 core(s), RAM: 128 MB, Disk: 128 MB, Port: http" in upstream's order (CPU, RAM, Disk,
// Port, GPU).
std::vector<std::string> resource_texts(const std::set<gen::Resource>& resources);

// Python 2 str() of a float: "1.0", "0.5", "10.0", 12 significant digits.
std::string python_float_str(double value);

// "YYYY-MM-DDTHH:MM:SS" in UTC from milliseconds (integer-divided), as update list/info print.
std::string iso_utc(int64_t milliseconds);
// "YYYY-MM-DD HH:MM:SS" in local time (TZ), as job status prints task events.
std::string local_time(int64_t milliseconds);

}  // namespace aurora::commands
