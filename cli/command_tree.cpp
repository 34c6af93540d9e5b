#include "cli/command_tree.hpp"

#include <limits>
#include <stdexcept>

#include "grammars/grammar_error.hpp"
#include "grammars/text.hpp"

namespace aurora::cli {

std::string ArgSpec::display_name() const {
  if (positional) return metavar.empty() ? name : metavar;
  return short_name.empty() ? name : name + "/" + short_name;
}

VerbBuilder& VerbBuilder::description(std::string text) {
  spec_->description = std::move(text);
  return *this;
}

VerbBuilder& VerbBuilder::json_output() {
  spec_->json_output = true;
  return *this;
}

VerbBuilder& VerbBuilder::add_positional(std::string name, std::string metavar, std::string help,
                                         ValueHint hint,
                                         std::function<void(const std::string&)> assign) {
  ArgSpec arg;
  arg.name = std::move(name);
  arg.metavar = std::move(metavar);
  arg.help = std::move(help);
  arg.positional = true;
  arg.hint = hint;
  arg.assign = std::move(assign);
  spec_->args.push_back(std::move(arg));
  return *this;
}

VerbBuilder& VerbBuilder::positional(std::string name, std::string metavar, std::string help,
                                     std::string& out, ValueHint hint) {
  return add_positional(std::move(name), std::move(metavar), std::move(help), hint,
                        [&out](const std::string& v) { out = v; });
}

VerbBuilder& VerbBuilder::optional_positional(std::string name, std::string metavar,
                                              std::string help, std::optional<std::string>& out) {
  add_positional(std::move(name), std::move(metavar), std::move(help), ValueHint::None,
                 [&out](const std::string& v) { out = v; });
  spec_->args.back().optional = true;
  return *this;
}

VerbBuilder& VerbBuilder::positionals(std::string name, std::string metavar, std::string help,
                                      std::vector<std::string>& out, ValueHint hint) {
  add_positional(std::move(name), std::move(metavar), std::move(help), hint,
                 [&out](const std::string& v) { out.push_back(v); });
  spec_->args.back().repeatable = true;
  return *this;
}

VerbBuilder& VerbBuilder::flag(std::string name, std::string help, bool& out) {
  ArgSpec arg;
  arg.name = std::move(name);
  arg.help = std::move(help);
  arg.takes_value = false;
  arg.set_flag = [&out] { out = true; };
  spec_->args.push_back(std::move(arg));
  return *this;
}

namespace {

ArgSpec value_option(std::string name, std::string metavar, std::string help,
                     std::string short_name) {
  ArgSpec arg;
  arg.name = std::move(name);
  arg.metavar = std::move(metavar);
  arg.help = std::move(help);
  arg.short_name = std::move(short_name);
  return arg;
}

}  // namespace

VerbBuilder& VerbBuilder::option(std::string name, std::string metavar, std::string help,
                                 std::optional<std::string>& out, std::string short_name) {
  ArgSpec arg = value_option(std::move(name), std::move(metavar), std::move(help),
                             std::move(short_name));
  arg.assign = [&out](const std::string& v) { out = v; };
  spec_->args.push_back(std::move(arg));
  return *this;
}

VerbBuilder& VerbBuilder::option(std::string name, std::string metavar, std::string help,
                                 int& out, std::string short_name) {
  ArgSpec arg = value_option(std::move(name), std::move(metavar), std::move(help),
                             std::move(short_name));
  arg.default_text = std::to_string(out);
  arg.assign = [&out](const std::string& v) {
    const auto value = grammars::parse_python_int(v);
    if (!value || *value < std::numeric_limits<int>::min() ||
        *value > std::numeric_limits<int>::max()) {
      throw grammars::GrammarError::invalid_value("int", v);
    }
    out = static_cast<int>(*value);
  };
  spec_->args.push_back(std::move(arg));
  return *this;
}

VerbBuilder& VerbBuilder::option(std::string name, std::string metavar, std::string help,
                                 std::vector<std::string>& out, std::string short_name) {
  ArgSpec arg = value_option(std::move(name), std::move(metavar), std::move(help),
                             std::move(short_name));
  arg.repeatable = true;
  arg.assign = [&out](const std::string& v) { out.push_back(v); };
  spec_->args.push_back(std::move(arg));
  return *this;
}

VerbBuilder& VerbBuilder::choice(std::string name, std::vector<std::string> choices,
                                 std::string help, std::string& out) {
  ArgSpec arg = value_option(std::move(name), "", std::move(help), "");
  arg.choices = std::move(choices);
  arg.default_text = out;
  arg.assign = [&out](const std::string& v) { out = v; };
  spec_->args.push_back(std::move(arg));
  return *this;
}

VerbBuilder& VerbBuilder::hint(ValueHint hint) {
  if (!spec_->args.empty()) spec_->args.back().hint = hint;
  return *this;
}

void VerbBuilder::run(std::function<int(Context&)> run) { spec_->run = std::move(run); }

void CommandTree::add_noun(std::string name, std::string summary) {
  auto noun = std::make_unique<NounSpec>();
  noun->name = std::move(name);
  noun->summary = std::move(summary);
  nouns_.push_back(std::move(noun));
}

VerbBuilder CommandTree::add_verb(std::string_view noun, std::string name, std::string summary,
                                  std::shared_ptr<void> options) {
  for (auto& candidate : nouns_) {
    if (candidate->name != noun) continue;
    VerbSpec verb;
    verb.noun = candidate->name;
    verb.name = std::move(name);
    verb.summary = std::move(summary);
    verb.options = std::move(options);
    candidate->verbs.push_back(std::move(verb));
    return VerbBuilder(candidate->verbs.back());
  }
  throw std::logic_error("verb registered for unknown noun " + std::string(noun));
}

std::vector<const NounSpec*> CommandTree::nouns() const {
  std::vector<const NounSpec*> result;
  for (const auto& noun : nouns_) {
    if (!noun->verbs.empty()) result.push_back(noun.get());
  }
  return result;
}

const NounSpec* CommandTree::find_noun(std::string_view name) const {
  for (const auto* noun : nouns()) {
    if (noun->name == name) return noun;
  }
  return nullptr;
}

const VerbSpec* CommandTree::find_verb(std::string_view noun, std::string_view verb) const {
  const NounSpec* found = find_noun(noun);
  if (found == nullptr) return nullptr;
  for (const auto& candidate : found->verbs) {
    if (candidate.name == verb) return &candidate;
  }
  return nullptr;
}

}  // namespace aurora::cli
