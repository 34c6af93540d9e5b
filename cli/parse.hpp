#pragma once
// Turns argv into a selected verb with its options filled in, or into help/usage output.

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/command_tree.hpp"
#include "cli/context.hpp"

namespace aurora::cli {

struct ParsedCommand {
  const VerbSpec* verb = nullptr;  // null when parsing already decided the outcome
  int exit_code = 0;               // the outcome when verb is null
  bool verbose = false;
  OutputFormat output = OutputFormat::Text;
  std::optional<std::string> protocol;  // --protocol
  std::optional<std::string> skip_hooks;  // --skip-hooks
  bool dry_run = false;                   // the verb's --dry-run was given
  bool run_hooks = false;                 // --run-hooks (offered with --dry-run)
  // The first positional naming a job (or cluster), as typed, with its hint; hooks learn the
  // cluster, job key and instances from it.
  std::optional<std::pair<ValueHint, std::string>> key_argument;
};

// True if any word before a lone "--" is -v or --verbose (accepted at any position).
bool wants_verbose(const std::vector<std::string>& args);

// Parses `args` (argv without the program name). Help goes to `out`; usage errors to `err` as
// argparse prints them ("usage: ..." then "<prog>: error: <text>", exit 2).
ParsedCommand parse_command_line(const CommandTree& tree, const std::string& version,
                                 const std::vector<std::string>& args, std::ostream& out,
                                 std::ostream& err);

}  // namespace aurora::cli
