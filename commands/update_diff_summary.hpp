#pragma once
// "This job update will:" — the instance summary of getJobUpdateDiff that update start and job
// diff print (spec §7.2).

#include <string>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::commands {

// "[2-3], [5]": ranges sorted by their first instance.
std::string render_ranges(std::vector<gen::Range> ranges);

// The summary lines, without per-task diffs; update groups are merged into one line. Unlike
// upstream, "remove instances:" is printed once.
std::vector<std::string> update_diff_summary(const gen::GetJobUpdateDiffResult& diff);

}  // namespace aurora::commands
