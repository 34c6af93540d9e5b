#include <doctest/doctest.h>

#include <sstream>

#include "cli/application.hpp"
#include "cli/context.hpp"
#include "cli/exit_code.hpp"
#include "errors/error.hpp"
#include "test_verb.hpp"

using namespace aurora;
using namespace aurora::cli;

namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome run_with(std::function<int(Context&)> verb, std::vector<std::string> extra = {}) {
  CommandTree tree;
  add_kill_like(tree, std::move(verb));
  std::vector<std::string> args = {"job", "kill", "c/r/e/n"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::ostringstream out, err;
  const int code = run_command_line(tree, args, out, err,
                                    clusters::SearchInputs{"/nonexistent", std::nullopt, std::nullopt});
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("every error kind maps to upstream's exit code") {
  const std::pair<ErrorKind, int> expected[] = {
      {ErrorKind::InvalidConfiguration, 3}, {ErrorKind::CommandFailure, 4},
      {ErrorKind::InvalidCommand, 5},       {ErrorKind::InvalidParameter, 6},
      {ErrorKind::Network, 7},              {ErrorKind::Timeout, 9},
      {ErrorKind::Api, 10},                 {ErrorKind::Unknown, 20},
      {ErrorKind::Auth, 30},                {ErrorKind::Interrupted, 130},
      {ErrorKind::Usage, 2}};
  for (const auto& [kind, code] : expected) {
    const auto outcome = run_with([kind = kind](Context&) -> int {
      throw Error(kind, "it broke\nsecond line");
    });
    CHECK(outcome.code == code);
  }
}

TEST_CASE("an error's message goes to stderr line by line") {
  const auto outcome =
      run_with([](Context&) -> int { throw Error(ErrorKind::Api, "Command failure:\n\tno"); });
  CHECK(outcome.err == "Command failure:\n\tno\n");
  CHECK(outcome.out.empty());
}

TEST_CASE("an interrupt prints upstream's message and exits 130") {
  const auto outcome =
      run_with([](Context&) -> int { throw Error(ErrorKind::Interrupted, "x"); });
  CHECK(outcome.code == 130);
  CHECK(outcome.err == "ERROR] Command interrupted by user\n");
}

TEST_CASE("an unexpected exception is exit 20 with a message, never a crash") {
  const auto outcome = run_with([](Context&) -> int { throw std::runtime_error("boom"); });
  CHECK(outcome.code == 20);
  CHECK(outcome.err == "Unexpected error: boom\n");
}

TEST_CASE("a verb returning non-zero is logged at INFO") {
  const auto outcome = run_with([](Context&) { return 4; });
  CHECK(outcome.code == 4);
  CHECK(outcome.err == " INFO] Command terminated with error code 4\n");
}

TEST_CASE("verbose logs the command line as upstream does") {
  const auto outcome = run_with([](Context&) { return 0; }, {"-v"});
  CHECK(outcome.code == 0);
  CHECK(outcome.err ==
        "DEBUG] Command=(['aurora', 'job', 'kill', 'c/r/e/n', '-v'])\n"
        "DEBUG] Command terminated successfully\n");
}

TEST_CASE("an unknown cluster through the context is exit 3") {
  const auto outcome = run_with([](Context& context) {
    context.clusters().get("nowhere");
    return 0;
  });
  CHECK(outcome.code == 3);
  CHECK(outcome.err.rfind("Unknown cluster: nowhere\n", 0) == 0);
}

TEST_CASE("print_out splits lines and indents each") {
  std::ostringstream out, err;
  Context context(out, err, false, clusters::SearchInputs{});
  context.print_out("a\nb", 2);
  context.print_out("trailing\n");
  CHECK(out.str() == "  a\n  b\ntrailing\n\n");
}
