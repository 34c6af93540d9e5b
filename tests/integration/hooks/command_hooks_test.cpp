// The pre, post and err points around every verb, and the rules of aurora-hooks(7).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "tests/integration/fixtures/child_process.hpp"
#include "tests/integration/hooks/hooked_cluster.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora::testing;
using nlohmann::json;

namespace {

const std::string kJob = "devcluster/www-data/prod/hello";
const std::string kKeyVars =
    "key=devcluster/www-data/prod/hello cluster=devcluster role=www-data env=prod name=hello";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The change-window hook as README.md shows it: the bash block after its introduction.
std::string readme_change_window() {
  const std::string readme = read_text(std::string(AURORA_SOURCE_DIR) + "/README.md");
  const size_t intro = readme.find(
      "A change window for `www-data` creates, as `/etc/aurora/hooks.d/10-change-window`:");
  REQUIRE(intro != std::string::npos);
  const size_t start = readme.find("```bash\n", intro) + 8;
  return readme.substr(start, readme.find("```", start) - start);
}

// The same hook as man/aurora-hooks.7 shows it: the first no-fill block of its EXAMPLE section,
// with roff's \- turned back into -.
std::string man_change_window() {
  const std::string man = read_text(std::string(AURORA_SOURCE_DIR) + "/man/aurora-hooks.7");
  const size_t example = man.find(".SH EXAMPLE\n");
  REQUIRE(example != std::string::npos);
  const size_t start = man.find(".nf\n", example) + 4;
  std::string script = man.substr(start, man.find(".fi\n", start) - start);
  for (size_t at = script.find("\\-"); at != std::string::npos; at = script.find("\\-", at)) {
    script.erase(at, 1);
  }
  return script;
}

// Installs README.md's change-window script as the system hook 10-change-window.
void install_change_window(const HookedCluster& hooked) {
  const auto file = hooked.system_dir / "10-change-window";
  std::ofstream(file) << readme_change_window();
  std::filesystem::permissions(file, std::filesystem::perms::owner_all);
}

// A `date` that answers for a fixed time of day, first on PATH.
std::map<std::string, std::string> clock_at(const HookedCluster& hooked, const std::string& hour) {
  const auto bin = hooked.server.scratch().path() / ("fake-" + hour);
  hooked.hook(bin, "date",
              "case \"$1\" in +%H) echo " + hour + ";; +%H:%M) echo " + hour + ":42;; esac\n");
  return {{"PATH", bin.string() + ":/usr/bin:/bin"}};
}

}  // namespace

TEST_CASE("a five-line pre hook blocks job create for www-data outside 09:00-17:00, exit 4") {
  HookedCluster hooked;
  install_change_window(hooked);
  const auto config = hooked.hello_config();

  const auto evening = hooked.aurora({"job", "create", kJob, config}, clock_at(hooked, "18"));
  CHECK(evening.exit_code == 4);
  CHECK(evening.out == "");
  CHECK(evening.err ==
        "Command aborted by hook 10-change-window with exit code 1\n"
        "www-data deploys only 09:00-17:00 (it is 18:42)\n");
  CHECK(SeededCluster(hooked.server).tasks("hello").empty());

  const auto morning = hooked.aurora({"job", "create", kJob, config}, clock_at(hooked, "10"));
  CHECK(morning.exit_code == 0);
  CHECK(SeededCluster(hooked.server).tasks("hello").size() == 2);
}

TEST_CASE("the change-window script of README.md and of man/aurora-hooks.7 is the same five lines") {
  const std::string readme = readme_change_window();
  CHECK(readme == man_change_window());
  CHECK(readme.rfind("#!/bin/bash\n", 0) == 0);
  CHECK(std::count(readme.begin(), readme.end(), '\n') == 6);  // the shebang and five lines
}

