#include "cli/help.hpp"

#include <algorithm>
#include <sstream>

namespace aurora::cli {
namespace {

constexpr size_t kWidth = 78;        // argparse: $COLUMNS - 2
constexpr size_t kHelpColumn = 24;   // argparse's max_help_position

// Word-wraps `text` to `width`, each line prefixed by `indent` spaces.
std::string wrap(const std::string& text, size_t indent, size_t width) {
  std::istringstream words(text);
  std::string word, line, out;
  while (words >> word) {
    if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
      out += std::string(indent, ' ') + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += std::string(indent, ' ') + line + "\n";
  return out;
}

// "usage: <prog> <parts...>", wrapped with continuation lines aligned after the program name.
std::string usage_line(const std::string& prog, const std::vector<std::string>& parts) {
  const std::string head = "usage: " + prog + " ";
  std::string out = head, line;
  for (const auto& part : parts) {
    if (!line.empty() && head.size() + line.size() + 1 + part.size() > kWidth) {
      out += line + "\n" + std::string(head.size(), ' ');
      line.clear();
    }
    line += (line.empty() ? "" : " ") + part;
  }
  return out + line + "\n";
}

std::string option_invocation(const ArgSpec& arg) {
  if (arg.positional) return arg.metavar.empty() ? arg.name : arg.metavar;
  std::string value;
  if (arg.takes_value) {
    if (!arg.choices.empty()) {
      value = "{";
      for (size_t i = 0; i < arg.choices.size(); ++i) value += (i ? "," : "") + arg.choices[i];
      value += "}";
    } else {
      value = arg.metavar.empty() ? "VALUE" : arg.metavar;
    }
  }
  std::string names;
  if (!arg.short_name.empty()) names = arg.short_name + (value.empty() ? "" : " " + value) + ", ";
  return names + arg.name + (value.empty() ? "" : " " + value);
}

std::string usage_part(const ArgSpec& arg) {
  if (arg.positional) {
    const std::string name = arg.metavar.empty() ? arg.name : arg.metavar;
    if (arg.optional) return "[" + name + "]";
    if (arg.repeatable) return name + " [" + name + " ...]";
    return name;
  }
  std::string text = arg.short_name.empty() ? arg.name : arg.short_name;
  if (arg.takes_value) {
    if (!arg.choices.empty()) {
      text += " {";
      for (size_t i = 0; i < arg.choices.size(); ++i) text += (i ? "," : "") + arg.choices[i];
      text += "}";
    } else {
      text += " " + (arg.metavar.empty() ? std::string("VALUE") : arg.metavar);
    }
  }
  return "[" + text + "]";
}

std::string help_entry(const std::string& invocation, const std::string& help) {
  std::string out = "  " + invocation;
  if (help.empty()) return out + "\n";
  if (out.size() + 2 <= kHelpColumn) {
    out += std::string(kHelpColumn - out.size(), ' ');
    const std::string wrapped = wrap(help, kHelpColumn, kWidth);
    return out + wrapped.substr(kHelpColumn);
  }
  return out + "\n" + wrap(help, kHelpColumn, kWidth);
}

std::string with_default(const ArgSpec& arg) {
  if (arg.default_text.empty() || !arg.takes_value || arg.positional) return arg.help;
  return arg.help + " (default: " + arg.default_text + ")";
}

std::vector<ArgSpec> all_args(const VerbSpec& verb) {
  std::vector<ArgSpec> args = common_verb_options(verb);
  args.insert(args.end(), verb.args.begin(), verb.args.end());
  return args;
}

}  // namespace

std::vector<ArgSpec> common_verb_options(const VerbSpec& verb) {
  std::vector<ArgSpec> args;
  ArgSpec help;
  help.name = "--help";
  help.short_name = "-h";
  help.takes_value = false;
  help.help = "show this help message and exit";
  args.push_back(help);
  ArgSpec verbose;
  verbose.name = "--verbose";
  verbose.short_name = "-v";
  verbose.takes_value = false;
  verbose.help = "Log debugging messages (accepted anywhere on the command line)";
  args.push_back(verbose);
  ArgSpec protocol;
  protocol.name = "--protocol";
  protocol.choices = {"binary", "json"};
  protocol.help = "Thrift protocol to speak to the scheduler (default: the cluster's, else binary)";
  args.push_back(protocol);
  ArgSpec skip_hooks;
  skip_hooks.name = "--skip-hooks";
  skip_hooks.metavar = "hook,hook,...";
  skip_hooks.help = "Hooks not to run for this command: their names, or 'all' (see aurora-hooks(7))";
  args.push_back(skip_hooks);
  const bool dry_run = std::any_of(verb.args.begin(), verb.args.end(),
                                   [](const ArgSpec& arg) { return arg.name == "--dry-run"; });
  if (dry_run) {
    ArgSpec run_hooks;
    run_hooks.name = "--run-hooks";
    run_hooks.takes_value = false;
    run_hooks.help = "Run the hooks even with --dry-run (they are skipped by default)";
    args.push_back(run_hooks);
  }
  if (verb.json_output) {
    ArgSpec output;
    output.name = "--output";
    output.short_name = "-o";
    output.choices = {"text", "json"};
    output.default_text = "text";
    output.help = "Output format";
    args.push_back(output);
  }
  return args;
}

std::string top_usage(const CommandTree& tree) {
  std::string nouns = "{";
  const auto list = tree.nouns();
  for (size_t i = 0; i < list.size(); ++i) nouns += (i ? "," : "") + list[i]->name;
  nouns += "}";
  return usage_line("aurora", {"[-h]", "[--version]", nouns, "..."});
}

std::string top_help(const CommandTree& tree) {
  std::string out = top_usage(tree) + "\n";
  out += "Drive Apache Aurora clusters: jobs, updates, tasks, cron and quotas.\n\n";
  out += "commands:\n";
  for (const auto* noun : tree.nouns()) out += help_entry(noun->name, noun->summary);
  out += "\noptional arguments:\n";
  out += help_entry("-h, --help", "show this help message and exit");
  out += help_entry("--version", "show program's version number and exit");
  return out;
}

std::string noun_usage(const NounSpec& noun) {
  std::string verbs = "{";
  for (size_t i = 0; i < noun.verbs.size(); ++i) verbs += (i ? "," : "") + noun.verbs[i].name;
  verbs += "}";
  return usage_line("aurora " + noun.name, {"[-h]", verbs, "..."});
}

std::string noun_help(const NounSpec& noun) {
  std::string out = noun_usage(noun) + "\n" + noun.summary + "\n\nsubcommands:\n";
  for (const auto& verb : noun.verbs) out += help_entry(verb.name, verb.summary);
  out += "\noptional arguments:\n";
  out += help_entry("-h, --help", "show this help message and exit");
  return out;
}

std::string verb_usage(const VerbSpec& verb) {
  std::vector<std::string> parts;
  const auto args = all_args(verb);
  for (const auto& arg : args) {
    if (!arg.positional) parts.push_back(usage_part(arg));
  }
  for (const auto& arg : args) {
    if (arg.positional) parts.push_back(usage_part(arg));
  }
  return usage_line("aurora " + verb.noun + " " + verb.name, parts);
}

std::string verb_help(const VerbSpec& verb) {
  std::string out = verb_usage(verb) + "\n";
  out += wrap(verb.description.empty() ? verb.summary : verb.description, 0, kWidth);
  const auto args = all_args(verb);
  const bool any_positional =
      std::any_of(args.begin(), args.end(), [](const ArgSpec& a) { return a.positional; });
  if (any_positional) {
    out += "\npositional arguments:\n";
    for (const auto& arg : args) {
      if (arg.positional) out += help_entry(option_invocation(arg), arg.help);
    }
  }
  out += "\noptional arguments:\n";
  for (const auto& arg : args) {
    if (!arg.positional) out += help_entry(option_invocation(arg), with_default(arg));
  }
  return out;
}

}  // namespace aurora::cli
