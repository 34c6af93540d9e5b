#pragma once
// argparse-style usage and help text, generated from the command tree.

#include <string>

#include "cli/command_tree.hpp"

namespace aurora::cli {

std::string top_usage(const CommandTree& tree);
std::string top_help(const CommandTree& tree);
std::string noun_usage(const NounSpec& noun);
std::string noun_help(const NounSpec& noun);
std::string verb_usage(const VerbSpec& verb);
std::string verb_help(const VerbSpec& verb);

// The options every verb accepts besides its own: -h, -v, --protocol, --skip-hooks, --run-hooks
// beside a --dry-run, and -o when it prints JSON.
std::vector<ArgSpec> common_verb_options(const VerbSpec& verb);

}  // namespace aurora::cli
