// Parsing of the waiting options, with the duration grammar of `sla --durations`.
#include "commands/update/wait_options.hpp"

#include <unistd.h>

#include "cli/usage_error.hpp"
#include "grammars/duration.hpp"
#include "grammars/grammar_error.hpp"

namespace aurora::commands::update {
namespace {

int64_t parse_span(cli::Context& context, const cli::VerbSpec& verb, const std::string& option,
                   const std::string& text) {
  try {
    return grammars::parse_duration_seconds(text);
  } catch (const grammars::GrammarError& error) {
    cli::fail_argument(context, verb, option, error.argparse_text());
  }
}

}  // namespace

void add_wait_timing_options(cli::VerbBuilder& verb, WaitTimingText& text) {
  verb.option("--timeout", "DURATION",
              "Stop waiting after this long (e.g. 10m, 1h30m) and exit 9; the update itself "
              "keeps running",
              text.timeout)
      .option("--interval", "DURATION",
              "How often to ask the scheduler for the update's state (default: 5s)", text.interval);
}

WaitSettings wait_settings_from(cli::Context& context, const cli::VerbSpec& verb,
                                const WaitTimingText& text) {
  WaitSettings settings;
  if (text.timeout) {
    settings.timeout = std::chrono::seconds(parse_span(context, verb, "--timeout", *text.timeout));
  }
  if (text.interval) {
    const int64_t seconds = parse_span(context, verb, "--interval", *text.interval);
    if (seconds <= 0) cli::fail_argument(context, verb, "--interval", "must be at least 1s");
    settings.interval = std::chrono::seconds(seconds);
  }
  settings.show_progress = isatty(STDERR_FILENO) != 0;
  return settings;
}

}  // namespace aurora::commands::update
