#pragma once
// CLUSTER/ROLE/ENV/NAME[/INSTANCES]: a job and, optionally, which of its instances.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammars/job_key.hpp"

namespace aurora::grammars {

// Upper bound on the instances one spec may name; the scheduler caps jobs far lower, and the
// bound keeps `0-2000000000` from exhausting memory.
inline constexpr int64_t kMaxInstancesInSpec = 1'000'000;

// "0-2,5,7-9" → sorted, de-duplicated ids; "" → nullopt (all instances). Each item is N or A-B
// (inclusive; a middle piece of 1-2-3 is ignored, as upstream). Throws GrammarError.
std::optional<std::vector<int32_t>> parse_instances(std::string_view text);

// The inverse for display: [0, 1, 2, 5] → "0-2,5".
std::string format_instances(const std::vector<int32_t>& sorted_ids);

struct InstanceSpec {
  JobKey job;
  std::optional<std::vector<int32_t>> instances;  // nullopt: every instance

  static InstanceSpec parse(std::string_view text);
};

}  // namespace aurora::grammars
