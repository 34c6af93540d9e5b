#pragma once
// Option values checked after parsing (durations, repeatable choices, lower bounds) fail exactly
// as the parser's own errors do: the verb's usage, "<prog>: error: argument <arg>: <text>", exit 2.

#include <string_view>

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::cli {

[[noreturn]] void fail_argument(Context& context, const VerbSpec& verb, std::string_view argument,
                                std::string_view text);

}  // namespace aurora::cli
