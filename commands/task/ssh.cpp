// aurora task ssh CLUSTER/ROLE/ENV/NAME[/INSTANCES]: an interactive ssh session (or one command)
// in a live task's sandbox.
#include <fstream>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/task/child_process.hpp"
#include "commands/task/live_tasks.hpp"
#include "commands/task/remote_values.hpp"
#include "commands/task/sandbox_path.hpp"
#include "commands/task/verbs.hpp"
#include "errors/error.hpp"
#include "grammars/instance_spec.hpp"
#include "grammars/text.hpp"

namespace aurora::commands::task {
namespace {

struct SshOptions {
  grammars::InstanceSpec spec;
  std::optional<std::string> ssh_user;
  std::optional<std::string> ssh_options;
  bool executor_sandbox = false;
  std::vector<std::string> tunnels;
  std::optional<std::string> command;
  std::optional<std::string> pid_file;
};

// "-L <PORT>:<host>:<assigned port>" for one PORT:NAME tunnel.
std::vector<std::string> tunnel_arguments(const std::string& tunnel, const RemoteTask& task) {
  const auto parts = grammars::split(tunnel, ':');
  const auto port = parts.size() == 2 ? grammars::parse_python_int(parts[0]) : std::nullopt;
  if (!port) {
    throw Error(ErrorKind::InvalidParameter,
                "Could not parse tunnel: " + tunnel + ".  Must be of form PORT:NAME");
  }
  const auto assigned = task.ports.find(parts[1]);
  if (assigned == task.ports.end()) {
    throw Error(ErrorKind::InvalidParameter,
                "Task " + task.task_id + " has no port named " + parts[1]);
  }
  return {"-L", std::to_string(*port) + ":" + task.host + ":" + std::to_string(assigned->second)};
}

void write_pid_file(cli::Context& context, const std::string& path, pid_t pid) {
  std::ofstream out(path, std::ios::trunc);
  out << pid;
  out.close();
  if (!out) context.log().error("Could not write the ssh process id to " + path);
}

int run_ssh(const SshOptions& options, cli::Context& context) {
  if (options.command && !options.spec.instances) {
    throw Error(ErrorKind::InvalidParameter,
                "INSTANCE must be specified when --command option is given");
  }
  const auto& cluster = context.clusters().get(options.spec.job.cluster);
  const auto sandbox = SandboxSettings::of(cluster, options.executor_sandbox);
  if (options.ssh_user) check_ssh_user(*options.ssh_user);

  const auto response = query_live_tasks(context, options.spec.job, options.spec.instances);
  const std::string messages = api::combine_messages(response);
  cli::check_response(context, response, "Unable to get information about instance: " + messages,
                      ErrorKind::Api);
  const auto& tasks = response.result.scheduleStatusResult.tasks;
  if (tasks.empty()) {
    throw Error(ErrorKind::InvalidParameter, "Job " + options.spec.job.str() + " not found");
  }
  // Upstream's "random" instance: the first task the scheduler returns.
  const RemoteTask task = checked_task(tasks.front());

  std::vector<std::string> argv = {"ssh", "-t"};
  const auto extra = split_words(options.ssh_options.value_or(""));
  argv.insert(argv.end(), extra.begin(), extra.end());
  for (const auto& tunnel : options.tunnels) {
    const auto words = tunnel_arguments(tunnel, task);
    argv.insert(argv.end(), words.begin(), words.end());
  }
  argv.push_back(options.ssh_user.value_or(task.role) + "@" + task.host);
  argv.push_back("cd " + quoted_sandbox(sandbox, task.task_id) + " || exit 1;" +
                 interpolate_command(options.command.value_or("bash"), task));
  return run_attached(argv, [&](pid_t pid) {
    if (options.pid_file) write_pid_file(context, *options.pid_file, pid);
  });
}

}  // namespace

void add_ssh(cli::CommandTree& tree) {
  auto options = std::make_shared<SshOptions>();
  tree.add_verb("task", "ssh", "Open an ssh session in the sandbox of a live task", options)
      .description(
          std::string(
              "ssh to the host of a live task of the job and start a shell (or --command) in "
              "the task's sandbox (with --executor-sandbox, the executor's directory above it). "
              "Without INSTANCES the first task the scheduler lists is used; --command needs "
              "INSTANCES. The session is `ssh -t [--ssh-options] [-L PORT:HOST:ASSIGNED ...] "
              "USER@HOST 'cd <sandbox> || exit 1;COMMAND'` with the terminal attached, so ssh "
              "may prompt for a password or a host key (unlike task run, which uses batch mode; "
              "upstream "
              "had no `|| exit 1`, so a missing sandbox left you in the login directory), where "
              "USER is "
              "--ssh-user or the job's role (use --ssh-user when the role cannot log in); "
              "{{mesos.instance}}, {{mesos.hostname}}, "
              "{{thermos.task_id}} and {{thermos.ports[NAME]}} in --command are replaced as in "
              "task run. --tunnels PORT:NAME forwards local PORT to the task's port NAME. "
              "The sandbox comes from the cluster's slave_root and slave_run_directory (missing: "
              "exit 3). Exit status: ssh's own (255 for ssh errors, 128+N when killed by signal "
              "N); 6 when no live task matches or a tunnel is invalid; 10 when the scheduler "
              "refuses the query. ") +
          kThreatModel)
      .positional(
          "instance_spec", "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
          "The job, and optionally which instances to choose from", options->spec,
          [](const std::string& v) { return grammars::InstanceSpec::parse(v); },
          cli::ValueHint::InstanceSpec)
      .option("--ssh-user", "SSH_USER", "Remote user (default: the job's role)",
              options->ssh_user, "-l")
      .option("--ssh-options", "SSH_OPTIONS",
              "Extra ssh options, split on whitespace; attach the value with '=' when it starts "
              "with '-' (--ssh-options=\"-F ssh_config\")",
              options->ssh_options)
      .flag("--executor-sandbox", "Start in the executor's sandbox instead of the task's",
            options->executor_sandbox)
      .option("--tunnels", "PORT:NAME",
              "Forward local PORT to the task's named port NAME (repeatable)", options->tunnels,
              "-L")
      .option("--command", "unix_command_line", "Run this command instead of an interactive bash",
              options->command, "-c")
      .option("--pid-file", "PID_FILE", "Write the ssh process id (decimal, no newline) here",
              options->pid_file, "-p")
      .hint(cli::ValueHint::File)
      .run([options](cli::Context& context) { return run_ssh(*options, context); });
}

}  // namespace aurora::commands::task