TEST_CASE("the change-window hook allows 09:00 to 16:59, refuses at 08 and 17, and ignores other roles") {
  HookedCluster hooked;
  install_change_window(hooked);
  const auto config = hooked.hello_config();
  // --dry-run --run-hooks: the pre hook decides, and nothing is created either way.
  const std::vector<std::string> create = {"job", "create", kJob, config, "--dry-run", "--run-hooks"};
  for (const std::string hour : {"09", "16"}) {
    const auto allowed = hooked.aurora(create, clock_at(hooked, hour));
    CHECK_MESSAGE(allowed.exit_code == 0, hour);
  }
  for (const std::string hour : {"08", "17"}) {
    const auto refused = hooked.aurora(create, clock_at(hooked, hour));
    CHECK(refused.exit_code == 4);
    CHECK(refused.out == "");
    CHECK(refused.err == "Command aborted by hook 10-change-window with exit code 1\n"
                         "www-data deploys only 09:00-17:00 (it is " + hour + ":42)\n");
  }
  const auto other_role = hooked.hello_config("role = 'www-data'", "role = 'nobody'");
  const auto nobody = hooked.aurora(
      {"job", "create", "devcluster/nobody/prod/hello", other_role, "--dry-run", "--run-hooks"},
      clock_at(hooked, "18"));
  CHECK(nobody.exit_code == 0);
  // Other verbs of www-data are not the hook's business either.
  CHECK(hooked.aurora({"job", "list", "devcluster/www-data"}, clock_at(hooked, "18")).exit_code == 0);
}

TEST_CASE("hooks learn the command and job from argv, environment and stdin, at each point") {
  HookedCluster hooked;
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto config = hooked.hello_config();
  const auto result = hooked.aurora({"job", "create", kJob, config});
  REQUIRE(result.exit_code == 0);
  CHECK(hooked.log_lines() ==
        std::vector<std::string>{
            recorded("rec", "pre", "cmd=job create " + kKeyVars + " inst= exit= api="),
            recorded("rec", "pre_create_job", "cmd=job create " + kKeyVars + " inst= exit= api=create_job"),
            recorded("rec", "post_create_job", "cmd=job create " + kKeyVars + " inst= exit= api=create_job"),
            recorded("rec", "post", "cmd=job create " + kKeyVars + " inst= exit=0 api=")});

  const auto pre = json::parse(hooked.doc_text("pre"));
  CHECK(pre["point"] == "pre");
  CHECK(pre["command"] == "job create");
  CHECK(pre["noun"] == "job");
  CHECK(pre["verb"] == "create");
  CHECK(pre["argv"] == json::array({"aurora", "job", "create", kJob, config}));
  CHECK(pre["cluster"] == "devcluster");
  CHECK(pre["job_key"] == kJob);
  CHECK(pre["instances"].is_null());
  CHECK(pre["dry_run"] == false);
  CHECK(pre["result"].is_null() == true);

  // The evaluated config, as the Thrift JSON job create --dry-run prints.
  const auto call = json::parse(hooked.doc_text("pre_create_job"));
  CHECK(call["api"] == "create_job");
  CHECK(call["config"]["key"]["role"] == "www-data");
  CHECK(call["config"]["key"]["name"] == "hello");
  CHECK(call["config"]["instanceCount"] == 2);
  CHECK(call["config"]["taskConfig"]["executorConfig"]["name"] == "AuroraExecutor");

  const auto answered = json::parse(hooked.doc_text("post_create_job"));
  CHECK(answered["result"]["response_code"] == "OK");
  const auto post = json::parse(hooked.doc_text("post"));
  CHECK(post["result"] == json({{"exit_code", 0}, {"error", nullptr}}));
}

TEST_CASE("err hooks see a failed call and the command's exit code, post hooks do not run") {
  HookedCluster hooked;
  const auto config = hooked.hello_config();
  REQUIRE(hooked.aurora({"job", "create", kJob, config}).exit_code == 0);
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto again = hooked.aurora({"job", "create", kJob, config});
  CHECK(again.exit_code == 4);
  CHECK(contains(again.err, "Job creation failed due to error:\n\t"));
  CHECK(hooked.log_lines() ==
        std::vector<std::string>{
            recorded("rec", "pre", "cmd=job create " + kKeyVars + " inst= exit= api="),
            recorded("rec", "pre_create_job", "cmd=job create " + kKeyVars + " inst= exit= api=create_job"),
            recorded("rec", "err_create_job", "cmd=job create " + kKeyVars + " inst= exit= api=create_job"),
            recorded("rec", "err", "cmd=job create " + kKeyVars + " inst= exit=4 api=")});
  const auto failed_call = json::parse(hooked.doc_text("err_create_job"));
  CHECK(failed_call["result"]["response_code"] != "OK");
  CHECK(failed_call["result"]["error"].get<std::string>() != "");
  const auto failed = json::parse(hooked.doc_text("err"));
  CHECK(failed["result"]["exit_code"] == 4);
}

