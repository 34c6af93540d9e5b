#include "commands/sla/uptime.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "commands/scheduler_terms.hpp"
#include "grammars/duration.hpp"

namespace aurora::commands::sla {

std::map<int32_t, double> instance_uptimes(const std::vector<gen::ScheduledTask>& tasks,
                                           double now_seconds) {
  std::map<int32_t, double> uptimes;
  for (const auto& task : tasks) {
    for (const auto& event : task.taskEvents) {
      if (event.status != gen::ScheduleStatus::RUNNING) continue;
      // Python 2: timestamp // 1000 floors toward minus infinity.
      const double started = std::floor(static_cast<double>(event.timestamp) / 1000.0);
      uptimes[task.assignedTask.instanceId] = std::floor(now_seconds - started);
      break;
    }
  }
  return uptimes;
}

double task_up_count(const std::map<int32_t, double>& uptimes, int64_t duration_seconds) {
  if (uptimes.empty()) return 0;
  const auto above = std::count_if(uptimes.begin(), uptimes.end(), [&](const auto& entry) {
    return entry.second >= static_cast<double>(duration_seconds);
  });
  return 100.0 * static_cast<double>(above) / static_cast<double>(uptimes.size());
}

UptimeValue job_uptime(const std::map<int32_t, double>& uptimes, double percentile) {
  const auto total = static_cast<int64_t>(uptimes.size());
  const auto index =
      total - static_cast<int64_t>(std::floor(percentile / 100.0 * static_cast<double>(total))) - 1;
  if (index < 0 || index >= total) return 0;
  std::vector<double> sorted;
  for (const auto& [id, uptime] : uptimes) sorted.push_back(uptime);
  std::sort(sorted.begin(), sorted.end());
  return sorted[static_cast<size_t>(index)];
}

std::string task_up_count_line(int64_t duration_seconds, double percentage) {
  char number[64];
  std::snprintf(number, sizeof number, "%.2f", percentage);
  return grammars::format_duration(duration_seconds) + "\t- " + number + " %";
}

std::string job_uptime_line(double percentile, const UptimeValue& value) {
  const std::string shown = std::holds_alternative<int>(value)
                                ? std::to_string(std::get<int>(value))
                                : python_float_str(std::get<double>(value));
  return python_float_str(percentile) + " percentile\t- " + shown + " seconds";
}

std::vector<int64_t> default_durations() { return {60, 600, 3600, 43200, 604800}; }

std::vector<double> default_percentiles() { return {99, 95, 90, 85, 75, 60, 50, 30, 10}; }

}  // namespace aurora::commands::sla
