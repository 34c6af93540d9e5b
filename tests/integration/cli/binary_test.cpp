#include <doctest/doctest.h>

#include "tests/integration/fixtures/run_process.hpp"

static ProcessResult aurora(std::vector<std::string> args) {
  args.insert(args.begin(), AURORA_BINARY);
  return run_process(args, {{"AURORA_CONFIG_ROOT", "/nonexistent"}, {"HOME", "/nonexistent"}});
}

TEST_CASE("aurora --version prints the version and exits 0") {
  const auto result = aurora({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "0.1.0\n");
  CHECK(result.err.empty());
}

TEST_CASE("aurora with no arguments prints help on stdout and exits 0") {
  const auto result = aurora({});
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("usage: aurora [-h] [--version]", 0) == 0);
  CHECK(aurora({"--help"}).out == result.out);
}

TEST_CASE("an unknown noun prints usage on stderr and exits 2") {
  const auto result = aurora({"frobnicate", "now"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err.rfind("usage: aurora", 0) == 0);
  CHECK(result.err.find("aurora: error: argument noun: invalid choice: 'frobnicate'") !=
        std::string::npos);
}

TEST_CASE("an option before the noun is a usage error") {
  const auto result = aurora({"--frobnicate"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("aurora: error: unrecognized arguments: --frobnicate") !=
        std::string::npos);
}