TEST_CASE("every post hook runs, and a failing one is reported without changing the exit code") {
  HookedCluster hooked;
  hooked.hook(hooked.user_dir, "a-fails", "[ \"$1\" = post ] && exit 3\nexit 0\n");
  hooked.recording_hook(hooked.user_dir, "b-rec");
  const auto result = hooked.aurora({"job", "list", "devcluster"});
  CHECK(result.exit_code == 0);
  CHECK(contains(result.err,
                 " WARN] Hook a-fails failed at post with exit code 3 (the command's result "
                 "stands)\n"));
  CHECK(hooked.log_lines().size() == 2);  // b-rec at pre and at post
  CHECK(hooked.log_lines().back().rfind("b-rec post ", 0) == 0);
}

TEST_CASE("--skip-hooks skips the named hooks or all, and ignores unknown names") {
  HookedCluster hooked;
  hooked.hook(hooked.system_dir, "veto", "echo no >&2\nexit 1\n");
  hooked.recording_hook(hooked.user_dir, "rec");
  const std::vector<std::string> list = {"job", "list", "devcluster"};
  auto with = [&](const std::string& option) {
    auto args = list;
    args.push_back(option);
    return hooked.aurora(args);
  };

  const auto vetoed = with("--skip-hooks=nosuch");
  CHECK(vetoed.exit_code == 4);
  CHECK(vetoed.err == "Command aborted by hook veto with exit code 1\nno\n");
  CHECK(hooked.log_lines().size() == 1);  // rec runs before veto (name order), at pre only

  CHECK(with("--skip-hooks=nosuch,veto").exit_code == 0);
  CHECK(hooked.log_lines().size() == 3);  // rec at pre and post

  const auto all = with("--skip-hooks=all");
  CHECK(all.exit_code == 0);
  CHECK(hooked.log_lines().size() == 3);  // rec did not run again
}

TEST_CASE("a hook over its time limit is stopped and vetoes, a bad limit is exit 3") {
  HookedCluster hooked;
  hooked.hook(hooked.user_dir, "slow", "sleep 30\n");
  const auto start = std::chrono::steady_clock::now();
  const auto result =
      hooked.aurora({"job", "list", "devcluster"}, {{"AURORA_HOOK_TIMEOUT_SECS", "1"}});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  CHECK(result.exit_code == 4);
  CHECK(result.err == "Command aborted by hook slow: timed out after 1 s\n");

  const auto bad =
      hooked.aurora({"job", "list", "devcluster"}, {{"AURORA_HOOK_TIMEOUT_SECS", "soon"}});
  CHECK(bad.exit_code == 3);
  CHECK(bad.err ==
        "AURORA_HOOK_TIMEOUT_SECS must be a number of seconds above 0 (at most 86400), got "
        "'soon'\n");
}

TEST_CASE("a hook that writes megabytes neither hangs aurora nor pollutes its stdout") {
  HookedCluster hooked;
  SeededCluster(hooked.server).create(service_job("hello", 1));
  const std::vector<std::string> list = {"job", "list", "devcluster"};
  const auto quiet = hooked.aurora(list);
  hooked.hook(hooked.user_dir, "loud",
              "head -c 3000000 /dev/zero | tr '\\0' o\n"
              "head -c 3000000 /dev/zero | tr '\\0' e >&2\n");
  const auto loud = hooked.aurora(list);
  CHECK(loud.exit_code == 0);
  CHECK(loud.out == quiet.out);
  CHECK(contains(loud.err, "[" + std::to_string(3000000 - (1 << 20)) +
                               " more bytes of hook output not shown]\n"));
}

TEST_CASE("hooks do not run for --dry-run unless --run-hooks asks") {
  HookedCluster hooked;
  hooked.recording_hook(hooked.user_dir, "rec");
  const auto config = hooked.hello_config();
  CHECK(hooked.aurora({"job", "create", kJob, config, "--dry-run"}).exit_code == 0);
  CHECK(hooked.log_lines().empty());

  CHECK(hooked.aurora({"job", "create", kJob, config, "--dry-run", "--run-hooks"}).exit_code == 0);
  // Nothing is sent, so there is no create_job point.
  REQUIRE(hooked.log_lines().size() == 2);
  CHECK(hooked.log_lines()[0].rfind("rec pre ", 0) == 0);
  CHECK(hooked.log_lines()[1].rfind("rec post ", 0) == 0);
  CHECK(json::parse(hooked.doc_text("pre"))["dry_run"] == true);
}

