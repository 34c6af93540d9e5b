// aurora-devcluster's man page and README are written by hand: every option its --help lists
// must appear in both.

#include <doctest/doctest.h>

#include <cstdio>
#include <regex>
#include <set>
#include <string>

#include "tests/integration/fixtures/temp_dir.hpp"

namespace {

std::string help_text() {
  std::string text;
  FILE* pipe = popen(AURORA_DEVCLUSTER_BINARY " --help", "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
  CHECK(pclose(pipe) == 0);
  return text;
}

std::set<std::string> long_options(const std::string& help) {
  std::set<std::string> options;
  const std::regex option("--[a-z][a-z-]*");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
       it != std::sregex_iterator(); ++it) {
    options.insert(it->str());
  }
  return options;
}

// "--port-file" as groff writes it: "\-\-port\-file".
std::string groff(const std::string& option) {
  std::string out;
  for (char c : option) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

}  // namespace

TEST_CASE("every aurora-devcluster option is documented in its man page and README") {
  const auto options = long_options(help_text());
  REQUIRE(options.count("--run-tasks") == 1);
  const std::string source = AURORA_SOURCE_DIR;
  const std::string man = aurora::testing::read_file(source + "/man/aurora-devcluster.1");
  const std::string readme = aurora::testing::read_file(source + "/devcluster/README.md");
  for (const auto& option : options) {
    if (option == "--help") continue;
    INFO(option);
    CHECK(man.find("\\fB" + groff(option) + "\\fR") != std::string::npos);
    CHECK(readme.find("`" + option) != std::string::npos);
  }
}
