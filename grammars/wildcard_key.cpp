#include "grammars/wildcard_key.hpp"

#include "grammars/fnmatch.hpp"
#include "grammars/grammar_error.hpp"
#include "grammars/text.hpp"

namespace aurora::grammars {

WildcardJobKey WildcardJobKey::parse(std::string_view text) {
  const auto parts = split(text, '/');
  if (parts.size() > 4) {
    throw GrammarError::invalid_value(
        "arg_type_jobkey", text,
        "Job key " + std::string(text) + " has more than four parts (CLUSTER/ROLE/ENV/NAME)");
  }
  WildcardJobKey key;
  std::string* slots[] = {&key.cluster, &key.role, &key.env, &key.name};
  for (size_t i = 0; i < parts.size(); ++i) *slots[i] = parts[i];
  return key;
}

bool WildcardJobKey::has_wildcard() const {
  for (const auto* part : {&cluster, &role, &env, &name}) {
    if (part->find('*') != std::string::npos) return true;
  }
  return false;
}

std::optional<std::string> WildcardJobKey::role_for_query() const {
  if (role.find('*') != std::string::npos) return std::nullopt;
  return role;
}

bool WildcardJobKey::matches(std::string_view r, std::string_view e, std::string_view n) const {
  return fnmatch(role, r) && fnmatch(env, e) && fnmatch(name, n);
}

UpdateFilter UpdateFilter::parse(std::string_view text) {
  const auto parts = split(text, '/');
  if (text.empty() || parts.size() > 4) {
    throw GrammarError::invalid_value("update_filter", text,
                                      "Update filter must be CLUSTER[/ROLE[/ENV[/JOB]]]");
  }
  UpdateFilter filter;
  filter.cluster = parts[0];
  std::optional<std::string>* slots[] = {&filter.role, &filter.env, &filter.name};
  for (size_t i = 1; i < parts.size(); ++i) *slots[i - 1] = parts[i];
  return filter;
}

RoleArg RoleArg::parse(std::string_view text) {
  const auto parts = split(text, '/');
  if (parts.size() != 2) throw GrammarError::message("Role argument must be a CLUSTER/NAME pair");
  return RoleArg{parts[0], parts[1]};
}

OpenKey OpenKey::parse(std::string_view text) {
  const auto parts = split(text, '/');
  if (parts.size() > 4) {
    throw GrammarError::message("Job key must be CLUSTER[/ROLE[/ENV[/NAME]]], got " +
                                std::string(text));
  }
  OpenKey key;
  key.cluster = parts[0];
  std::optional<std::string>* slots[] = {&key.role, &key.env, &key.name};
  // Empty parts count as missing, as upstream's truthiness checks treat them.
  for (size_t i = 1; i < parts.size(); ++i) {
    if (!parts[i].empty()) *slots[i - 1] = parts[i];
  }
  return key;
}

}  // namespace aurora::grammars