TEST_CASE("a cluster's hooks_dir adds hooks and replaces a user hook of the same name") {
  HookedCluster hooked;
  const auto cluster_dir = hooked.server.scratch().path() / "cluster-hooks";
  hooked.hook(hooked.user_dir, "who", "echo user >> '" + hooked.log.string() + "'\n");
  hooked.hook(cluster_dir, "who", "echo \"cluster $1\" >> '" + hooked.log.string() + "'\n");
  hooked.server.scratch().write_file(
      "home/.aurora/clusters.json",
      "[{\"name\": \"devcluster\", \"scheduler_uri\": \"" + hooked.server.url() +
          "\", \"hooks_dir\": \"" + cluster_dir.string() + "\"}]");
  CHECK(hooked.aurora({"job", "list", "devcluster"}).exit_code == 0);
  CHECK(hooked.log_lines() == std::vector<std::string>{"cluster pre", "cluster post"});
}

TEST_CASE("non-executable files are not hooks, and -v says why they were ignored") {
  HookedCluster hooked;
  const auto readme = hooked.server.scratch().write_file("home/.aurora/hooks.d/README", "notes\n");
  const auto result = hooked.aurora({"job", "list", "devcluster", "-v"});
  CHECK(result.exit_code == 0);
  CHECK(contains(result.err, "DEBUG] Hooks: Ignoring " + readme.string() + ": not executable\n"));
}

TEST_CASE("an aurora command run by a hook runs no hooks itself") {
  HookedCluster hooked;
  hooked.hook(hooked.user_dir, "nested",
              "echo \"$1\" >> '" + hooked.log.string() + "'\n"
              "[ \"$1\" = pre ] && '" AURORA_BINARY "' job list devcluster > /dev/null\n"
              "exit 0\n");
  CHECK(hooked.aurora({"job", "list", "devcluster"}).exit_code == 0);
  CHECK(hooked.log_lines() == std::vector<std::string>{"pre", "post"});
}

namespace {

// False once `pid` has exited (a zombie waiting to be reaped counts as gone).
bool process_alive(pid_t pid) {
  const std::string stat = read_text("/proc/" + std::to_string(pid) + "/stat");
  if (stat.empty()) return false;
  const size_t close = stat.rfind(')');
  return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] != 'Z';
}

}  // namespace

TEST_CASE("Ctrl-C while a hook runs stops the hook and what it started, and exits 130") {
  HookedCluster hooked;
  const auto pids = hooked.server.scratch().path() / "hook.pids";
  hooked.hook(hooked.user_dir, "slow",
              "[ \"$1\" = pre ] || exit 0\nsleep 120 &\necho \"$$ $!\" > '" + pids.string() +
                  "'\nwait\n");
  setenv("AURORA_CONFIG_ROOT", hooked.server.config_root().c_str(), 1);
  setenv("HOME", (hooked.server.scratch().path() / "home").c_str(), 1);
  setenv("AURORA_HOOKS_SYSTEM_DIR", hooked.system_dir.c_str(), 1);
  const auto log = hooked.server.scratch().path() / "aurora.log";
  ChildProcess aurora({AURORA_BINARY, "job", "list", "devcluster"}, log);

  pid_t hook = 0, child = 0;
  REQUIRE(eventually([&] {
    std::istringstream in(read_text(pids));
    return static_cast<bool>(in >> hook >> child);
  }));
  REQUIRE(process_alive(hook));
  kill(aurora.pid(), SIGINT);
  REQUIRE(eventually([&] { return !aurora.running(); }, std::chrono::seconds(10)));
  REQUIRE(aurora.wait_status().has_value());
  CHECK(WIFEXITED(*aurora.wait_status()));
  CHECK(WEXITSTATUS(*aurora.wait_status()) == 130);
  CHECK(contains(read_text(log), "ERROR] Command interrupted by user\n"));
  CHECK(eventually([&] { return !process_alive(hook) && !process_alive(child); },
                   std::chrono::seconds(10)));
}
