#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "hook_scripts.hpp"
#include "hooks/runner.hpp"

using namespace aurora::hooks;
using aurora::hooks::testing::ScriptDir;
using std::chrono::milliseconds;

namespace {

HookRequest request_for(const std::filesystem::path& path) {
  HookRequest request;
  request.path = path;
  request.arguments = {"pre"};
  request.timeout = milliseconds(10'000);
  return request;
}

}  // namespace

TEST_CASE("a hook gets its point as argv[1], the extra environment and the whole stdin") {
  ScriptDir dir;
  const auto hook = dir.script("h", "echo \"$1|$AURORA_COMMAND|$PATH_SEEN\"\ncat\n");
  auto request = request_for(hook);
  request.environment = {{"AURORA_COMMAND", "job create"}, {"PATH_SEEN", "yes"}};
  request.input = "{\"point\": \"pre\"}\n";
  const auto run = run_hook(request);
  CHECK(run.outcome == HookRun::Outcome::Exited);
  CHECK(run.exit_code == 0);
  CHECK(run.succeeded());
  CHECK(run.out == "pre|job create|yes\n{\"point\": \"pre\"}\n");
  CHECK(run.err.empty());
}

TEST_CASE("the extra environment replaces a variable aurora itself has") {
  ScriptDir dir;
  ::setenv("AURORA_TEST_VARIABLE", "outer", 1);
  auto request = request_for(dir.script("h", "echo \"$AURORA_TEST_VARIABLE\"\n"));
  request.environment = {{"AURORA_TEST_VARIABLE", "inner"}};
  const auto run = run_hook(request);
  ::unsetenv("AURORA_TEST_VARIABLE");
  CHECK(run.out == "inner\n");
}

TEST_CASE("a non-zero exit is reported with its code and stderr") {
  ScriptDir dir;
  const auto run = run_hook(request_for(dir.script("h", "echo nope >&2\nexit 3\n")));
  CHECK(run.outcome == HookRun::Outcome::Exited);
  CHECK(run.exit_code == 3);
  CHECK_FALSE(run.succeeded());
  CHECK(run.err == "nope\n");
  CHECK(run.outcome_phrase(milliseconds(1000)) == " with exit code 3");
}

TEST_CASE("a hook that never reads a large stdin still finishes normally") {
  ScriptDir dir;
  auto request = request_for(dir.script("h", "exit 0\n"));
  request.input = std::string(4 << 20, 'x');  // far more than a pipe buffer
  const auto run = run_hook(request);
  CHECK(run.outcome == HookRun::Outcome::Exited);
  CHECK(run.exit_code == 0);
}

TEST_CASE("large output on both streams while stdin is written does not deadlock") {
  ScriptDir dir;
  // Writes 3 MB to each stream before reading stdin, then checks it got all of stdin.
  auto request = request_for(dir.script(
      "h",
      "head -c 3000000 /dev/zero | tr '\\0' o\n"
      "head -c 3000000 /dev/zero | tr '\\0' e >&2\n"
      "n=$(wc -c)\n"
      "[ \"$n\" = 2000000 ] || exit 9\n"));
  request.input = std::string(2'000'000, 'i');
  request.output_limit = 1 << 20;
  const auto run = run_hook(request);
  CHECK(run.outcome == HookRun::Outcome::Exited);
  CHECK(run.exit_code == 0);
  CHECK(run.out.size() == size_t{1} << 20);
  CHECK(run.out_dropped == 3'000'000 - (size_t{1} << 20));
  CHECK(run.err.size() == size_t{1} << 20);
  CHECK(run.err_dropped == 3'000'000 - (size_t{1} << 20));
}

TEST_CASE("a hook over its time limit is stopped, with its whole process group") {
  ScriptDir dir;
  const auto marker = dir.path() / "child-survived";
  // The background child would create the marker after 3 s unless the group is killed.
  auto request = request_for(dir.script(
      "h", "(sleep 3; touch '" + marker.string() + "') &\nsleep 30\n"));
  request.timeout = milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  const auto run = run_hook(request);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(run.outcome == HookRun::Outcome::TimedOut);
  CHECK(run.outcome_phrase(request.timeout) == ": timed out after 300 ms");
  CHECK(took < std::chrono::seconds(3));
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  CHECK_FALSE(std::filesystem::exists(marker));
}

TEST_CASE("a hook that ignores SIGTERM is killed after the grace period") {
  ScriptDir dir;
  auto request = request_for(dir.script("h", "trap '' TERM\nwhile :; do sleep 0.1; done\n"));
  request.timeout = milliseconds(200);
  const auto start = std::chrono::steady_clock::now();
  const auto run = run_hook(request);
  CHECK(run.outcome == HookRun::Outcome::TimedOut);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("a hook killed by a signal is reported as such") {
  ScriptDir dir;
  const auto run = run_hook(request_for(dir.script("h", "kill -KILL $$\n")));
  CHECK(run.outcome == HookRun::Outcome::Signaled);
  CHECK(run.signal == SIGKILL);
  CHECK(run.outcome_phrase(milliseconds(1)) == " with signal 9");
}

TEST_CASE("a file that cannot be executed fails to start with the system's reason") {
  ScriptDir dir;
  const auto path = dir.path() / "bad";
  {
    std::ofstream(path) << "#!/nonexistent/interpreter\n";
  }
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  const auto run = run_hook(request_for(path));
  CHECK(run.outcome == HookRun::Outcome::FailedToStart);
  CHECK(run.start_error == "No such file or directory");
  CHECK(run.outcome_phrase(milliseconds(1)) == ": could not be started: No such file or directory");
}

TEST_CASE("output a background child writes after the hook exited is not waited for") {
  ScriptDir dir;
  const auto start = std::chrono::steady_clock::now();
  const auto run = run_hook(request_for(dir.script("h", "(sleep 5; echo late) &\necho early\n")));
  CHECK(run.outcome == HookRun::Outcome::Exited);
  CHECK(run.out == "early\n");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
}
