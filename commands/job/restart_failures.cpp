#include "commands/job/restart_failures.hpp"

namespace aurora::commands::job {

void RestartFailureThreshold::record(const std::vector<int32_t>& failed_instances) {
  for (int32_t id : failed_instances) ++failures_by_instance_[id];
}

int RestartFailureThreshold::failed_instance_count() const {
  int count = 0;
  for (const auto& [id, failures] : failures_by_instance_) {
    if (failures > max_per_instance_) ++count;
  }
  return count;
}

std::vector<std::string> RestartFailureThreshold::explanation() const {
  std::vector<std::string> lines = {std::to_string(failed_instance_count()) +
                                    " failed instances observed, maximum allowed is " +
                                    std::to_string(max_total_)};
  for (const auto& [id, failures] : failures_by_instance_) {
    if (failures <= max_per_instance_) continue;
    lines.push_back(std::to_string(failures) + " instance failures for instance " +
                    std::to_string(id) + ", maximum allowed is " +
                    std::to_string(max_per_instance_));
  }
  return lines;
}

}  // namespace aurora::commands::job
