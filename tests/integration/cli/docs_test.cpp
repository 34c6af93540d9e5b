#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "tests/integration/fixtures/run_process.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"

namespace fs = std::filesystem;
using aurora::testing::TempDir;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const fs::path kSource = AURORA_SOURCE_DIR;
const std::string kBinDir = fs::path(AURORA_BINARY).parent_path().string();

// A clusters.json naming two clusters, for completion of cluster names.
struct Clusters {
  TempDir dir{"aurora-docs-test-"};
  Clusters() {
    dir.write_file("clusters.json",
                   R"([{"name": "devcluster", "scheduler_uri": "http://127.0.0.1:1"},
                       {"name": "west", "scheduler_uri": "http://127.0.0.1:1"}])");
  }
  std::map<std::string, std::string> env() const {
    return {{"AURORA_CONFIG_ROOT", dir.path().string()},
            {"HOME", dir.path().string()},
            {"PATH", kBinDir + ":/usr/bin:/bin"}};
  }
};

std::set<std::string> lines_of(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.insert(line.substr(0, line.find('\t')));
  }
  return lines;
}

std::set<std::string> bash_complete(const std::string& words, int cword) {
  Clusters clusters;
  const std::string script =
      "source /usr/share/bash-completion/bash_completion 2>/dev/null; "
      "source <(aurora completion bash); COMP_WORDS=(" + words + "); COMP_CWORD=" +
      std::to_string(cword) + "; COMP_LINE='x'; COMP_POINT=1; _aurora; "
      "printf '%s\\n' \"${COMPREPLY[@]}\"";
  const auto result = run_process({"/bin/bash", "-c", script}, clusters.env());
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  return lines_of(result.out);
}

}  // namespace

TEST_CASE("checked-in man pages match the command tree") {
  TempDir out("aurora-man-");
  const auto result = run_process({AURORA_BINARY, "__man", out.path().string()});
  REQUIRE(result.exit_code == 0);
  std::set<std::string> generated;
  for (const auto& entry : fs::directory_iterator(out.path())) {
    const std::string name = entry.path().filename();
    generated.insert(name);
    INFO("stale man page " << name << ": run scripts/generate-docs.sh");
    CHECK(read(entry.path()) == read(kSource / "man" / name));
  }
  CHECK(generated.count("aurora.1") == 1);
  for (const auto& entry : fs::directory_iterator(kSource / "man")) {
    const std::string name = entry.path().filename();
    const bool verb_page = name.rfind("aurora-", 0) == 0 &&
                           std::count(name.begin(), name.end(), '-') >= 2 &&
                           name.size() > 2 && name.substr(name.size() - 2) == ".1";
    if (verb_page) {
      INFO("man page of a verb that no longer exists: " << name);
      CHECK(generated.count(name) == 1);
    }
  }
}

TEST_CASE("checked-in completion scripts match the generator") {
  const std::pair<const char*, const char*> scripts[] = {
      {"bash", "aurora.bash"}, {"zsh", "_aurora"}, {"fish", "aurora.fish"}};
  for (const auto& [shell, file] : scripts) {
    const auto result = run_process({AURORA_BINARY, "completion", shell});
    REQUIRE(result.exit_code == 0);
    INFO("stale completions/" << file << ": run scripts/generate-docs.sh");
    CHECK(result.out == read(kSource / "completions" / file));
  }
}

TEST_CASE("every man page renders without groff warnings") {
  for (const auto& entry : fs::directory_iterator(kSource / "man")) {
    const auto result = run_process(
        {"/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z", entry.path().string()});
    INFO(entry.path().filename().string() << ": " << result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
  }
}

TEST_CASE("bash completes nouns, verbs, options, choices and cluster names") {
  CHECK(bash_complete("aurora jo", 1) == std::set<std::string>{"job"});
  CHECK(bash_complete("aurora job sta", 2) == std::set<std::string>{"status"});
  CHECK(bash_complete("aurora job status --wri", 3) == std::set<std::string>{"--write-json"});
  CHECK(bash_complete("aurora job status -o j", 4) == std::set<std::string>{"json"});
  CHECK(bash_complete("aurora job status w", 3) == std::set<std::string>{"west/"});
  CHECK(bash_complete("aurora job status ''", 3) ==
        std::set<std::string>{"devcluster/", "west/"});
}

TEST_CASE("zsh completes through the generated function") {
  Clusters clusters;
  const std::string script =
      "compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -l -- \"$@\"; }; "
      "compdef() { :; }; _files() { :; }; source <(aurora completion zsh); "
      "words=(aurora job st); CURRENT=3; _aurora";
  const auto result = run_process({"/usr/bin/zsh", "-f", "-c", script}, clusters.env());
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  CHECK(lines_of(result.out) == std::set<std::string>{"status"});
}

TEST_CASE("fish completes nouns and cluster names") {
  Clusters clusters;
  auto complete = [&](const std::string& line) {
    const std::string script = "aurora completion fish | source; complete -C '" + line + "'";
    const auto result = run_process({"/usr/bin/fish", "--no-config", "-c", script}, clusters.env());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    return lines_of(result.out);
  };
  CHECK(complete("aurora jo") == std::set<std::string>{"job"});
  CHECK(complete("aurora job status we") == std::set<std::string>{"west/"});
}

TEST_CASE("aurora help NOUN VERB prints the same as -h") {
  const auto help = run_process({AURORA_BINARY, "help", "job", "status"});
  const auto dash_h = run_process({AURORA_BINARY, "job", "status", "-h"});
  CHECK(help.exit_code == 0);
  CHECK(help.out == dash_h.out);
  CHECK(run_process({AURORA_BINARY, "help"}).out == run_process({AURORA_BINARY, "-h"}).out);
  CHECK(run_process({AURORA_BINARY, "help", "nope"}).exit_code == 2);
}
