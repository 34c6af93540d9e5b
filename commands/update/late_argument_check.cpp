// Argument errors found after parsing, printed exactly as the parser prints its own.
#include "commands/update/late_argument_check.hpp"

#include "cli/help.hpp"
#include "errors/error.hpp"

namespace aurora::commands::update {

void fail_argument(cli::Context& context, const cli::VerbSpec& verb, const std::string& argument,
                   const std::string& text) {
  context.err() << cli::verb_usage(verb) << "aurora " << verb.noun << " " << verb.name
                << ": error: argument " << argument << ": " << text << "\n";
  throw Error(ErrorKind::Usage, "");
}

}  // namespace aurora::commands::update
