#include <doctest/doctest.h>

#include <string>

#include "grammars/fnmatch.hpp"

using aurora::grammars::fnmatch;

TEST_CASE("fnmatch star and question mark") {
  CHECK(fnmatch("*", ""));
  CHECK(fnmatch("*", "anything"));
  CHECK(fnmatch("he*o", "hello"));
  CHECK(fnmatch("he*o", "heo"));
  CHECK_FALSE(fnmatch("he*o", "help"));
  CHECK(fnmatch("h?llo", "hallo"));
  CHECK_FALSE(fnmatch("h?llo", "hllo"));
  CHECK(fnmatch("*a*b*c", "xxaxxbxxc"));
}

TEST_CASE("fnmatch bracket expressions") {
  CHECK(fnmatch("[abc]x", "bx"));
  CHECK_FALSE(fnmatch("[abc]x", "dx"));
  CHECK(fnmatch("[!abc]x", "dx"));
  CHECK(fnmatch("v[0-9]", "v7"));
  CHECK_FALSE(fnmatch("v[0-9]", "vx"));
  CHECK(fnmatch("[]]", "]"));
  CHECK(fnmatch("a[", "a["));  // unterminated bracket is literal
}

TEST_CASE("fnmatch is case-sensitive") { CHECK_FALSE(fnmatch("prod", "PROD")); }

TEST_CASE("fnmatch does not blow up on many stars") {
  CHECK_FALSE(fnmatch("*a*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}
