#pragma once
// Runs dialect programs in a fresh interpreter and captures what they print (test helper).

#include <string>
#include <vector>

#include "config/lang/interpreter.hpp"

namespace aurora::config::lang::testing {

struct CaseResult {
  std::string output;  // everything printed
  std::string error;   // ConfigError::what(), empty if the program finished
};

// Evaluates source as file `name`; files maps relative paths to contents for open()/include().
CaseResult run_program(const std::string& name, const std::string& source,
                       const std::vector<std::pair<std::string, std::string>>& files = {});

// One `=== name` / `--- output` (or `--- error`) block of a lang_cases/*.txt file.
struct LangCase {
  std::string name;
  std::string source;
  std::string expected;
  bool expects_error = false;
  int line = 0;  // where the case starts in its file
};

std::vector<LangCase> load_cases(const std::string& path);

}  // namespace aurora::config::lang::testing
