#include <doctest/doctest.h>

#include "hooks/skip_rules.hpp"

using aurora::hooks::SkipRules;

TEST_CASE("no --skip-hooks skips nothing") {
  const auto rules = SkipRules::parse(std::nullopt);
  CHECK_FALSE(rules.all);
  CHECK_FALSE(rules.skips("anything"));
}

TEST_CASE("--skip-hooks all skips every hook") {
  const auto rules = SkipRules::parse("all");
  CHECK(rules.all);
  CHECK(rules.skips("change-window"));
}

TEST_CASE("--skip-hooks takes comma-separated names, blanks and empty items dropped") {
  const auto rules = SkipRules::parse("a, b,,c ");
  CHECK_FALSE(rules.all);
  CHECK(rules.skips("a"));
  CHECK(rules.skips("b"));
  CHECK(rules.skips("c"));
  CHECK_FALSE(rules.skips("d"));
  CHECK(rules.names.size() == 3);
}

TEST_CASE("'all' inside a list is a hook name, as upstream compares the whole value") {
  const auto rules = SkipRules::parse("a,all");
  CHECK_FALSE(rules.all);
  CHECK(rules.skips("all"));
  CHECK_FALSE(rules.skips("b"));
}
