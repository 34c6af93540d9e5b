#include "grammars/job_key.hpp"

#include <limits>

#include "grammars/grammar_error.hpp"
#include "grammars/text.hpp"

namespace aurora::grammars {

std::optional<int64_t> parse_python_int(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                                      c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    if (value > (std::numeric_limits<int64_t>::max() - (c - '0')) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

bool is_good_identifier(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

JobKey JobKey::parse(std::string_view text) {
  auto parts = split(text, '/');
  if (parts.size() != 4 || !is_good_identifier(parts[1]) || !is_good_identifier(parts[2]) ||
      !is_good_identifier(parts[3])) {
    std::string detail;
    if (parts.size() != 4) {
      detail = "Job key " + std::string(text) + " is not in the form CLUSTER/ROLE/ENV/NAME";
    } else {
      detail = "Job key " + std::string(text) +
               " has an invalid role, environment or name (allowed: letters, digits, _ - .)";
    }
    throw GrammarError::invalid_value("jobkeytype", text, detail);
  }
  return JobKey{parts[0], parts[1], parts[2], parts[3]};
}

TaskInstanceKey TaskInstanceKey::parse(std::string_view text) {
  auto parts = split(text, '/');
  if (parts.size() != 5) {
    throw GrammarError::invalid_value(
        "parse_task_instance_key", text,
        "Task instance specifier " + std::string(text) +
            " is not in the form CLUSTER/ROLE/ENV/NAME/INSTANCE");
  }
  const auto instance = parse_python_int(parts[4]);
  if (!instance || *instance < 0 || *instance > std::numeric_limits<int32_t>::max()) {
    throw GrammarError::invalid_value("parse_task_instance_key", text,
                                      "Instance must be an integer, but got " + parts[4]);
  }
  JobKey job;
  try {
    job = JobKey::parse(parts[0] + "/" + parts[1] + "/" + parts[2] + "/" + parts[3]);
  } catch (const GrammarError& e) {
    throw GrammarError::invalid_value("parse_task_instance_key", text, e.what());
  }
  return TaskInstanceKey{std::move(job), static_cast<int32_t>(*instance)};
}

}  // namespace aurora::grammars
