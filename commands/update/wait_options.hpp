#pragma once
// --timeout and --interval, shared by `update wait` and `update rollback --wait`.

#include <optional>
#include <string>

#include "cli/command_tree.hpp"
#include "cli/context.hpp"
#include "commands/update/update_waiter.hpp"

namespace aurora::commands::update {

struct WaitTimingText {
  std::optional<std::string> timeout;
  std::optional<std::string> interval;
};

// Declares --timeout DURATION and --interval DURATION (XdYhZmWs, e.g. 10m, 1h30m, 45s).
void add_wait_timing_options(cli::VerbBuilder& verb, WaitTimingText& text);

// Parses the durations (a bad one fails as a usage error of `verb`, exit 2) and shows progress
// when stderr is a terminal.
WaitSettings wait_settings_from(cli::Context& context, const cli::VerbSpec& verb,
                                const WaitTimingText& text);

}  // namespace aurora::commands::update
