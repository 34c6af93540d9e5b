#pragma once
// A devcluster that really runs tasks in Mesos-style sandboxes on 127.0.0.1, next to a throwaway
// sshd, so task run/ssh/scp go over real ssh to real sandboxes.

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "tests/integration/fixtures/devcluster_server.hpp"
#include "tests/integration/fixtures/sshd_server.hpp"

namespace aurora::testing {

// <role>/prod/<name>: a service whose one process runs `cmdline` and asks for the named ports.
gen::JobConfiguration task_job(const std::string& role, const std::string& name, int instances,
                               const std::string& cmdline,
                               const std::vector<std::string>& ports = {"http"});

class TaskCluster {
 public:
  // run_tasks: the devcluster runs the processes (--run-tasks); otherwise it only makes sandboxes.
  explicit TaskCluster(bool run_tasks = true);

  SshdServer sshd;
  DevclusterServer devcluster;

  // createJob through the Thrift API; throws unless OK.
  void create(const gen::JobConfiguration& job) const;
  // The job's tasks (every state), sorted by instance.
  std::vector<gen::ScheduledTask> tasks(const std::string& role, const std::string& name) const;
  // Waits until `count` tasks are RUNNING and, with run_tasks, each has written its first
  // stdout line; throws after 30 s.
  void wait_running(const std::string& role, const std::string& name, size_t count) const;

  // The task's sandbox as the devcluster lays it out (README of devcluster/).
  std::filesystem::path sandbox(const gen::ScheduledTask& task) const;

  // --ssh-options / --scp-options with "-F <ssh_config>" (attached with '=': a separate value
  // starting with '-' is refused by our parser, see the task report).
  std::string ssh_flag() const { return "--ssh-options=-F " + sshd.ssh_config().string(); }
  std::string scp_flag() const { return "--scp-options=-F " + sshd.ssh_config().string(); }

  // The aurora client against this devcluster, killed if it runs longer than `limit`.
  ProcessResult aurora(const std::vector<std::string>& args,
                       std::chrono::seconds limit = std::chrono::seconds(60),
                       const std::filesystem::path& config_root = {},
                       const std::map<std::string, std::string>& env = {}) const;

  // Environment that puts a recording `ssh` first in PATH: it notes its arguments and runs the
  // real ssh, so a test sees exactly how the client invoked ssh.
  std::map<std::string, std::string> recording_ssh_env() const;
  // The argument lists (without argv[0]) of every ssh the recording wrapper ran, in order.
  std::vector<std::vector<std::string>> recorded_ssh_calls() const;
  // The remote command's `cd` into the task's sandbox, as task run and ssh write it.
  std::string remote_cd(const gen::ScheduledTask& task) const;

 private:
  bool run_tasks_;
};

// "devcluster/<role>/prod/<name>"
std::string job_path(const std::string& role, const std::string& name);

// The lines of `text`, sorted (task run prints instances in completion order).
std::vector<std::string> sorted_lines(const std::string& text);

bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds limit = std::chrono::seconds(30));

}  // namespace aurora::testing
