// The only translation unit that includes CLI11 (it costs seconds of compile time per file).
#include "cli/parse.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

#include "cli/exit_code.hpp"
#include "cli/help.hpp"
#include "grammars/grammar_error.hpp"

namespace aurora::cli {
namespace {

bool is_help(const std::string& word) { return word == "-h" || word == "--help"; }
bool is_verbose(const std::string& word) { return word == "-v" || word == "--verbose"; }

std::string quoted_choices(const std::vector<std::string>& choices) {
  std::string out;
  for (size_t i = 0; i < choices.size(); ++i) {
    out += (i ? ", " : "") + grammars::python_str_repr(choices[i]);
  }
  return out;
}

struct UsageError {
  std::string usage;
  std::string prog;
  std::string text;
};

ParsedCommand fail(std::ostream& err, const UsageError& e) {
  err << e.usage << e.prog << ": error: " << e.text << "\n";
  return ParsedCommand{nullptr, kExitUsage};
}

// Expands unique prefixes of long options ("--no-batch" → "--no-batching") as argparse does.
// Returns an error text for an ambiguous prefix.
std::optional<std::string> expand_prefixes(std::vector<std::string>& words,
                                           const std::vector<ArgSpec>& args) {
  for (auto& word : words) {
    if (word == "--") break;
    if (word.size() < 3 || word.rfind("--", 0) != 0) continue;
    const size_t eq = word.find('=');
    const std::string name = word.substr(0, eq);
    std::vector<std::string> matches;
    for (const auto& arg : args) {
      if (arg.positional) continue;
      if (arg.name == name) {
        matches = {name};
        break;
      }
      if (arg.name.rfind(name, 0) == 0) matches.push_back(arg.name);
    }
    if (matches.size() > 1) {
      std::string text = "ambiguous option: " + word + " could match ";
      for (size_t i = 0; i < matches.size(); ++i) text += (i ? ", " : "") + matches[i];
      return text;
    }
    if (matches.size() == 1) word = matches[0] + (eq == std::string::npos ? "" : word.substr(eq));
  }
  return std::nullopt;
}

const ArgSpec* find_option(const std::vector<ArgSpec>& args, const std::string& word) {
  const std::string name = word.substr(0, word.find('='));
  for (const auto& arg : args) {
    if (!arg.positional && (arg.name == name || (!arg.short_name.empty() && arg.short_name == name)))
      return &arg;
  }
  return nullptr;
}

bool looks_like_negative_number(const std::string& word) {
  return word.size() > 1 && word[0] == '-' &&
         std::all_of(word.begin() + 1, word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// argparse takes a word that starts with '-' but holds a space as a value, not an option
// ("--ssh-options '-F cfg'"); attaching it with '=' lets the option parser see it that way too.
void attach_spaced_values(std::vector<std::string>& words, const std::vector<ArgSpec>& args) {
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == "--") break;
    if (words[i].size() < 2 || words[i][0] != '-' || words[i].find('=') != std::string::npos)
      continue;
    const ArgSpec* arg = find_option(args, words[i]);
    if (arg == nullptr || !arg->takes_value) continue;
    if (words[i].rfind("--", 0) != 0 && words[i].size() > 2) continue;
    const std::string& next = words[i + 1];
    if (next.size() < 2 || next[0] != '-' || next.find(' ') == std::string::npos) continue;
    words[i] = arg->name + "=" + next;
    words.erase(words.begin() + static_cast<long>(i) + 1);
  }
}

// argparse refuses "--opt -x": a value that starts with '-' must be attached with '='.
std::optional<std::string> check_missing_values(const std::vector<std::string>& words,
                                                const std::vector<ArgSpec>& args) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--") break;
    if (words[i].find('=') != std::string::npos || words[i].size() < 2 || words[i][0] != '-')
      continue;
    const ArgSpec* arg = find_option(args, words[i]);
    if (arg == nullptr || !arg->takes_value) continue;
    // "-mtext" carries its value attached.
    if (words[i].rfind("--", 0) != 0 && words[i].size() > 2) continue;
    const bool missing = i + 1 == words.size() ||
                         (words[i + 1].size() > 1 && words[i + 1][0] == '-' &&
                          !looks_like_negative_number(words[i + 1]));
    if (missing) return "argument " + arg->display_name() + ": expected one argument";
  }
  return std::nullopt;
}

