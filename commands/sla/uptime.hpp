#pragma once
// Upstream's job uptime vector (api/sla.py) and the two statistics the sla verbs print from it.

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::commands::sla {

// Seconds each instance has been up at `now_seconds`: from the first RUNNING event of its task,
// floor(now - floor(timestamp_ms / 1000)). Tasks that never ran are left out; when two tasks share
// an instance id, the later one in the list wins.
std::map<int32_t, double> instance_uptimes(const std::vector<gen::ScheduledTask>& tasks,
                                           double now_seconds);

// Percentage of instances up for at least `duration_seconds` (0 when there are none).
double task_up_count(const std::map<int32_t, double>& uptimes, int64_t duration_seconds);

// The uptime at `percentile`: sorted uptimes at n - floor(p/100 * n) - 1, or the integer 0 when
// that index is out of range (upstream prints "0", not "0.0", then).
using UptimeValue = std::variant<double, int>;
UptimeValue job_uptime(const std::map<int32_t, double>& uptimes, double percentile);

// "1 mins\t- 100.00 %"
std::string task_up_count_line(int64_t duration_seconds, double percentage);
// "99.0 percentile\t- 295253953.0 seconds"
std::string job_uptime_line(double percentile, const UptimeValue& value);

// Upstream's defaults: 1m,10m,1h,12h,7d and 99,95,90,85,75,60,50,30,10.
std::vector<int64_t> default_durations();
std::vector<double> default_percentiles();

}  // namespace aurora::commands::sla
