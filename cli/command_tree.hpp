#pragma once
// The noun/verb tree as data: parsing, help, completions and man pages all read this one table.

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aurora::cli {

class Context;

// What kind of value an argument takes, so completion can offer candidates.
enum class ValueHint { None, JobKey, InstanceSpec, TaskInstance, WildcardKey, Cluster, File };

struct ArgSpec {
  std::string name;        // "--bind", or a positional's name ("jobspec")
  std::string short_name;  // "-m", or empty
  std::string metavar;     // shown in usage; positionals are named by it in errors
  std::string help;
  bool positional = false;
  bool takes_value = true;  // false for flags (store_true)
  bool repeatable = false;  // option: may be given many times; positional: one or more words
  bool optional = false;    // positional that may be omitted
  std::vector<std::string> choices;
  std::string default_text;  // for help, e.g. "PENDING"
  ValueHint hint = ValueHint::None;
  // Converts and stores one value (called once per occurrence); throws GrammarError.
  std::function<void(const std::string&)> assign;
  std::function<void()> set_flag;

  // argparse's name for the argument in errors: the metavar of a positional, or
  // "--long/-s" for an option.
  std::string display_name() const;
};

struct VerbSpec {
  std::string noun;
  std::string name;
  std::string summary;      // one line, shown in the noun's list
  std::string description;  // shown by -h; defaults to the summary
  std::vector<ArgSpec> args;
  bool json_output = false;  // accepts -o/--output text|json
  std::function<int(Context&)> run;
  std::shared_ptr<void> options;  // keeps the verb's option struct alive
};

struct NounSpec {
  std::string name;
  std::string summary;
  std::deque<VerbSpec> verbs;  // a deque keeps VerbSpec addresses stable as verbs are added
};

// Declares one verb's arguments; each is stored into a field of the verb's options struct.
class VerbBuilder {
 public:
  explicit VerbBuilder(VerbSpec& spec) : spec_(&spec) {}

  VerbBuilder& description(std::string text);
  // Adds -o/--output text|json.
  VerbBuilder& json_output();

  // A positional argument stored as text, or converted by `parse` (which throws GrammarError).
  VerbBuilder& positional(std::string name, std::string metavar, std::string help,
                          std::string& out, ValueHint hint = ValueHint::None);
  template <class T, class Parse>
  VerbBuilder& positional(std::string name, std::string metavar, std::string help, T& out,
                          Parse parse, ValueHint hint = ValueHint::None) {
    return add_positional(std::move(name), std::move(metavar), std::move(help), hint,
                          [&out, parse](const std::string& v) { out = parse(v); });
  }
  // An optional trailing positional.
  VerbBuilder& optional_positional(std::string name, std::string metavar, std::string help,
                                   std::optional<std::string>& out);
  // One or more words.
  VerbBuilder& positionals(std::string name, std::string metavar, std::string help,
                           std::vector<std::string>& out, ValueHint hint = ValueHint::None);

  VerbBuilder& flag(std::string name, std::string help, bool& out);
  VerbBuilder& option(std::string name, std::string metavar, std::string help,
                      std::optional<std::string>& out, std::string short_name = {});
  VerbBuilder& option(std::string name, std::string metavar, std::string help, int& out,
                      std::string short_name = {});
  // Repeatable: every occurrence is appended.
  VerbBuilder& option(std::string name, std::string metavar, std::string help,
                      std::vector<std::string>& out, std::string short_name = {});
  VerbBuilder& choice(std::string name, std::vector<std::string> choices, std::string help,
                      std::string& out);
  // The last argument added gets this completion hint.
  VerbBuilder& hint(ValueHint hint);

  void run(std::function<int(Context&)> run);

 private:
  VerbBuilder& add_positional(std::string name, std::string metavar, std::string help,
                              ValueHint hint, std::function<void(const std::string&)> assign);
  VerbSpec* spec_;
};

class CommandTree {
 public:
  void add_noun(std::string name, std::string summary);
  // Declares a verb of an existing noun; `options` is kept alive with the verb.
  VerbBuilder add_verb(std::string_view noun, std::string name, std::string summary,
                       std::shared_ptr<void> options);

  // Nouns that have at least one verb, in registration order.
  std::vector<const NounSpec*> nouns() const;
  const NounSpec* find_noun(std::string_view name) const;
  const VerbSpec* find_verb(std::string_view noun, std::string_view verb) const;

 private:
  std::vector<std::unique_ptr<NounSpec>> nouns_;
};

}  // namespace aurora::cli
