#include "hooks/skip_rules.hpp"

namespace aurora::hooks {
namespace {

std::string trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

SkipRules SkipRules::parse(const std::optional<std::string>& value) {
  SkipRules rules;
  if (!value) return rules;
  if (trimmed(*value) == "all") {
    rules.all = true;
    return rules;
  }
  size_t start = 0;
  while (start <= value->size()) {
    const size_t comma = value->find(',', start);
    const size_t end = comma == std::string::npos ? value->size() : comma;
    std::string name = trimmed(std::string_view(*value).substr(start, end - start));
    if (!name.empty()) rules.names.insert(std::move(name));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return rules;
}

}  // namespace aurora::hooks
