#pragma once
// Cron jobs run on a five-field crontab schedule (minute hour day-of-month month day-of-week), UTC.

#include <cstdint>
#include <optional>
#include <string>

namespace aurora::devcluster {

bool is_valid_cron_schedule(const std::string& schedule);
// The first minute strictly after `after_ms` that the schedule names; nullopt if invalid or none
// within a year.
std::optional<int64_t> next_cron_run_ms(const std::string& schedule, int64_t after_ms);

}  // namespace aurora::devcluster
