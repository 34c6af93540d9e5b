#pragma once
// Upstream's FailureThreshold for the client-side restart: when failed instances end it.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace aurora::commands::job {

class RestartFailureThreshold {
 public:
  RestartFailureThreshold(int max_per_instance_failures, int max_total_failures)
      : max_per_instance_(max_per_instance_failures), max_total_(max_total_failures) {}

  // One more failure for each listed instance.
  void record(const std::vector<int32_t>& failed_instances);

  // Instances that failed more than --max-per-instance-failures times.
  int failed_instance_count() const;
  // True once failed_instance_count() exceeds --max-total-failures.
  bool exceeded() const { return failed_instance_count() > max_total_; }

  // The ERROR lines upstream logs when the threshold is exceeded: the total, then one line per
  // instance over its own limit.
  std::vector<std::string> explanation() const;

 private:
  int max_per_instance_;
  int max_total_;
  std::map<int32_t, int> failures_by_instance_;
};

}  // namespace aurora::commands::job
