#include "grammars/instance_spec.hpp"

#include <algorithm>
#include <limits>

#include "grammars/grammar_error.hpp"
#include "grammars/text.hpp"

namespace aurora::grammars {
namespace {

std::string python_list_repr(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += python_str_repr(items[i]);
  }
  return out + "]";
}

}  // namespace

std::optional<std::vector<int32_t>> parse_instances(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::vector<int32_t> ids;
  for (const auto& item : split(text, ',')) {
    const auto pieces = split(item, '-');
    const auto first = parse_python_int(pieces.front());
    const auto last = parse_python_int(pieces.back());
    if (!first || !last) {
      throw GrammarError::invalid_value("instance_specifier", text,
                                        "Invalid instance id in " + python_str_repr(item));
    }
    if (*first > *last) {
      throw GrammarError::message("Invalid instance range: " + python_list_repr(pieces));
    }
    if (*first < 0 || *last > std::numeric_limits<int32_t>::max()) {
      throw GrammarError::message("Instance ids must be between 0 and 2147483647: " + item);
    }
    if (static_cast<int64_t>(ids.size()) + (*last - *first + 1) > kMaxInstancesInSpec) {
      throw GrammarError::message("Too many instances in " + std::string(text) + " (at most " +
                                  std::to_string(kMaxInstancesInSpec) + ")");
    }
    for (int64_t id = *first; id <= *last; ++id) ids.push_back(static_cast<int32_t>(id));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string format_instances(const std::vector<int32_t>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size();) {
    size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(ids[i]);
    if (j > i) out += "-" + std::to_string(ids[j]);
    i = j + 1;
  }
  return out;
}

InstanceSpec InstanceSpec::parse(std::string_view text) {
  if (text.empty()) {
    throw GrammarError::invalid_value("instance_specifier", text,
                                      "Instance specifier must be non-empty");
  }
  const auto parts = split(text, '/');
  if (parts.size() != 4 && parts.size() != 5) {
    throw GrammarError::message("Instance specifier must be a CLUSTER/ROLE/ENV/JOB/INSTANCES tuple");
  }
  InstanceSpec spec;
  try {
    spec.job = JobKey::parse(parts[0] + "/" + parts[1] + "/" + parts[2] + "/" + parts[3]);
  } catch (const GrammarError& e) {
    throw GrammarError::invalid_value("instance_specifier", text, e.what());
  }
  if (parts.size() == 5) {
    try {
      spec.instances = parse_instances(parts[4]);
    } catch (const GrammarError& e) {
      // argparse names the whole argument, not just its INSTANCES part.
      if (e.argparse_text().rfind("invalid ", 0) != 0) throw;
      throw GrammarError::invalid_value("instance_specifier", text, e.what());
    }
  }
  return spec;
}

}  // namespace aurora::grammars
