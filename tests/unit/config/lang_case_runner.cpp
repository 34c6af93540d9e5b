#include "lang_case_runner.hpp"

#include <fstream>
#include <sstream>

namespace aurora::config::lang::testing {

CaseResult run_program(const std::string& name, const std::string& source,
                       const std::vector<std::pair<std::string, std::string>>& files) {
  CaseResult result;
  InterpreterOptions options;
  options.out = [&](std::string_view s) { result.output += s; };
  options.err = [&](std::string_view s) { result.output += s; };
  options.environment = std::map<std::string, std::string>{{"HOME", "/home/tester"}, {"USER", "tester"}};
  options.user = "tester";
  options.max_steps = 5'000'000;
  options.read_file = [files](const std::string& path) -> std::optional<std::string> {
    for (const auto& [p, content] : files)
      if (p == path) return content;
    return std::nullopt;
  };
  Interpreter interpreter(options);
  interpreter.enable_include();
  try {
    interpreter.run_source(name, source);
  } catch (const ConfigError& e) {
    result.error = e.what();
  }
  return result;
}

std::vector<LangCase> load_cases(const std::string& path) {
  std::ifstream in(path);
  std::vector<LangCase> cases;
  std::string line;
  int number = 0;
  enum { None, Source, Expected } section = None;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("=== ", 0) == 0) {
      cases.push_back(LangCase{line.substr(4), "", "", false, number});
      section = Source;
      continue;
    }
    if (cases.empty()) continue;
    if (line == "--- output" || line == "--- error") {
      cases.back().expects_error = line == "--- error";
      section = Expected;
      continue;
    }
    (section == Source ? cases.back().source : cases.back().expected) += line + "\n";
  }
  for (auto& c : cases) {
    if (c.expects_error) {
      while (!c.expected.empty() && c.expected.back() == '\n') c.expected.pop_back();
    }
  }
  return cases;
}

}  // namespace aurora::config::lang::testing
