// aurora task scp SRC... DEST: scp where CLUSTER/ROLE/ENV/NAME/INSTANCE:path means a path in that
// task's sandbox.
#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/task/child_process.hpp"
#include "commands/task/live_tasks.hpp"
#include "commands/task/remote_values.hpp"
#include "commands/task/sandbox_path.hpp"
#include "commands/task/verbs.hpp"
#include "errors/error.hpp"
#include "grammars/scp_path.hpp"
#include "grammars/text.hpp"

namespace aurora::commands::task {
namespace {

struct ScpOptions {
  std::vector<std::string> sources;
  std::string dest;
  std::optional<std::string> scp_options;
  bool executor_sandbox = false;
};

// Python's posixpath.normpath for a relative path: '.' and empty parts dropped, 'x/..' folded.
std::string normalized_relative(const std::string& path) {
  std::vector<std::string> parts;
  for (auto& part : grammars::split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else {
      parts.push_back(std::move(part));
    }
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out.empty() ? "." : out;
}

// One scp argument: a local path as given, or USER@HOST:PATH for a task's sandbox.
std::string scp_argument(const std::string& text, const ScpOptions& options,
                         cli::Context& context) {
  const auto parsed = grammars::ScpPath::parse(text);
  if (!parsed.task) return parsed.path;
  const auto& key = *parsed.task;
  const std::string& path = parsed.path;
  if (path == "~" || path.rfind("~/", 0) == 0) {
    throw Error(ErrorKind::InvalidParameter,
                "Command does not support tilde expansion for path: " + path);
  }
  const auto sandbox =
      SandboxSettings::of(context.clusters().get(key.job.cluster), options.executor_sandbox);
  const auto response = query_live_tasks(context, key.job, std::vector<int32_t>{key.instance});
  const std::string messages = api::combine_messages(response);
  cli::check_response(context, response, "Unable to get information about instance: " + messages,
                      ErrorKind::Api);
  const auto& tasks = response.result.scheduleStatusResult.tasks;
  if (tasks.empty()) {
    throw Error(ErrorKind::InvalidParameter, "Job or instance " + key.str() + " not found");
  }
  const RemoteTask task = checked_task(tasks.front());
  const std::string remote_path =
      !path.empty() && path.front() == '/'
          ? path
          : plain_sandbox(sandbox, task.task_id) + "/" + normalized_relative(path);
  return task.role + "@" + task.host + ":" + remote_path;
}

int run_scp(const ScpOptions& options, cli::Context& context) {
  std::vector<std::string> argv = {"scp"};
  const auto extra = split_words(options.scp_options.value_or(""));
  argv.insert(argv.end(), extra.begin(), extra.end());
  for (const auto& source : options.sources) argv.push_back(scp_argument(source, options, context));
  argv.push_back(scp_argument(options.dest, options, context));
  return run_attached(argv, {});
}

}  // namespace

void add_scp(cli::CommandTree& tree) {
  auto options = std::make_shared<ScpOptions>();
  tree.add_verb("task", "scp", "Copy files to or from the sandboxes of live tasks", options)
      .description(
          std::string(
              "Run scp with every SOURCE and DEST as given, except that "
              "CLUSTER/ROLE/ENV/NAME/INSTANCE:PATH names PATH in that live task's sandbox (with "
              "--executor-sandbox, the executor's directory above it) on its host, as the job's "
              "role. A relative PATH is normalized and joined to the sandbox; an absolute one is "
              "used as is; ~ is refused (exit 6). The sandbox comes from the cluster's "
              "slave_root and slave_run_directory (missing: exit 3); its two '*' are expanded on "
              "the remote side, as upstream: downloads work with either scp protocol, but an "
              "upload must go to an existing directory (e.g. TASK_INSTANCE:.) with the legacy "
              "protocol (--scp-options=-O), since the SFTP protocol does not expand a "
              "destination's globs. Exit status: scp's own; 6 for a bad task key or a task that is "
              "not live; 10 when the scheduler refuses the query. As upstream, there is no "
              "--ssh-user: the remote user is always the task's role. ") +
          kThreatModel)
      .positionals("source", "source", "Files to copy: local paths or TASK_INSTANCE:PATH",
                   options->sources, cli::ValueHint::File)
      .positional("dest", "dest", "Where to copy to: a local path or TASK_INSTANCE:PATH",
                  options->dest, cli::ValueHint::File)
      .option("--scp-options", "SCP_OPTIONS",
              "Extra scp options, split on whitespace; attach the value with '=' when it starts "
              "with '-' (--scp-options=\"-F ssh_config -O\")",
              options->scp_options)
      .flag("--executor-sandbox", "Use the executor's sandbox instead of the task's",
            options->executor_sandbox)
      .run([options](cli::Context& context) { return run_scp(*options, context); });
}

}  // namespace aurora::commands::task
