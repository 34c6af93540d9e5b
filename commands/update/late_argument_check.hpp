#pragma once
// Some option values (repeatable choices, durations) are checked when the verb runs rather than
// by the parser; a bad one still fails as argparse would: usage, "<prog>: error: ...", exit 2.

#include <string>

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::commands::update {

// Prints the verb's usage and "aurora <noun> <verb>: error: argument <argument>: <text>" to
// stderr, then throws Error(Usage) with nothing more to print.
[[noreturn]] void fail_argument(cli::Context& context, const cli::VerbSpec& verb,
                                const std::string& argument, const std::string& text);

}  // namespace aurora::commands::update
