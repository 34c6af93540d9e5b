#pragma once
// Tab completion from the command tree: shell scripts call `aurora __complete WORDS...` and get
// candidates back, so completion can never drift from the verbs' real options.

#include <functional>
#include <string>
#include <vector>

#include "cli/command_tree.hpp"

namespace aurora::cli {

struct CompletionResult {
  std::vector<std::string> candidates;
  bool complete_files = false;  // let the shell complete a file path instead
  bool no_space = false;        // the candidate is partial (e.g. "west/"): no space after it
};

// Where dynamic candidates come from; tests substitute their own.
struct CompletionSources {
  std::function<std::vector<std::string>()> cluster_names;
  // Existing jobs of a cluster as "role/env/name" (may be slow; cached by the caller).
  std::function<std::vector<std::string>(const std::string& cluster)> jobs_of_cluster;
};

// `words` are the words after "aurora", the last one being completed (possibly empty).
CompletionResult complete_words(const CommandTree& tree, const std::vector<std::string>& words,
                                const CompletionSources& sources);

// The script that wires `aurora __complete` into bash, zsh or fish; throws for other shells.
std::string completion_script(const std::string& shell);

}  // namespace aurora::cli
