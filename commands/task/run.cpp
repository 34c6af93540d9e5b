// aurora task run CLUSTER/ROLE/ENV/NAME[/INSTANCES] CMD: the command in every live task's sandbox,
// over ssh, several at a time.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/exit_code.hpp"
#include "commands/job/option_checks.hpp"
#include "commands/task/child_process.hpp"
#include "commands/task/live_tasks.hpp"
#include "commands/task/remote_values.hpp"
#include "commands/task/sandbox_path.hpp"
#include "commands/task/verbs.hpp"
#include "errors/error.hpp"
#include "grammars/instance_spec.hpp"

namespace aurora::commands::task {
namespace {

struct RunOptions {
  grammars::InstanceSpec spec;
  std::string command;
  int threads = 1;
  std::optional<std::string> ssh_user;
  std::optional<std::string> ssh_options;
  bool executor_sandbox = false;
};

struct Invocation {
  RemoteTask task;
  std::vector<std::string> argv;
};

struct Outcome {
  const Invocation* invocation;
  CapturedRun run;
};

// Python 2's str.splitlines(): \n, \r and \r\n end a line; no empty piece after a final newline.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      lines.push_back(std::move(line));
      line.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// Upstream's block for one task: every output line as "<host>:  <line>".
std::string prefixed_block(const Outcome& outcome) {
  std::string block;
  for (const auto& line : split_lines(outcome.run.output)) {
    if (!block.empty()) block += "\n";
    block += outcome.invocation->task.host + ":  " + line;
  }
  return block;
}

std::vector<Invocation> plan(const RunOptions& options, cli::Context& context) {
  const auto& cluster = context.clusters().get(options.spec.job.cluster);
  const auto sandbox = SandboxSettings::of(cluster, options.executor_sandbox);
  const std::string user = options.ssh_user.value_or(options.spec.job.role);
  check_ssh_user(user);
  const auto response = query_live_tasks(context, options.spec.job, options.spec.instances);
  if (response.responseCode != gen::ResponseCode::OK) {
    context.log().error("Error: could not retrieve task information for run command: " +
                        api::combine_messages(response));
    throw Error(ErrorKind::Api, "");
  }
  std::vector<RemoteTask> tasks;
  for (const auto& task : response.result.scheduleStatusResult.tasks) {
    tasks.push_back(checked_task(task));
  }
  if (tasks.empty()) {
    throw Error(ErrorKind::InvalidParameter,
                "No running tasks of " +
                    (options.spec.instances
                         ? options.spec.job.str() + "/" +
                               grammars::format_instances(*options.spec.instances)
                         : options.spec.job.str()) +
                    " to run the command on");
  }
  std::vector<Invocation> invocations;
  const auto extra = split_words(options.ssh_options.value_or(""));
  for (auto& task : tasks) {
    Invocation invocation;
    invocation.argv = {"ssh", "-n", "-q"};
    invocation.argv.insert(invocation.argv.end(), extra.begin(), extra.end());
    // Parallel sessions must fail rather than prompt (their prompts would interleave); placed
    // after the user's options because ssh keeps the first value, so theirs can override it.
    invocation.argv.insert(invocation.argv.end(), {"-o", "BatchMode=yes"});
    invocation.argv.push_back(user + "@" + task.host);
    invocation.argv.push_back("cd " + quoted_sandbox(sandbox, task.task_id) + " || exit 1;" +
                              interpolate_command(options.command, task));
    invocation.task = std::move(task);
    invocations.push_back(std::move(invocation));
  }
  return invocations;
}

// Runs every invocation on `threads` workers; `done` is called on this thread, in completion
// order, as each finishes.
void run_all(const std::vector<Invocation>& invocations, int threads,
             const std::function<void(Outcome)>& done) {
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::condition_variable finished;
  std::deque<Outcome> ready;
  std::vector<std::thread> workers;
  const size_t count = std::min<size_t>(static_cast<size_t>(threads), invocations.size());
  for (size_t w = 0; w < count; ++w) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < invocations.size(); i = next++) {
        Outcome outcome{&invocations[i], {}};
        try {
          outcome.run = run_captured(invocations[i].argv);
        } catch (const Error& error) {
          outcome.run = {255, error.what()};
        }
        std::lock_guard lock(mutex);
        ready.push_back(std::move(outcome));
        finished.notify_one();
      }
    });
  }
  for (size_t handled = 0; handled < invocations.size(); ++handled) {
    std::unique_lock lock(mutex);
    finished.wait(lock, [&] { return !ready.empty(); });
    Outcome outcome = std::move(ready.front());
    ready.pop_front();
    lock.unlock();
    done(std::move(outcome));
  }
  for (auto& worker : workers) worker.join();
}

