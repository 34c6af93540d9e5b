#pragma once
// Update summaries and details as the scheduler returns them, for the rendering tests.

#include <string>

#include "aurora_api_types.h"

namespace update_test {

// 2026-01-02T03:04:05Z in milliseconds, plus `extra_ms`.
inline int64_t at(int64_t extra_ms = 0) { return 1767323045000 + extra_ms; }

inline aurora::gen::JobUpdateSummary summary(const std::string& id,
                                             aurora::gen::JobUpdateStatus::type status,
                                             const std::string& name = "hello") {
  aurora::gen::JobUpdateSummary summary;
  summary.key.job.role = "www-data";
  summary.key.job.environment = "prod";
  summary.key.job.name = name;
  summary.key.id = id;
  summary.user = "alice";
  summary.state.status = status;
  summary.state.createdTimestampMs = at();
  summary.state.lastModifiedTimestampMs = at(61'999);
  return summary;
}

}  // namespace update_test
