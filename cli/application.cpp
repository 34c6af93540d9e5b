#include "cli/application.hpp"

#include <new>

#include "cli/context.hpp"
#include "cli/exit_code.hpp"
#include "cli/parse.hpp"
#include "errors/error.hpp"
#include "grammars/grammar_error.hpp"

#ifndef AURORA_VERSION
#define AURORA_VERSION "unknown"
#endif

namespace aurora::cli {
namespace {

std::string python_list_repr(const std::vector<std::string>& words) {
  std::string out = "[";
  for (size_t i = 0; i < words.size(); ++i) {
    out += (i ? ", " : "") + grammars::python_str_repr(words[i]);
  }
  return out + "]";
}

}  // namespace

std::string client_version() { return AURORA_VERSION; }

int run_command_line(const CommandTree& tree, const std::vector<std::string>& args,
                     std::ostream& out, std::ostream& err, clusters::SearchInputs cluster_search) {
  const ParsedCommand parsed = parse_command_line(tree, client_version(), args, out, err);
  if (parsed.verb == nullptr) return parsed.exit_code;

  Context context(out, err, parsed.verbose, std::move(cluster_search));
  context.output = parsed.output;
  context.argv = {"aurora"};
  context.argv.insert(context.argv.end(), args.begin(), args.end());
  context.log().debug("Command=(" + python_list_repr(context.argv) + ")");

  int code = kExitUnknownError;
  try {
    code = parsed.verb->run(context);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Interrupted) {
      context.log().error("Command interrupted by user");
    } else if (*e.what() != '\0') {
      context.print_err(e.what());
    }
    return exit_code_for(e.kind());
  } catch (const std::bad_alloc&) {
    context.print_err("Out of memory");
    return kExitUnknownError;
  } catch (const std::exception& e) {
    context.print_err(std::string("Unexpected error: ") + e.what());
    return kExitUnknownError;
  }
  if (code == kExitOk) {
    context.log().debug("Command terminated successfully");
  } else {
    context.log().info("Command terminated with error code " + std::to_string(code));
  }
  return code;
}

}  // namespace aurora::cli
