#include <doctest/doctest.h>

#include "errors/error.hpp"
#include "hook_scripts.hpp"
#include "hooks/hook_session.hpp"

using namespace aurora;
using namespace aurora::hooks;
using aurora::hooks::testing::ScriptDir;

namespace {

struct Reported {
  std::string shown, warned;
};

HookSession session_of(const ScriptDir& dir, const std::vector<std::string>& names,
                       Reported& reported) {
  std::vector<HookExecutable> hooks;
  for (const auto& name : names) hooks.push_back({name, dir.path() / name});
  HookReporter reporter;
  reporter.show = [&reported](std::string_view text) { reported.shown += text; };
  reporter.warn = [&reported](std::string_view text) { reported.warned += std::string(text) + "\n"; };
  reporter.debug = [](std::string_view) {};
  return HookSession(std::move(hooks), {{"AURORA_COMMAND", "job create"}, {"AURORA_EXIT_CODE", ""}},
                     {{"command", "job create"}, {"result", nullptr}},
                     std::chrono::milliseconds(5000), std::move(reporter));
}

}  // namespace

TEST_CASE("pre hooks run in order and the first failure vetoes with its stderr") {
  ScriptDir dir;
  const std::string log = (dir.path() / "log").string();
  dir.script("a", "echo a >> '" + log + "'\n");
  dir.script("b", "echo b >> '" + log + "'\necho 'outside the window' >&2\nexit 7\n");
  dir.script("c", "echo c >> '" + log + "'\n");
  Reported reported;
  const auto session = session_of(dir, {"a", "b", "c"}, reported);
  try {
    session.run_pre("pre", "Command", {}, {});
    FAIL("the veto did not throw");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::CommandFailure);
    CHECK(std::string(e.what()) ==
          "Command aborted by hook b with exit code 7\noutside the window");
  }
  CHECK(dir.read("log") == "a\nb\n");
}

TEST_CASE("a veto at an API point names the call") {
  ScriptDir dir;
  dir.script("v", "exit 1\n");
  Reported reported;
  const auto session = session_of(dir, {"v"}, reported);
  CHECK_THROWS_WITH_AS(session.run_pre("pre_kill_job", "Call to kill_job", {}, {}),
                       "Call to kill_job aborted by hook v with exit code 1", Error);
}

TEST_CASE("a passing pre hook's stderr is shown to the user") {
  ScriptDir dir;
  dir.script("n", "echo 'change window open' >&2\n");
  Reported reported;
  session_of(dir, {"n"}, reported).run_pre("pre", "Command", {}, {});
  CHECK(reported.shown == "change window open\n");
}

TEST_CASE("every post hook runs, and failures are only warnings") {
  ScriptDir dir;
  const std::string log = (dir.path() / "log").string();
  dir.script("a", "echo \"a $1 $AURORA_EXIT_CODE\" >> '" + log + "'\nexit 2\n");
  dir.script("b", "echo \"b $1 $AURORA_EXIT_CODE\" >> '" + log + "'\n");
  Reported reported;
  session_of(dir, {"a", "b"}, reported).run_after("post", {{"AURORA_EXIT_CODE", "0"}}, {});
  CHECK(dir.read("log") == "a post 0\nb post 0\n");
  CHECK(reported.warned ==
        "Hook a failed at post with exit code 2 (the command's result stands)\n");
}

TEST_CASE("the stdin document starts with the point and merges the call's fields") {
  ScriptDir dir;
  dir.script("d", "cat > '" + (dir.path() / "doc.json").string() + "'\n");
  Reported reported;
  session_of(dir, {"d"}, reported)
      .run_after("post_create_job", {}, {{"api", "create_job"}, {"result", {{"ok", true}}}});
  const auto doc = nlohmann::ordered_json::parse(dir.read("doc.json"));
  CHECK(doc.begin().key() == "point");
  CHECK(doc["point"] == "post_create_job");
  CHECK(doc["command"] == "job create");
  CHECK(doc["api"] == "create_job");
  CHECK(doc["result"]["ok"] == true);
}

TEST_CASE("AURORA_HOOK_POINT and AURORA_HOOK_NAME tell the hook where it runs") {
  ScriptDir dir;
  dir.script("named", "echo \"$AURORA_HOOK_POINT $AURORA_HOOK_NAME\" >&2\n");
  Reported reported;
  session_of(dir, {"named"}, reported).run_pre("pre_restart", "Call to restart", {}, {});
  CHECK(reported.shown == "pre_restart named\n");
}