// Hands the positional words to the verb's positional arguments, argparse style.
bool names_a_job(ValueHint hint) {
  return hint == ValueHint::JobKey || hint == ValueHint::InstanceSpec ||
         hint == ValueHint::TaskInstance || hint == ValueHint::WildcardKey;
}

std::optional<std::string> assign_positionals(
    const std::vector<std::string>& words, const std::vector<ArgSpec>& args,
    std::optional<std::pair<ValueHint, std::string>>& key_argument) {
  std::vector<const ArgSpec*> positionals;
  for (const auto& arg : args) {
    if (arg.positional) positionals.push_back(&arg);
  }
  size_t required = 0;
  for (const auto* arg : positionals) required += arg->optional ? 0 : 1;
  if (words.size() < required) return std::string("too few arguments");
  size_t spare = words.size() - required;
  size_t next = 0;
  for (const auto* arg : positionals) {
    size_t take = 1;
    if (arg->optional) {
      take = spare > 0 ? 1 : 0;
      spare -= take;
    } else if (arg->repeatable) {
      take = 1 + spare;
      spare = 0;
    }
    for (size_t i = 0; i < take; ++i) {
      if (!key_argument && names_a_job(arg->hint)) key_argument.emplace(arg->hint, words[next]);
      try {
        arg->assign(words[next++]);
      } catch (const grammars::GrammarError& e) {
        return "argument " + arg->display_name() + ": " + e.argparse_text();
      }
    }
  }
  if (next < words.size()) {
    std::string text = "unrecognized arguments:";
    for (size_t i = next; i < words.size(); ++i) text += " " + words[i];
    return text;
  }
  return std::nullopt;
}

}  // namespace

bool wants_verbose(const std::vector<std::string>& args) {
  for (const auto& word : args) {
    if (word == "--") return false;
    if (is_verbose(word)) return true;
  }
  return false;
}

