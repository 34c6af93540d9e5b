#include <doctest/doctest.h>

#include <algorithm>

#include "hook_scripts.hpp"
#include "hooks/discovery.hpp"

using namespace aurora::hooks;
using aurora::hooks::testing::ScriptDir;

namespace {

std::vector<std::string> names(const Discovery& found) {
  std::vector<std::string> out;
  for (const auto& hook : found.hooks) out.push_back(hook.name);
  return out;
}

bool has_note(const Discovery& found, const std::string& part) {
  return std::any_of(found.notes.begin(), found.notes.end(),
                     [&](const std::string& note) { return note.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("hook directories are the system one, ~/.aurora/hooks.d, then the cluster's") {
  HookSearch search;
  search.system_dir = "/sys-hooks";
  search.home = "/home/u";
  search.cluster_dirs = {"/c1", "~/c2", ""};
  const auto dirs = hook_directories(search);
  REQUIRE(dirs.size() == 4);
  CHECK(dirs[0] == "/sys-hooks");
  CHECK(dirs[1] == "/home/u/.aurora/hooks.d");
  CHECK(dirs[2] == "/c1");
  CHECK(dirs[3] == "/home/u/c2");
}

TEST_CASE("without a home only the system and cluster directories are searched") {
  HookSearch search;
  search.home.reset();
  search.cluster_dirs = {"/c1"};
  const auto dirs = hook_directories(search);
  REQUIRE(dirs.size() == 2);
  CHECK(dirs[0] == "/etc/aurora/hooks.d");
  CHECK(dirs[1] == "/c1");
}

TEST_CASE("hooks of all directories run in name order, whichever directory holds them") {
  ScriptDir dir;
  dir.script("a/20-b", "exit 0\n");
  dir.script("a/30-c", "exit 0\n");
  dir.script("b/10-a", "exit 0\n");
  dir.script("b/25-x", "exit 0\n");
  const auto found = discover_hooks({dir.path() / "a", dir.path() / "b"});
  CHECK(names(found) == std::vector<std::string>{"10-a", "20-b", "25-x", "30-c"});
  CHECK(found.hooks[0].path == dir.path() / "b" / "10-a");
}

TEST_CASE("a hook of the same name in a later directory replaces the earlier one") {
  ScriptDir dir;
  dir.script("system/notify", "exit 0\n");
  dir.script("user/notify", "exit 0\n");
  const auto found = discover_hooks({dir.path() / "system", dir.path() / "user"});
  REQUIRE(found.hooks.size() == 1);
  CHECK(found.hooks[0].path == dir.path() / "user" / "notify");
  CHECK(has_note(found, "replaces"));
}

TEST_CASE("non-executable files and directories are ignored with a note, hidden files silently") {
  ScriptDir dir;
  dir.script("d/run-me", "exit 0\n");
  dir.script("d/README", "not a hook\n", false);
  dir.script("d/.swp", "exit 0\n");
  std::filesystem::create_directories(dir.path() / "d" / "sub");
  const auto found = discover_hooks({dir.path() / "d"});
  CHECK(names(found) == std::vector<std::string>{"run-me"});
  CHECK(has_note(found, "README: not executable"));
  CHECK(has_note(found, "sub: not a regular file"));
  CHECK_FALSE(has_note(found, ".swp"));
}

TEST_CASE("a missing directory contributes nothing and no note") {
  ScriptDir dir;
  const auto found = discover_hooks({dir.path() / "absent"});
  CHECK(found.hooks.empty());
  CHECK(found.notes.empty());
}
