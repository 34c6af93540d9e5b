#include <doctest/doctest.h>

#include "tests/integration/fixtures/run_process.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"

static ProcessResult run_aurora(std::vector<std::string> args) {
  args.insert(args.begin(), AURORA_BINARY);
  return run_process(args, {{"AURORA_CONFIG_ROOT", "/nonexistent"}, {"HOME", "/nonexistent"}});
}

TEST_CASE("aurora --version prints the version and exits 0") {
  const auto result = run_aurora({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "0.1.0\n");
  CHECK(result.err.empty());
}

TEST_CASE("aurora with no arguments prints help on stdout and exits 0") {
  const auto result = run_aurora({});
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("usage: aurora [-h] [--version]", 0) == 0);
  CHECK(run_aurora({"--help"}).out == result.out);
}

TEST_CASE("an unknown noun prints usage on stderr and exits 2") {
  const auto result = run_aurora({"frobnicate", "now"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err.rfind("usage: aurora", 0) == 0);
  CHECK(result.err.find("aurora: error: argument noun: invalid choice: 'frobnicate'") !=
        std::string::npos);
}

TEST_CASE("an option before the noun is a usage error") {
  const auto result = run_aurora({"--frobnicate"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("aurora: error: unrecognized arguments: --frobnicate") !=
        std::string::npos);
}

TEST_CASE("a clusters.json with a syntax error names the file and line, exit 3") {
  aurora::testing::TempDir dir("aurora-bad-clusters-");
  const auto file = dir.write_file("clusters.json", "[\n  {\"name\": \"west\",}\n]\n");
  const auto result = run_process({AURORA_BINARY, "job", "status", "west/www-data"},
                                  {{"AURORA_CONFIG_ROOT", dir.path().string()},
                                   {"HOME", dir.path().string()}});
  CHECK(result.exit_code == 3);
  CHECK(result.err.rfind(file.string() + ":2:", 0) == 0);
  CHECK(result.out.empty());
  // The file is not needed for help, so it cannot break it.
  CHECK(run_process({AURORA_BINARY, "job", "status", "-h"},
                    {{"AURORA_CONFIG_ROOT", dir.path().string()}})
            .exit_code == 0);
}

TEST_CASE("an unknown verb prints the noun's usage and exits 2") {
  const auto result = run_aurora({"job", "frobnicate"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.rfind("usage: aurora job [-h]", 0) == 0);
  CHECK(result.err.find("aurora job: error: argument verb: invalid choice: 'frobnicate'") !=
        std::string::npos);
}

TEST_CASE("a malformed job key is a usage error naming the argument, exit 2") {
  const auto result = run_aurora({"job", "create", "west/www-data/prod", "hello.aurora"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("aurora job create: error: argument CLUSTER/ROLE/ENV/NAME: invalid "
                        "jobkeytype value: 'west/www-data/prod'") != std::string::npos);
}
