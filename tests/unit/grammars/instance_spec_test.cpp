#include <doctest/doctest.h>

#include "grammars/grammar_error.hpp"
#include "grammars/instance_spec.hpp"

using namespace aurora::grammars;
using Ids = std::vector<int32_t>;

static std::string argparse_error(std::string_view text) {
  try {
    InstanceSpec::parse(text);
  } catch (const GrammarError& e) {
    return e.argparse_text();
  }
  return "no error";
}

TEST_CASE("instance spec with four parts means every instance") {
  const auto spec = InstanceSpec::parse("c/r/e/n");
  CHECK(spec.job.str() == "c/r/e/n");
  CHECK_FALSE(spec.instances.has_value());
}

TEST_CASE("instance spec with a trailing slash means every instance") {
  CHECK_FALSE(InstanceSpec::parse("c/r/e/n/").instances.has_value());
}

TEST_CASE("instance lists are sorted and de-duplicated") {
  CHECK(*InstanceSpec::parse("c/r/e/n/4,1-2,0-0").instances == Ids{0, 1, 2, 4});
  CHECK(*parse_instances("0-2,5,7-9") == Ids{0, 1, 2, 5, 7, 8, 9});
  CHECK(*parse_instances("3,3,3") == Ids{3});
}

TEST_CASE("a middle piece of a range is ignored as upstream") {
  CHECK(*parse_instances("1-2-3") == Ids{1, 2, 3});
}

TEST_CASE("a descending range shows the pieces as a python list") {
  CHECK(argparse_error("c/r/e/n/3-1") == "Invalid instance range: ['3', '1']");
}

TEST_CASE("non-integer instances are an invalid instance_specifier value") {
  CHECK(argparse_error("c/r/e/n/a") == "invalid instance_specifier value: 'c/r/e/n/a'");
  CHECK(argparse_error("c/r/e/n/1,,2") == "invalid instance_specifier value: 'c/r/e/n/1,,2'");
}

TEST_CASE("empty instance spec is an invalid value") {
  CHECK(argparse_error("") == "invalid instance_specifier value: ''");
}

TEST_CASE("instance spec with the wrong number of parts") {
  CHECK(argparse_error("c/r/e") ==
        "Instance specifier must be a CLUSTER/ROLE/ENV/JOB/INSTANCES tuple");
  CHECK(argparse_error("c/r/e/n/1/2") ==
        "Instance specifier must be a CLUSTER/ROLE/ENV/JOB/INSTANCES tuple");
}

TEST_CASE("a bad job key inside an instance spec names the whole argument") {
  CHECK(argparse_error("c/r r/e/n/1") == "invalid instance_specifier value: 'c/r r/e/n/1'");
}

TEST_CASE("huge ranges are refused instead of exhausting memory") {
  CHECK_THROWS_AS(parse_instances("0-2000000000"), GrammarError);
  CHECK_THROWS_AS(parse_instances("0-3000000000"), GrammarError);
}

TEST_CASE("instance ids render as compact ranges") {
  CHECK(format_instances({0, 1, 2, 5, 7, 8}) == "0-2,5,7-8");
  CHECK(format_instances({}) == "");
  CHECK(format_instances({4}) == "4");
}
