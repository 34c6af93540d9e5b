#include "cli/usage_error.hpp"

#include "cli/help.hpp"
#include "errors/error.hpp"

namespace aurora::cli {

void fail_argument(Context& context, const VerbSpec& verb, std::string_view argument,
                   std::string_view text) {
  context.err() << verb_usage(verb) << "aurora " << verb.noun << " " << verb.name
                << ": error: argument " << argument << ": " << text << "\n";
  context.err().flush();
  throw Error(ErrorKind::Usage, "");
}

}  // namespace aurora::cli