ParsedCommand parse_command_line(const CommandTree& tree, const std::string& version,
                                 const std::vector<std::string>& raw_args, std::ostream& out,
                                 std::ostream& err) {
  ParsedCommand result;
  result.verbose = wants_verbose(raw_args);
  // -v/--verbose is accepted anywhere, so it is taken out before the words are parsed.
  std::vector<std::string> args;
  bool after_dashes = false;
  for (const auto& word : raw_args) {
    if (word == "--") after_dashes = true;
    if (after_dashes || !is_verbose(word)) args.push_back(word);
  }
  const std::string top = top_usage(tree);
  if (args.empty()) {
    out << top_help(tree);
    return ParsedCommand{nullptr, kExitOk, result.verbose};
  }

  // The noun: options before it may only be -h and --version.
  size_t i = 0;
  for (; i < args.size() && !args[i].empty() && args[i][0] == '-'; ++i) {
    if (is_help(args[i])) {
      out << top_help(tree);
      return ParsedCommand{nullptr, kExitOk, result.verbose};
    }
    if (args[i] == "--version") {
      out << version << "\n";
      return ParsedCommand{nullptr, kExitOk, result.verbose};
    }
    return fail(err, {top, "aurora", "unrecognized arguments: " + args[i]});
  }
  if (i == args.size()) return fail(err, {top, "aurora", "too few arguments"});
  const NounSpec* noun = tree.find_noun(args[i]);
  if (noun == nullptr) {
    std::vector<std::string> names;
    for (const auto* n : tree.nouns()) names.push_back(n->name);
    return fail(err, {top, "aurora",
                      "argument noun: invalid choice: " + grammars::python_str_repr(args[i]) +
                          " (choose from " + quoted_choices(names) + ")"});
  }

  // The verb.
  const std::string noun_prog = "aurora " + noun->name;
  for (++i; i < args.size() && !args[i].empty() && args[i][0] == '-'; ++i) {
    if (is_help(args[i])) {
      out << noun_help(*noun);
      return ParsedCommand{nullptr, kExitOk, result.verbose};
    }
    return fail(err, {top, "aurora", "unrecognized arguments: " + args[i]});
  }
  if (i == args.size()) return fail(err, {noun_usage(*noun), noun_prog, "too few arguments"});
  const VerbSpec* verb = tree.find_verb(noun->name, args[i]);
  if (verb == nullptr) {
    std::vector<std::string> names;
    for (const auto& v : noun->verbs) names.push_back(v.name);
    return fail(err, {noun_usage(*noun), noun_prog,
                      "argument verb: invalid choice: " + grammars::python_str_repr(args[i]) +
                          " (choose from " + quoted_choices(names) + ")"});
  }

  // The verb's own words.
  std::vector<std::string> words(args.begin() + static_cast<long>(i) + 1, args.end());
  const std::string verb_prog = noun_prog + " " + verb->name;
  const std::string usage = verb_usage(*verb);
  for (const auto& word : words) {
    if (word == "--") break;
    if (is_help(word)) {
      out << verb_help(*verb);
      return ParsedCommand{nullptr, kExitOk, result.verbose};
    }
  }
  std::vector<ArgSpec> options = common_verb_options(*verb);
  options.insert(options.end(), verb->args.begin(), verb->args.end());
  if (auto error = expand_prefixes(words, options)) return fail(err, {usage, verb_prog, *error});
  attach_spaced_values(words, options);
  if (auto error = check_missing_values(words, options)) return fail(err, {usage, verb_prog, *error});

  CLI::App app(verb->summary, verb_prog);
  app.set_help_flag();
  app.allow_extras(false);
  std::vector<std::vector<std::string>> values(options.size());
  std::vector<bool> flags(options.size(), false);
  std::vector<std::string> positional_words;
  for (size_t k = 0; k < options.size(); ++k) {
    const ArgSpec& arg = options[k];
    if (arg.positional || arg.name == "--help") continue;
    const std::string names = arg.short_name.empty() ? arg.name : arg.short_name + "," + arg.name;
    if (arg.takes_value) {
      app.add_option(names, values[k])
          ->expected(1)
          ->allow_extra_args(false)
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    } else {
      app.add_flag_callback(names, [&flags, k] { flags[k] = true; });
    }
  }
  app.add_option("words", positional_words)->expected(0, -1);
  try {
    std::vector<std::string> reversed(words.rbegin(), words.rend());
    app.parse(reversed);
  } catch (const CLI::ExtrasError& e) {
    // argparse reports unknown options through the top-level parser.
    std::string text = "unrecognized arguments:";
    for (const auto& extra : app.remaining()) text += " " + extra;
    return fail(err, {top, "aurora", text});
  } catch (const CLI::ParseError& e) {
    return fail(err, {usage, verb_prog, e.what()});
  }

  for (size_t k = 0; k < options.size(); ++k) {
    const ArgSpec& arg = options[k];
    if (arg.positional) continue;
    if (!arg.takes_value) {
      if (flags[k] && arg.name == "--dry-run") result.dry_run = true;
      if (flags[k] && arg.name == "--run-hooks") result.run_hooks = true;
      if (flags[k] && arg.set_flag) arg.set_flag();
      continue;
    }
    if (values[k].empty()) continue;
    // A repeated single-valued option keeps its last value, as argparse does.
    std::vector<std::string> given =
        arg.repeatable ? values[k] : std::vector<std::string>{values[k].back()};
    for (const auto& value : given) {
      if (!arg.choices.empty() &&
          std::find(arg.choices.begin(), arg.choices.end(), value) == arg.choices.end()) {
        return fail(err, {usage, verb_prog,
                          "argument " + arg.display_name() + ": invalid choice: " +
                              grammars::python_str_repr(value) + " (choose from " +
                              quoted_choices(arg.choices) + ")"});
      }
      if (arg.name == "--output") {
        result.output = value == "json" ? OutputFormat::Json : OutputFormat::Text;
        continue;
      }
      if (arg.name == "--protocol") {
        result.protocol = value;
        continue;
      }
      if (arg.name == "--skip-hooks") {
        result.skip_hooks = value;
        continue;
      }
      try {
        arg.assign(value);
      } catch (const grammars::GrammarError& e) {
        return fail(err, {usage, verb_prog, "argument " + arg.display_name() + ": " +
                                                e.argparse_text()});
      }
    }
  }
  if (auto error = assign_positionals(positional_words, verb->args, result.key_argument)) {
    const bool extras = error->rfind("unrecognized", 0) == 0;
    return fail(err, {extras ? top : usage, extras ? "aurora" : verb_prog, *error});
  }
  result.verb = verb;
  return result;
}

}  // namespace aurora::cli
