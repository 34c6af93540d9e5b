// --timeout and --interval: durations parsed after the command line, failing as argparse would.
#include "commands/update/wait_options.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "commands/update/verbs.hpp"
#include "errors/error.hpp"

using namespace aurora::commands::update;

namespace {

struct Harness {
  Harness() {
    tree.add_noun("update", "Updates");
    add_wait(tree);
    verb = tree.find_verb("update", "wait");
  }
  aurora::cli::CommandTree tree;
  const aurora::cli::VerbSpec* verb = nullptr;
  std::ostringstream out, err;
  aurora::cli::Context context{out, err, false};
};

}  // namespace

TEST_CASE("without options, waiting polls every 5 seconds and never times out") {
  Harness h;
  const auto settings = wait_settings_from(h.context, *h.verb, {});
  CHECK(settings.interval == std::chrono::seconds(5));
  CHECK_FALSE(settings.timeout.has_value());
}

TEST_CASE("durations use the XdYhZmWs grammar") {
  Harness h;
  const auto settings = wait_settings_from(h.context, *h.verb, {"1h30m", "45s"});
  CHECK(settings.timeout == std::chrono::seconds(5400));
  CHECK(settings.interval == std::chrono::seconds(45));
}

TEST_CASE("a bad duration is a usage error with the verb's usage, exit 2") {
  Harness h;
  try {
    wait_settings_from(h.context, *h.verb, {"soon", std::nullopt});
    FAIL("expected a usage error");
  } catch (const aurora::Error& error) {
    CHECK(error.kind() == aurora::ErrorKind::Usage);
    CHECK(std::string(error.what()).empty());
  }
  const std::string err = h.err.str();
  CHECK(err.rfind("usage: aurora update wait", 0) == 0);
  CHECK(err.find("\naurora update wait: error: argument --timeout: Invalid time span: soon\n") !=
        std::string::npos);
}

TEST_CASE("an interval of zero is refused") {
  Harness h;
  CHECK_THROWS_AS(wait_settings_from(h.context, *h.verb, {std::nullopt, "0s"}), aurora::Error);
  CHECK(h.err.str().find("argument --interval: must be at least 1s") != std::string::npos);
}
