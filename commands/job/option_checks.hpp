#pragma once
// Checks of option values made when the verb runs (upstream accepted some and then misbehaved);
// shared by the job, cron and sla verbs.

#include <string>
#include <string_view>

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::job {

// Fails as argparse fails on a bad value, for values checked only when the verb runs: the verb's
// usage, then "aurora <noun> <verb>: error: argument <argument>: <text>", exit 2.
[[noreturn]] void fail_argument(cli::Context& context, const cli::CommandTree& tree,
                                std::string_view noun, std::string_view verb,
                                std::string_view argument, std::string_view text);

// Refuses a value below 1 as argparse refuses a bad value: the verb's usage, then
// "aurora <noun> <verb>: error: argument <option>: must be at least 1, got <n>", exit 2.
// (Upstream took --batch-size 0 and then looped forever.)
void require_positive_option(cli::Context& context, const cli::CommandTree& tree,
                             std::string_view noun, std::string_view verb, std::string_view option,
                             int value);

}  // namespace aurora::commands::job
