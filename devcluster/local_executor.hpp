#pragma once
// Gives tasks real sandboxes and, with --run-tasks, really runs their Thermos processes with bash,
// honouring order constraints and retries, logging to <sandbox>/.logs/<process>/<run>/.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "devcluster/process_keeper.hpp"
#include "devcluster/sandbox_layout.hpp"
#include "devcluster/task_executor.hpp"
#include "devcluster/thermos_config.hpp"

namespace aurora::devcluster {

class LocalExecutor : public TaskExecutor {
 public:
  // `layout.root` empty: no sandboxes (and nothing runs). A relative root is made absolute here,
  // since processes run with their sandbox as working directory.
  LocalExecutor(SandboxLayout layout, bool run_tasks);
  ~LocalExecutor() override;

  void prepare(const gen::ScheduledTask& task) override;
  bool launch(const gen::ScheduledTask& task) override;
  void kill(const std::string& task_id) override;
  std::vector<TaskExit> collect_exits() override;
  bool is_running(const std::string& task_id) const override;

 private:
  struct Process {
    ThermosProcess spec;
    std::string cmdline;  // with runtime values filled in
    std::optional<KeptProcess> running;  // while State::Running
    int runs = 0;
    int failures = 0;
    enum class State { Waiting, Running, Succeeded, Failed } state = State::Waiting;
  };
  struct RunningTask {
    std::filesystem::path sandbox;
    std::vector<Process> processes;
  };

  void start_ready_processes(RunningTask& task);
  // Starts the process's next run; false if it could not be started.
  static bool spawn(const std::filesystem::path& sandbox, Process& process);
  static void stop_processes(RunningTask& task);

  SandboxLayout layout_;
  bool run_tasks_;
  mutable std::mutex mutex_;
  std::map<std::string, RunningTask> running_;
};

}  // namespace aurora::devcluster
