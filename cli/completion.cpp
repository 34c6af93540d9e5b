#include "cli/completion.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "cli/help.hpp"

namespace aurora::cli {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

void keep_matching(std::vector<std::string>& candidates, const std::string& prefix) {
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                  [&](const std::string& c) { return !starts_with(c, prefix); }),
                   candidates.end());
}

const ArgSpec* find_option(const std::vector<ArgSpec>& args, const std::string& word) {
  for (const auto& arg : args) {
    if (!arg.positional && (arg.name == word || (!arg.short_name.empty() && arg.short_name == word)))
      return &arg;
  }
  return nullptr;
}

// Completes CLUSTER/ROLE/ENV/NAME one part at a time: clusters, then parts of existing jobs.
CompletionResult complete_job_key(const std::string& current, ValueHint hint,
                                  const CompletionSources& sources) {
  CompletionResult result;
  const size_t slash = current.find('/');
  if (slash == std::string::npos) {
    if (sources.cluster_names) {
      for (const auto& name : sources.cluster_names()) result.candidates.push_back(name + "/");
    }
    keep_matching(result.candidates, current);
    result.no_space = true;
    return result;
  }
  const std::string cluster = current.substr(0, slash);
  const std::string rest = current.substr(slash + 1);
  const size_t depth = static_cast<size_t>(std::count(rest.begin(), rest.end(), '/'));
  if (depth >= 3 || !sources.jobs_of_cluster) return result;
  std::set<std::string> seen;
  for (const auto& job : sources.jobs_of_cluster(cluster)) {
    // Keep the first depth+1 parts of role/env/name.
    size_t end = 0;
    for (size_t part = 0; part <= depth && end != std::string::npos; ++part) {
      end = job.find('/', part == 0 ? 0 : end + 1);
    }
    const bool whole = end == std::string::npos;
    const std::string prefix = whole ? job : job.substr(0, end);
    const std::string candidate = cluster + "/" + prefix + (whole ? "" : "/");
    if (starts_with(candidate, current) && seen.insert(candidate).second) {
      result.candidates.push_back(candidate);
    }
  }
  // A full key may go on with /INSTANCES, so no space after it for instance specs.
  result.no_space = depth < 2 || hint == ValueHint::InstanceSpec || hint == ValueHint::TaskInstance;
  return result;
}

}  // namespace

