// Data-driven conformance: every lang_cases/*.txt program must print what CPython 2.7 printed.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "lang_case_runner.hpp"

using namespace aurora::config::lang::testing;

namespace {

void run_case_file(const std::string& file) {
  std::string path = std::string(LANG_CASES_DIR) + "/" + file;
  auto cases = load_cases(path);
  REQUIRE_MESSAGE(!cases.empty(), "no cases in " << path);
  for (const LangCase& c : cases) {
    CaseResult r = run_program("case.aurora", c.source);
    INFO(file << ":" << c.line << " case '" << c.name << "'");
    if (c.expects_error) {
      CHECK_MESSAGE(r.error.find(c.expected) != std::string::npos,
                    "expected error containing:\n" << c.expected << "\ngot error:\n" << r.error
                                                    << "\noutput:\n" << r.output);
    } else {
      CHECK_MESSAGE(r.error.empty(), "unexpected error:\n" << r.error);
      CHECK(r.output == c.expected);
    }
  }
  MESSAGE(file << ": " << cases.size() << " programs");
}

}  // namespace

TEST_CASE("every conformance program prints what Python 2.7 prints") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(LANG_CASES_DIR))
    if (entry.path().extension() == ".txt") files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  for (const auto& f : files) {
    SUBCASE(f.c_str()) { run_case_file(f); }
  }
}
