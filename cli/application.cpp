#include "cli/application.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <new>

#include "cli/command_hooks.hpp"
#include "cli/completion.hpp"
#include "cli/completion_sources.hpp"
#include "cli/context.hpp"
#include "cli/man_pages.hpp"
#include "cli/exit_code.hpp"
#include "cli/parse.hpp"
#include "cli/scheduler_access.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"
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

namespace {

// `aurora __complete WORDS...`: candidates for the last word, one per line, for the shell scripts.
int run_completion(const CommandTree& tree, const std::vector<std::string>& words,
                   std::ostream& out, std::ostream& err, clusters::SearchInputs cluster_search) {
  Context context(out, err, false, std::move(cluster_search));
  const CompletionResult result = complete_words(tree, words, live_completion_sources(context));
  if (result.no_space) out << ":nospace\n";
  if (result.complete_files) out << ":files\n";
  for (const auto& candidate : result.candidates) out << candidate << "\n";
  return kExitOk;
}

}  // namespace

namespace {

struct VerbResult {
  int code = kExitOk;
  bool thrown = false;               // the code came from an exception, already reported
  std::optional<std::string> error;  // its message
};

// Runs `step`, mapping any error to its exit code after printing its message.
VerbResult run_guarded(Context& context, const std::function<int()>& step) {
  VerbResult result;
  try {
    result.code = step();
    return result;
  } catch (const Error& e) {
    result.thrown = true;
    result.error = e.what();
    if (e.kind() == ErrorKind::Interrupted) {
      context.log().error(interrupt::description());
    } else if (e.kind() == ErrorKind::Fatal) {
      context.log().fatal(e.what());
    } else if (*e.what() != '\0') {
      context.print_err(e.what());
    }
    result.code = exit_code_for(e.kind());
  } catch (const std::bad_alloc&) {
    result.thrown = true;
    result.error = "Out of memory";
    context.print_err(*result.error);
    result.code = kExitUnknownError;
  } catch (const std::exception& e) {
    result.thrown = true;
    result.error = std::string("Unexpected error: ") + e.what();
    context.print_err(*result.error);
    result.code = kExitUnknownError;
  }
  return result;
}

}  // namespace

int run_command_line(const CommandTree& tree, const std::vector<std::string>& raw_args,
                     std::ostream& out, std::ostream& err, clusters::SearchInputs cluster_search,
                     hooks::HookSearch hook_search) {
  std::vector<std::string> args = raw_args;
  if (!args.empty() && args[0] == "__complete") {
    return run_completion(tree, {args.begin() + 1, args.end()}, out, err, std::move(cluster_search));
  }
  if (!args.empty() && args[0] == "completion") {
    if (args.size() != 2 || (args[1] != "bash" && args[1] != "zsh" && args[1] != "fish")) {
      err << "usage: aurora completion {bash,zsh,fish}\n"
          << "aurora completion: error: name one shell: bash, zsh or fish\n";
      return kExitUsage;
    }
    out << completion_script(args[1]);
    return kExitOk;
  }
  if (!args.empty() && args[0] == "__man") {
    // Writes the generated man pages into a directory (scripts/generate-docs.sh uses it).
    if (args.size() != 2) {
      err << "usage: aurora __man DIRECTORY\n";
      return kExitUsage;
    }
    std::filesystem::create_directories(args[1]);
    for (const auto& [name, text] : render_man_pages(tree, client_version())) {
      std::ofstream(std::filesystem::path(args[1]) / name) << text;
    }
    return kExitOk;
  }
  if (!args.empty() && args[0] == "help") {
    // `aurora help [NOUN [VERB]]` is `aurora [NOUN [VERB]] -h`.
    args.erase(args.begin());
    args.push_back("-h");
  }
  const ParsedCommand parsed = parse_command_line(tree, client_version(), args, out, err);
  if (parsed.verb == nullptr) return parsed.exit_code;

  Context context(out, err, parsed.verbose, std::move(cluster_search));
  context.output = parsed.output;
  if (parsed.protocol) context.scheduler_access().protocol_override = parsed.protocol;
  context.argv = {"aurora"};
  context.argv.insert(context.argv.end(), args.begin(), args.end());
  context.log().debug("Command=(" + python_list_repr(context.argv) + ")");

  // Hooks: `pre` may veto (exit 4) before the verb runs; `post` or `err` follow it.
  const VerbResult pre = run_guarded(context, [&] {
    context.hooks = make_command_hooks(context, parsed, hook_search);
    if (context.hooks) context.hooks->run_pre("pre", "Command", {}, {});
    return kExitOk;
  });
  if (pre.code != kExitOk) return pre.code;
  const VerbResult verb = run_guarded(context, [&] { return parsed.verb->run(context); });
  int code = verb.code;
  const bool interrupted = interrupt::requested() && code == interrupt::exit_code();
  if (context.hooks && !interrupted) {
    code = run_after_command_hooks(context, *context.hooks, code, verb.error);
  }
  if (verb.thrown) return code;
  if (code == kExitOk) {
    context.log().debug("Command terminated successfully");
  } else if (code != context.answer_exit_code) {
    context.log().info("Command terminated with error code " + std::to_string(code));
  }
  return code;
}

}  // namespace aurora::cli
