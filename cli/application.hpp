#pragma once
// Runs one aurora command line from start to exit code.

#include <ostream>
#include <string>
#include <vector>

#include "cli/command_tree.hpp"
#include "clusters/cluster_set.hpp"
#include "hooks/discovery.hpp"

namespace aurora::cli {

// The client's version, printed by --version.
std::string client_version();

// Parses `args` (argv without the program name) against `tree`, runs the chosen verb between
// its hooks, maps any error to its exit code and message, and returns the exit code.
int run_command_line(const CommandTree& tree, const std::vector<std::string>& args,
                     std::ostream& out, std::ostream& err,
                     clusters::SearchInputs cluster_search = clusters::SearchInputs::from_environment(),
                     hooks::HookSearch hook_search = hooks::HookSearch::from_environment());

}  // namespace aurora::cli
