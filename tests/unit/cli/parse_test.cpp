#include <doctest/doctest.h>

#include <sstream>

#include "cli/exit_code.hpp"
#include "cli/parse.hpp"
#include "test_verb.hpp"

using namespace aurora::cli;

namespace {

struct Run {
  ParsedCommand parsed;
  std::string out;
  std::string err;
  std::shared_ptr<KillLikeOptions> options;
};

Run parse(std::vector<std::string> args) {
  CommandTree tree;
  Run run;
  run.options = add_kill_like(tree, [](Context&) { return 0; });
  std::ostringstream out, err;
  run.parsed = parse_command_line(tree, "9.9.9", args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

// The last line argparse prints: "<prog>: error: <text>".
std::string error_line(const Run& run) {
  const std::string& err = run.err;
  const size_t start = err.rfind('\n', err.size() - 2);
  return err.substr(start + 1, err.size() - start - 2);
}

}  // namespace

TEST_CASE("no arguments prints top-level help and exits 0") {
  const auto run = parse({});
  CHECK(run.parsed.verb == nullptr);
  CHECK(run.parsed.exit_code == 0);
  CHECK(run.out.rfind("usage: aurora [-h] [--version] {job} ...", 0) == 0);
  CHECK(run.out.find("empty") == std::string::npos);
}

TEST_CASE("--version prints the version on stdout") {
  const auto run = parse({"--version"});
  CHECK(run.out == "9.9.9\n");
  CHECK(run.parsed.exit_code == 0);
}

TEST_CASE("an unknown noun prints usage and exits 2") {
  const auto run = parse({"jobs"});
  CHECK(run.parsed.exit_code == kExitUsage);
  CHECK(run.err.rfind("usage: aurora", 0) == 0);
  CHECK(error_line(run) ==
        "aurora: error: argument noun: invalid choice: 'jobs' (choose from 'job')");
}

TEST_CASE("an unknown verb prints the noun's usage and exits 2") {
  const auto run = parse({"job", "kil"});
  CHECK(run.parsed.exit_code == kExitUsage);
  CHECK(run.err.rfind("usage: aurora job [-h] {kill} ...", 0) == 0);
  CHECK(error_line(run) ==
        "aurora job: error: argument verb: invalid choice: 'kil' (choose from 'kill')");
}

TEST_CASE("a noun without a verb is too few arguments") {
  const auto run = parse({"job"});
  CHECK(run.parsed.exit_code == kExitUsage);
  CHECK(error_line(run) == "aurora job: error: too few arguments");
}

TEST_CASE("a missing positional is too few arguments") {
  const auto run = parse({"job", "kill", "--no-batching"});
  CHECK(run.parsed.exit_code == kExitUsage);
  CHECK(run.err.rfind("usage: aurora job kill [-h] [-v] [--protocol {binary,json}]", 0) == 0);
  CHECK(error_line(run) == "aurora job kill: error: too few arguments");
}

TEST_CASE("help works at every level and exits 0") {
  CHECK(parse({"-h"}).out.find("commands:") != std::string::npos);
  CHECK(parse({"job", "-h"}).out.find("subcommands:") != std::string::npos);
  const auto verb = parse({"job", "kill", "--help"});
  CHECK(verb.parsed.exit_code == 0);
  CHECK(verb.parsed.verb == nullptr);
  CHECK(verb.out.find("positional arguments:") != std::string::npos);
  CHECK(verb.out.find("--wait-until {PENDING,RUNNING,FINISHED}") != std::string::npos);
  CHECK(verb.out.find("(default: 1)") != std::string::npos);
}

TEST_CASE("options and positionals interleave and fill the verb's options") {
  const auto run = parse({"job", "kill", "--batch-size", "3", "west/r/e/n/0-2,5", "-m", "bye",
                          "--bind=a=1", "--bind", "b=2", "--no-batching"});
  REQUIRE(run.parsed.verb != nullptr);
  CHECK(run.options->spec.job.str() == "west/r/e/n");
  CHECK(*run.options->spec.instances == std::vector<int32_t>{0, 1, 2, 5});
  CHECK(run.options->batch_size == 3);
  CHECK(run.options->message == "bye");
  CHECK(run.options->bindings == std::vector<std::string>{"a=1", "b=2"});
  CHECK(run.options->no_batching);
}

TEST_CASE("a repeated single-valued option keeps the last value") {
  const auto run = parse({"job", "kill", "c/r/e/n", "--batch-size=2", "--batch-size=7"});
  CHECK(run.options->batch_size == 7);
}

TEST_CASE("unique prefixes of long options are accepted") {
  const auto run = parse({"job", "kill", "c/r/e/n", "--no-batch", "--mess=hi", "--wait=RUNNING"});
  REQUIRE(run.parsed.verb != nullptr);
  CHECK(run.options->no_batching);
  CHECK(run.options->message == "hi");
  CHECK(run.options->wait_until == "RUNNING");
}

TEST_CASE("an ambiguous prefix names the candidates") {
  const auto run = parse({"job", "kill", "c/r/e/n", "--max=1"});
  CHECK(run.parsed.exit_code == kExitUsage);
  CHECK(error_line(run) ==
        "aurora job kill: error: ambiguous option: --max=1 could match --max-total-failures, "
        "--max-per-instance-failures");
}

TEST_CASE("a value starting with a dash must be attached with =") {
  const auto bad = parse({"job", "kill", "c/r/e/n", "--ssh-options", "-A"});
  CHECK(bad.parsed.exit_code == kExitUsage);
  CHECK(error_line(bad) == "aurora job kill: error: argument --ssh-options: expected one argument");
  const auto good = parse({"job", "kill", "c/r/e/n", "--ssh-options=-A"});
  REQUIRE(good.parsed.verb != nullptr);
  CHECK(good.options->ssh_options == "-A");
}

TEST_CASE("a value starting with a dash but holding a space is taken as the value, as argparse does") {
  const auto run = parse({"job", "kill", "--ssh-options", "-F /tmp/ssh config", "c/r/e/n"});
  REQUIRE(run.parsed.verb != nullptr);
  CHECK(run.options->ssh_options == "-F /tmp/ssh config");
}

TEST_CASE("a bad grammar value is reported against the argument's metavar") {
  const auto run = parse({"job", "kill", "c/r/e/n/3-1"});
  CHECK(run.parsed.exit_code == kExitUsage);
  CHECK(error_line(run) ==
        "aurora job kill: error: argument CLUSTER/ROLE/ENV/NAME[/INSTANCES]: Invalid instance "
        "range: ['3', '1']");
  const auto key = parse({"job", "kill", "c/r/e"});
  CHECK(error_line(key) ==
        "aurora job kill: error: argument CLUSTER/ROLE/ENV/NAME[/INSTANCES]: Instance specifier "
        "must be a CLUSTER/ROLE/ENV/JOB/INSTANCES tuple");
}

TEST_CASE("a non-integer int option is an invalid int value") {
  const auto run = parse({"job", "kill", "c/r/e/n", "--batch-size", "x"});
  CHECK(error_line(run) == "aurora job kill: error: argument --batch-size: invalid int value: 'x'");
}

TEST_CASE("a choice outside its set lists the choices") {
  const auto run = parse({"job", "kill", "c/r/e/n", "--wait-until", "DONE"});
  CHECK(error_line(run) ==
        "aurora job kill: error: argument --wait-until: invalid choice: 'DONE' (choose from "
        "'PENDING', 'RUNNING', 'FINISHED')");
}

TEST_CASE("unknown options and extra positionals are reported by the top-level parser") {
  const auto option = parse({"job", "kill", "c/r/e/n", "--frobnicate"});
  CHECK(option.parsed.exit_code == kExitUsage);
  CHECK(error_line(option) == "aurora: error: unrecognized arguments: --frobnicate");
  const auto extra = parse({"job", "kill", "c/r/e/n", "surplus"});
  CHECK(error_line(extra) == "aurora: error: unrecognized arguments: surplus");
}

TEST_CASE("-v is accepted anywhere, even before the noun") {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"-v", "job", "kill", "c/r/e/n"},
           {"job", "--verbose", "kill", "c/r/e/n"},
           {"job", "kill", "c/r/e/n", "-v"}}) {
    const auto run = parse(args);
    REQUIRE(run.parsed.verb != nullptr);
    CHECK(run.parsed.verbose);
  }
  CHECK_FALSE(parse({"job", "kill", "c/r/e/n"}).parsed.verbose);
}

