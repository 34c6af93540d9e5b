#pragma once
// cluster[/role[/env[/name]]] with shell wildcards, for job list/status and update list.

#include <optional>
#include <string>
#include <string_view>

namespace aurora::grammars {

struct WildcardJobKey {
  std::string cluster = "*";
  std::string role = "*";
  std::string env = "*";
  std::string name = "*";

  // Missing trailing parts become "*"; more than four parts fail ("arg_type_jobkey").
  static WildcardJobKey parse(std::string_view text);

  bool has_wildcard() const;
  // The role to send to getJobs: nullopt when the role contains '*' anywhere.
  std::optional<std::string> role_for_query() const;
  bool matches(std::string_view role, std::string_view env, std::string_view name) const;
  std::string str() const { return cluster + "/" + role + "/" + env + "/" + name; }
};

// CLUSTER[/ROLE[/ENV[/JOB]]] for `update list`: missing parts are unset, not wildcards.
struct UpdateFilter {
  std::string cluster;
  std::optional<std::string> role;
  std::optional<std::string> env;
  std::optional<std::string> name;

  static UpdateFilter parse(std::string_view text);
};

// CLUSTER/NAME for `quota get`.
struct RoleArg {
  std::string cluster;
  std::string role;

  static RoleArg parse(std::string_view text);
};

// `job open` key: split on '/', padded with unset parts, not validated.
struct OpenKey {
  std::string cluster;
  std::optional<std::string> role;
  std::optional<std::string> env;
  std::optional<std::string> name;

  static OpenKey parse(std::string_view text);
};

}  // namespace aurora::grammars
