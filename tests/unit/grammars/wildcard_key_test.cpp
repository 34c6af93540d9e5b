#include <doctest/doctest.h>

#include "grammars/grammar_error.hpp"
#include "grammars/wildcard_key.hpp"

using namespace aurora::grammars;

TEST_CASE("wildcard key pads missing trailing parts with stars") {
  const auto key = WildcardJobKey::parse("west");
  CHECK(key.str() == "west/*/*/*");
  CHECK(key.has_wildcard());
  CHECK_FALSE(key.role_for_query().has_value());
}

TEST_CASE("fully specified wildcard key has no wildcard and queries its role") {
  const auto key = WildcardJobKey::parse("a/b/c/d");
  CHECK_FALSE(key.has_wildcard());
  CHECK(key.role_for_query() == "b");
}

TEST_CASE("a role containing a star anywhere is sent as null") {
  CHECK_FALSE(WildcardJobKey::parse("c/www*/prod").role_for_query().has_value());
}

TEST_CASE("wildcard key keeps stars in its rendering") {
  CHECK(WildcardJobKey::parse("devcluster/*/nope").str() == "devcluster/*/nope/*");
}

TEST_CASE("wildcard key filters with fnmatch on role, env and name") {
  const auto key = WildcardJobKey::parse("c/*/prod/hel?o");
  CHECK(key.matches("www-data", "prod", "hello"));
  CHECK_FALSE(key.matches("www-data", "devel", "hello"));
  CHECK_FALSE(key.matches("www-data", "prod", "Hello"));
}

TEST_CASE("wildcard key with more than four parts is rejected") {
  try {
    WildcardJobKey::parse("a/b/c/d/e");
    FAIL("expected an error");
  } catch (const GrammarError& e) {
    CHECK(e.argparse_text() == "invalid arg_type_jobkey value: 'a/b/c/d/e'");
  }
}

TEST_CASE("update filter pads with unset parts") {
  const auto filter = UpdateFilter::parse("west/www-data");
  CHECK(filter.cluster == "west");
  CHECK(filter.role == "www-data");
  CHECK_FALSE(filter.env.has_value());
  CHECK_FALSE(filter.name.has_value());
  CHECK_THROWS_AS(UpdateFilter::parse(""), GrammarError);
  CHECK_THROWS_AS(UpdateFilter::parse("a/b/c/d/e"), GrammarError);
}

TEST_CASE("role argument must be a CLUSTER/NAME pair") {
  const auto role = RoleArg::parse("west/www-data");
  CHECK(role.cluster == "west");
  CHECK(role.role == "www-data");
  try {
    RoleArg::parse("west");
    FAIL("expected an error");
  } catch (const GrammarError& e) {
    CHECK(e.argparse_text() == "Role argument must be a CLUSTER/NAME pair");
  }
  CHECK_THROWS_AS(RoleArg::parse("a/b/c"), GrammarError);
}

TEST_CASE("job open key pads with unset parts") {
  const auto key = OpenKey::parse("c//env");
  CHECK(key.cluster == "c");
  CHECK_FALSE(key.role.has_value());
  CHECK(key.env == "env");
  CHECK_FALSE(key.name.has_value());
}