TEST_CASE("-o json selects JSON output on verbs that support it") {
  const auto run = parse({"job", "kill", "c/r/e/n", "-o", "json"});
  REQUIRE(run.parsed.verb != nullptr);
  CHECK(run.parsed.output == OutputFormat::Json);
  const auto bad = parse({"job", "kill", "c/r/e/n", "--output=xml"});
  CHECK(bad.parsed.exit_code == kExitUsage);
}

TEST_CASE("options before the noun other than -h, -v and --version are refused") {
  const auto run = parse({"--skip-hooks=all", "job", "kill", "c/r/e/n"});
  CHECK(run.parsed.exit_code == kExitUsage);
  CHECK(error_line(run) == "aurora: error: unrecognized arguments: --skip-hooks=all");
}

TEST_CASE("long usage lines wrap at 80 columns") {
  const auto run = parse({"job", "kill"});
  std::istringstream lines(run.err);
  std::string line;
  while (std::getline(lines, line)) CHECK(line.size() <= 80);
}

TEST_CASE("--protocol overrides the wire protocol and accepts only binary or json") {
  const auto run = parse({"job", "kill", "c/r/e/n", "--protocol", "json"});
  REQUIRE(run.parsed.verb != nullptr);
  CHECK(run.parsed.protocol == "json");
  CHECK_FALSE(parse({"job", "kill", "c/r/e/n"}).parsed.protocol.has_value());
  CHECK(parse({"job", "kill", "c/r/e/n", "--protocol=xml"}).parsed.exit_code == kExitUsage);
}
