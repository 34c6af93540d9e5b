#include <doctest/doctest.h>

#include "grammars/duration.hpp"
#include "grammars/grammar_error.hpp"

using namespace aurora::grammars;

static std::string error_of(auto&& fn) {
  try {
    fn();
  } catch (const GrammarError& e) {
    return e.argparse_text();
  }
  return "no error";
}

TEST_CASE("durations combine units in d h m s order") {
  CHECK(parse_duration_seconds("90s") == 90);
  CHECK(parse_duration_seconds("2d6h") == 2 * 86400 + 6 * 3600);
  CHECK(parse_duration_seconds("1h30m15s") == 5415);
  CHECK(parse_duration_seconds("15M") == 900);
}

TEST_CASE("durations with units out of order, repeated, empty or unknown are invalid") {
  CHECK(error_of([] { parse_duration_seconds("5s1m"); }) == "Invalid time span: 5s1m");
  CHECK(error_of([] { parse_duration_seconds("1m1m"); }) == "Invalid time span: 1m1m");
  CHECK(error_of([] { parse_duration_seconds("m"); }) == "Invalid time span: m");
  CHECK(error_of([] { parse_duration_seconds(""); }) == "Invalid time span: ");
  CHECK(error_of([] { parse_duration_seconds("5"); }) == "Invalid time span: 5");
  CHECK(error_of([] { parse_duration_seconds("5w"); }) == "Invalid time span: 5w");
  CHECK(error_of([] { parse_duration_seconds("1.5h"); }) == "Invalid time span: 1.5h");
  CHECK(error_of([] { parse_duration_seconds("99999999999999999999s"); }) ==
        "Invalid time span: 99999999999999999999s");
}

TEST_CASE("duration lists are sorted ascending") {
  CHECK(parse_duration_list("1m,1d,3h25m,2h4m15s") ==
        std::vector<int64_t>{60, 2 * 3600 + 4 * 60 + 15, 3 * 3600 + 25 * 60, 86400});
}

TEST_CASE("durations render in the largest unit that divides them") {
  CHECK(format_duration(90) == "90 secs");
  CHECK(format_duration(120) == "2 mins");
  CHECK(format_duration(parse_duration_seconds("2d6h")) == "54 hrs");
  CHECK(format_duration(172800) == "2 days");
}

TEST_CASE("percentiles are floats strictly inside (0, 100), sorted") {
  CHECK(parse_percentiles("10,15,99.9") == std::vector<double>{10, 15, 99.9});
  CHECK(parse_percentiles(".2") == std::vector<double>{0.2});
  CHECK(parse_percentiles("50,5") == std::vector<double>{5, 50});
  CHECK(error_of([] { parse_percentiles("100"); }) ==
        "Invalid percentile value:100. Must be between 0.0 and 100.0 exclusive.");
  CHECK(error_of([] { parse_percentiles("0"); }) ==
        "Invalid percentile value:0. Must be between 0.0 and 100.0 exclusive.");
  CHECK(error_of([] { parse_percentiles("abc"); }) ==
        "Invalid percentile value:abc. Must be between 0.0 and 100.0 exclusive.");
  CHECK_THROWS_AS(parse_percentiles("nan"), GrammarError);
  CHECK_THROWS_AS(parse_percentiles("0x10"), GrammarError);
}