int run_run(const RunOptions& options, const cli::CommandTree& tree, cli::Context& context) {
  job::require_positive_option(context, tree, "task", "run", "--threads", options.threads);
  const auto invocations = plan(options, context);
  const bool json = context.output == cli::OutputFormat::Json;
  std::vector<Outcome> outcomes;
  run_all(invocations, options.threads, [&](Outcome outcome) {
    if (!json) context.print_out(prefixed_block(outcome));
    outcomes.push_back(std::move(outcome));
  });

  std::sort(outcomes.begin(), outcomes.end(), [](const Outcome& a, const Outcome& b) {
    return a.invocation->task.instance < b.invocation->task.instance;
  });
  if (json) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const auto& outcome : outcomes) {
      const auto& task = outcome.invocation->task;
      doc.push_back({{"instance", task.instance},
                     {"host", task.host},
                     {"task_id", task.task_id},
                     {"exit_code", outcome.run.exit_code},
                     {"output", outcome.run.output}});
    }
    context.print_out(doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  std::string failures;
  size_t failed = 0;
  for (const auto& outcome : outcomes) {
    if (outcome.run.exit_code == 0) continue;
    ++failed;
    failures += (failures.empty() ? "" : ", ") + std::to_string(outcome.invocation->task.instance) +
                " (exit " + std::to_string(outcome.run.exit_code) + ")";
  }
  if (failed == 0) return 0;
  context.log().error("The command failed on " + std::to_string(failed) + " of " +
                      std::to_string(outcomes.size()) + " instances: " + failures);
  return cli::kExitCommandFailure;
}

}  // namespace

void add_run(cli::CommandTree& tree) {
  auto options = std::make_shared<RunOptions>();
  tree.add_verb("task", "run", "Run a shell command in the sandbox of every live task of a job",
                options)
      .description(
          std::string(
              "Run CMD over ssh on the host of each live task of the job (or of the listed "
              "instances), in the task's sandbox (with --executor-sandbox, the executor's "
              "directory above it). The remote command is `cd <sandbox> || exit 1;CMD`, run as "
              "`ssh -n -q [--ssh-options] -o BatchMode=yes USER@HOST`, where USER is --ssh-user "
              "or the job's role "
              "(upstream's `cd <sandbox>;CMD` ran CMD in the login directory when the sandbox "
              "was not found; we stop with exit 1 instead). The role is often a service account "
              "that cannot log in (e.g. www-data with a nologin shell): then give a user that "
              "can, and that may read the sandboxes, with --ssh-user (e.g. `-l \"$USER\"` "
              "against an aurora-devcluster on your machine). Batch mode (an addition of ours, "
              "since sessions run in parallel and prompts would interleave) makes ssh fail "
              "instead of asking for a password, a passphrase or a new host key: use keys or an "
              "agent, or put -o BatchMode=no in --ssh-options (the first value ssh sees wins). "
              "In CMD, "
              "{{mesos.instance}}, {{mesos.hostname}}, {{thermos.task_id}} and "
              "{{thermos.ports[NAME]}} are replaced by each task's values; other {{...}} stay as "
              "written. The sandbox is found from the cluster's slave_root and "
              "slave_run_directory in clusters.json (missing: exit 3). --threads tasks run at "
              "once; each task's output (stdout and stderr together) is printed when it "
              "finishes, every line prefixed with `HOST:` and two spaces, as upstream. "
              "Exit status: 0 when ssh exited 0 for every task; otherwise 4, after an ERROR line "
              "on stderr naming the failed instances and their exit codes (upstream always exits "
              "0). No live task matching is exit 6. "
              "-o json prints, instead of the lines, a JSON array sorted by instance of "
              "{\"instance\": int, \"host\": string, \"task_id\": string, \"exit_code\": int, "
              "\"output\": string} (exit_code is ssh's status, 128+N when killed by signal N). ") +
          kThreatModel)
      .json_output()
      .positional(
          "instance_spec", "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
          "The job, and optionally which instances (e.g. 0-2,5)", options->spec,
          [](const std::string& v) { return grammars::InstanceSpec::parse(v); },
          cli::ValueHint::InstanceSpec)
      .positional("cmd", "unix_command_line", "The shell command to run (one word: quote it)",
                  options->command)
      .option("--threads", "THREADS", "Number of tasks to run the command on at once",
              options->threads, "-t")
      .option("--ssh-user", "SSH_USER", "Remote user (default: the job's role)",
              options->ssh_user, "-l")
      .option("--ssh-options", "SSH_OPTIONS",
              "Extra ssh options, split on whitespace; attach the value with '=' when it starts "
              "with '-' (--ssh-options=\"-F ssh_config -o ConnectTimeout=5\")",
              options->ssh_options)
      .flag("--executor-sandbox", "Run in the executor's sandbox instead of the task's",
            options->executor_sandbox)
      .run([options, &tree](cli::Context& context) { return run_run(*options, tree, context); });
}

}  // namespace aurora::commands::task
