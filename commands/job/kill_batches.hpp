#pragma once
// How a batched kill splits its work, and when its failures end it: pure, so it is tested alone.

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

namespace aurora::commands::job {

// The active instances the kill touches: active ∩ requested, or every active one when nothing
// was requested (killall). Requested instances that are not active are dropped.
std::set<int32_t> instances_to_kill(const std::set<int32_t>& active,
                                    const std::optional<std::vector<int32_t>>& requested);

// Removes and returns the `batch_size` smallest ids (upstream pops a set of small ints in
// ascending order). `batch_size` must be positive: a zero batch would be an empty kill, which the
// scheduler reads as "every instance".
std::vector<int32_t> take_batch(std::set<int32_t>& remaining, int batch_size);

// Counts batches whose tasks did not die in time; the kill stops once more than
// `max_total_failures` batches failed.
class KillFailureBudget {
 public:
  explicit KillFailureBudget(int max_total_failures) : max_total_failures_(max_total_failures) {}

  // Records one failed batch; true when that exceeds the budget.
  bool record_failure() { return ++failures_ > max_total_failures_; }
  int failures() const { return failures_; }

 private:
  int max_total_failures_;
  int failures_ = 0;
};

}  // namespace aurora::commands::job
