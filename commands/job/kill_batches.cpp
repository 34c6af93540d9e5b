#include "commands/job/kill_batches.hpp"

#include <stdexcept>

namespace aurora::commands::job {

std::set<int32_t> instances_to_kill(const std::set<int32_t>& active,
                                    const std::optional<std::vector<int32_t>>& requested) {
  if (!requested) return active;
  std::set<int32_t> chosen;
  for (int32_t id : *requested) {
    if (active.count(id)) chosen.insert(id);
  }
  return chosen;
}

std::vector<int32_t> take_batch(std::set<int32_t>& remaining, int batch_size) {
  if (batch_size < 1) throw std::invalid_argument("batch size must be positive");
  std::vector<int32_t> batch;
  while (!remaining.empty() && static_cast<int>(batch.size()) < batch_size) {
    batch.push_back(*remaining.begin());
    remaining.erase(remaining.begin());
  }
  return batch;
}

}  // namespace aurora::commands::job