CompletionResult complete_words(const CommandTree& tree, const std::vector<std::string>& words,
                                const CompletionSources& sources) {
  CompletionResult result;
  const std::string current = words.empty() ? "" : words.back();
  const size_t done = words.empty() ? 0 : words.size() - 1;  // words already complete

  if (done == 0) {
    for (const auto* noun : tree.nouns()) result.candidates.push_back(noun->name);
    result.candidates.insert(result.candidates.end(), {"help", "completion"});
    if (starts_with(current, "-")) result.candidates = {"--help", "--version"};
    keep_matching(result.candidates, current);
    return result;
  }
  if (words[0] == "completion") {
    if (done == 1) result.candidates = {"bash", "zsh", "fish"};
    keep_matching(result.candidates, current);
    return result;
  }
  const bool help = words[0] == "help";
  const size_t noun_at = help ? 1 : 0;
  if (done == noun_at) {
    for (const auto* noun : tree.nouns()) result.candidates.push_back(noun->name);
    keep_matching(result.candidates, current);
    return result;
  }
  const NounSpec* noun = tree.find_noun(words[noun_at]);
  if (noun == nullptr) return result;
  if (done == noun_at + 1) {
    for (const auto& verb : noun->verbs) result.candidates.push_back(verb.name);
    keep_matching(result.candidates, current);
    return result;
  }
  if (help) return result;
  const VerbSpec* verb = tree.find_verb(noun->name, words[noun_at + 1]);
  if (verb == nullptr) return result;

  std::vector<ArgSpec> args = common_verb_options(*verb);
  args.insert(args.end(), verb->args.begin(), verb->args.end());

  // The value of an option given as the previous word.
  const ArgSpec* pending = done > noun_at + 2 ? find_option(args, words[done - 1]) : nullptr;
  if (pending != nullptr && pending->takes_value) {
    if (!pending->choices.empty()) {
      result.candidates = pending->choices;
      keep_matching(result.candidates, current);
    } else if (pending->hint == ValueHint::File) {
      result.complete_files = true;
    }
    return result;
  }
  if (starts_with(current, "-")) {
    const size_t eq = current.find('=');
    if (eq != std::string::npos) {
      const ArgSpec* option = find_option(args, current.substr(0, eq));
      if (option != nullptr) {
        for (const auto& choice : option->choices) {
          result.candidates.push_back(current.substr(0, eq + 1) + choice);
        }
      }
      keep_matching(result.candidates, current);
      return result;
    }
    for (const auto& arg : args) {
      if (arg.positional) continue;
      result.candidates.push_back(arg.name);
      if (!arg.short_name.empty()) result.candidates.push_back(arg.short_name);
    }
    keep_matching(result.candidates, current);
    return result;
  }

  // Which positional is this? Count the positional words before it, skipping option values.
  size_t index = 0;
  for (size_t i = noun_at + 2; i < done; ++i) {
    const std::string& word = words[i];
    if (starts_with(word, "-")) {
      const ArgSpec* option = find_option(args, word);
      if (option != nullptr && option->takes_value) ++i;
      continue;
    }
    ++index;
  }
  std::vector<const ArgSpec*> positionals;
  for (const auto& arg : verb->args) {
    if (arg.positional) positionals.push_back(&arg);
  }
  if (positionals.empty()) return result;
  const ArgSpec* target = index < positionals.size() ? positionals[index] : nullptr;
  if (target == nullptr && positionals.back()->repeatable) target = positionals.back();
  if (target == nullptr) return result;
  switch (target->hint) {
    case ValueHint::File:
      result.complete_files = true;
      return result;
    case ValueHint::JobKey:
    case ValueHint::InstanceSpec:
    case ValueHint::TaskInstance:
    case ValueHint::WildcardKey:
    case ValueHint::Cluster:
      return complete_job_key(current, target->hint, sources);
    case ValueHint::None:
      return result;
  }
  return result;
}

std::string completion_script(const std::string& shell) {
  if (shell == "bash") {
    return R"(# bash completion for aurora; generated by `aurora completion bash`.
_aurora() {
  local cur words cword
  if declare -F _get_comp_words_by_ref >/dev/null; then
    _get_comp_words_by_ref -n =: cur words cword
  else
    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; cur="${COMP_WORDS[COMP_CWORD]}"
  fi
  local IFS=$'\n'
  local -a out
  out=($(aurora __complete "${words[@]:1:cword}" 2>/dev/null))
  local nospace=0 files=0 line
  COMPREPLY=()
  for line in "${out[@]}"; do
    case "$line" in
      :nospace) nospace=1 ;;
      :files) files=1 ;;
      *) COMPREPLY+=("$line") ;;
    esac
  done
  if [ $files -eq 1 ]; then
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
  fi
  [ $nospace -eq 1 ] && compopt -o nospace 2>/dev/null
  return 0
}
complete -F _aurora aurora
)";
  }
  if (shell == "zsh") {
    return R"(#compdef aurora
# zsh completion for aurora; generated by `aurora completion zsh`.
_aurora() {
  local -a out candidates
  local nospace=0 files=0 line
  out=("${(@f)$(aurora __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for line in "${out[@]}"; do
    case "$line" in
      :nospace) nospace=1 ;;
      :files) files=1 ;;
      '') ;;
      *) candidates+=("$line") ;;
    esac
  done
  if (( files )); then
    _files
  elif (( nospace )); then
    compadd -S '' -- "${candidates[@]}"
  else
    compadd -- "${candidates[@]}"
  fi
}
if [ "$funcstack[1]" = "_aurora" ]; then
  _aurora "$@"
else
  compdef _aurora aurora
fi
)";
  }
  if (shell == "fish") {
    return R"(# fish completion for aurora; generated by `aurora completion fish`.
function __aurora_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    for line in (aurora __complete $words $current 2>/dev/null)
        switch $line
            case ':nospace'
            case ':files'
                __fish_complete_path $current
            case '*'
                echo $line
        end
    end
end
complete -c aurora -f -a '(__aurora_complete)'
)";
  }
  throw std::invalid_argument("unknown shell " + shell + " (choose from bash, zsh, fish)");
}

}  // namespace aurora::cli
