#include "commands/job/option_checks.hpp"

#include "cli/usage_error.hpp"

#include "cli/help.hpp"
#include "errors/error.hpp"

namespace aurora::commands::job {

void fail_argument(cli::Context& context, const cli::CommandTree& tree, std::string_view noun,
                   std::string_view verb, std::string_view argument, std::string_view text) {
  const cli::VerbSpec* spec = tree.find_verb(noun, verb);
  if (spec == nullptr) throw Error(ErrorKind::Usage, std::string(text));
  cli::fail_argument(context, *spec, argument, text);
}

void require_positive_option(cli::Context& context, const cli::CommandTree& tree,
                             std::string_view noun, std::string_view verb, std::string_view option,
                             int value) {
  if (value >= 1) return;
  fail_argument(context, tree, noun, verb, option,
                "must be at least 1, got " + std::to_string(value));
}

}  // namespace aurora::commands::job
