#include "commands/task/verbs.hpp"

namespace aurora::commands::task {

const char* const kThreatModel =
    "Safety: ssh and scp are started directly from an argument vector, never through a local "
    "shell. The command you give is shell code by design and runs in your login shell on the "
    "agent. What aurora adds to it comes from the scheduler and from clusters.json, and is "
    "treated as untrusted: the task id must consist of letters, digits, '.', '-' and '_', the "
    "host name of letters, digits, '.', '-' and '_', the role (the default remote user) must "
    "match the job-key grammar, and none may start with '-'; a task that fails these checks "
    "is refused (exit 4) before anything runs. slave_root and slave_run_directory must consist of "
    "letters, digits and / . _ - + , = @ % (otherwise exit 3, naming the field), because scp's "
    "legacy protocol (-O) hands the remote path to a shell while its SFTP protocol takes it "
    "literally, so no quoting would be right for both; in the commands of task run and ssh the "
    "sandbox path is also single-quoted, except for the two '*' of the agent layout, which the "
    "remote shell expands. Values "
    "substituted into your command ({{thermos.task_id}}, {{mesos.hostname}}, port numbers, the "
    "instance) are the checked ones. A scheduler or agent you do not trust can still choose which "
    "host you connect to, so verify host keys as usual.";

void register_verbs(cli::CommandTree& tree) {
  add_run(tree);
  add_ssh(tree);
  add_scp(tree);
}

}  // namespace aurora::commands::task
