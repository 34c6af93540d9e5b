#include "commands/update_diff_summary.hpp"

#include <algorithm>

namespace aurora::commands {
namespace {

std::vector<gen::Range> ranges_of(const std::set<gen::ConfigGroup>& groups) {
  std::vector<gen::Range> ranges;
  for (const auto& group : groups) ranges.insert(ranges.end(), group.instances.begin(), group.instances.end());
  return ranges;
}

}  // namespace

std::string render_ranges(std::vector<gen::Range> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const gen::Range& a, const gen::Range& b) { return a.first < b.first; });
  std::string out;
  for (const auto& range : ranges) {
    out += out.empty() ? "" : ", ";
    out += range.first == range.last
               ? "[" + std::to_string(range.first) + "]"
               : "[" + std::to_string(range.first) + "-" + std::to_string(range.last) + "]";
  }
  return out;
}

std::vector<std::string> update_diff_summary(const gen::GetJobUpdateDiffResult& diff) {
  std::vector<std::string> lines = {"This job update will:"};
  const std::pair<const char*, const std::set<gen::ConfigGroup>*> groups[] = {
      {"add instances: ", &diff.add},
      {"remove instances: ", &diff.remove},
      {"update instances: ", &diff.update},
      {"not change instances: ", &diff.unchanged}};
  for (const auto& [label, set] : groups) {
    const auto ranges = ranges_of(*set);
    if (!ranges.empty()) lines.push_back(label + render_ranges(ranges));
  }
  return lines;
}

}  // namespace aurora::commands
