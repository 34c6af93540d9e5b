#pragma once
// --skip-hooks NAME,...|all, with upstream's rules: "all" skips every hook, unknown names are
// ignored, and anyone may skip any hook.

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace aurora::hooks {

struct SkipRules {
  bool all = false;
  std::set<std::string> names;

  // The option's value: exactly "all", or comma-separated names (blanks around names and empty
  // items are dropped). No value skips nothing.
  static SkipRules parse(const std::optional<std::string>& value);
  bool skips(std::string_view hook_name) const { return all || names.count(std::string(hook_name)); }
};

}  // namespace aurora::hooks
