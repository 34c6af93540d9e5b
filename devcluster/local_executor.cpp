#include "devcluster/local_executor.hpp"

#include <algorithm>
#include <iostream>

namespace aurora::devcluster {
namespace {

bool is_done(const std::vector<std::string>& names, const auto& processes) {
  for (const auto& name : names) {
    for (const auto& process : processes) {
      if (process.spec.name == name &&
          process.state != std::decay_t<decltype(process)>::State::Succeeded) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

LocalExecutor::LocalExecutor(SandboxLayout layout, bool run_tasks)
    : layout_(std::move(layout)), run_tasks_(run_tasks && !layout_.root.empty()) {
  if (!layout_.root.empty()) layout_.root = std::filesystem::absolute(layout_.root);
}

LocalExecutor::~LocalExecutor() {
  std::lock_guard lock(mutex_);
  for (auto& [id, task] : running_) stop_processes(task);
  running_.clear();
}

void LocalExecutor::prepare(const gen::ScheduledTask& task) {
  if (layout_.root.empty()) return;
  try {
    layout_.create(task.assignedTask.taskId, "run-" + task.assignedTask.taskId.substr(
                                                          task.assignedTask.taskId.rfind('-') + 1));
  } catch (const std::exception& error) {
    std::cerr << "aurora-devcluster: cannot create sandbox: " << error.what() << "\n";
  }
}

bool LocalExecutor::launch(const gen::ScheduledTask& scheduled) {
  if (!run_tasks_ || !scheduled.assignedTask.task.__isset.executorConfig) return false;
  ThermosTask thermos;
  try {
    thermos = parse_thermos_task(scheduled.assignedTask.task.executorConfig.data);
  } catch (const std::exception& error) {
    std::cerr << "aurora-devcluster: " << error.what() << "\n";
    return false;
  }
  RunningTask task;
  task.sandbox = layout_.sandbox(scheduled.assignedTask.taskId);
  std::error_code ignored;
  std::filesystem::create_directories(task.sandbox, ignored);
  for (const auto& spec : thermos.processes) {
    Process process;
    process.spec = spec;
    process.cmdline = substitute_runtime_values(spec.cmdline, scheduled.assignedTask);
    task.processes.push_back(std::move(process));
  }
  std::lock_guard lock(mutex_);
  auto& stored = running_[scheduled.assignedTask.taskId] = std::move(task);
  start_ready_processes(stored);
  return true;
}

bool LocalExecutor::spawn(const std::filesystem::path& sandbox, Process& process) {
  const auto log_dir = sandbox / ".logs" / process.spec.name / std::to_string(process.runs);
  std::error_code ignored;
  std::filesystem::create_directories(log_dir, ignored);
  ProcessLaunch launch;
  launch.directory = sandbox.string();
  launch.stdout_path = (log_dir / "stdout").string();
  launch.stderr_path = (log_dir / "stderr").string();
  launch.command = process.cmdline;
  try {
    process.running.emplace(launch);
    return true;
  } catch (const std::exception& error) {
    std::cerr << "aurora-devcluster: cannot start process " << process.spec.name << ": "
              << error.what() << "\n";
    return false;
  }
}

void LocalExecutor::start_ready_processes(RunningTask& task) {
  bool regular_done = std::all_of(task.processes.begin(), task.processes.end(), [](const auto& p) {
    return p.spec.final || p.spec.ephemeral || p.state == Process::State::Succeeded;
  });
  for (auto& process : task.processes) {
    if (process.state != Process::State::Waiting) continue;
    if (process.spec.final && !regular_done) continue;
    if (!is_done(process.spec.after, task.processes)) continue;
    const bool started = spawn(task.sandbox, process);
    ++process.runs;
    process.state = started ? Process::State::Running : Process::State::Failed;
  }
}

std::vector<TaskExit> LocalExecutor::collect_exits() {
  std::vector<TaskExit> exits;
  std::lock_guard lock(mutex_);
  for (auto it = running_.begin(); it != running_.end();) {
    RunningTask& task = it->second;
    std::string failed;
    for (auto& process : task.processes) {
      if (process.state != Process::State::Running) continue;
      const auto exit_code = process.running->poll_exit();
      if (!exit_code) continue;
      process.running.reset();
      if (*exit_code == 0) {
        process.state = Process::State::Succeeded;
        continue;
      }
      ++process.failures;
      if (process.spec.max_failures == 0 || process.failures < process.spec.max_failures) {
        process.state = Process::State::Waiting;  // retried below
      } else {
        process.state = Process::State::Failed;
        failed = process.spec.name;
      }
    }
    if (!failed.empty()) {
      stop_processes(task);
      exits.push_back({it->first, gen::ScheduleStatus::FAILED,
                       "Process " + failed + " failed (see its stderr in the sandbox)."});
      it = running_.erase(it);
      continue;
    }
    start_ready_processes(task);
    bool finished = std::all_of(task.processes.begin(), task.processes.end(), [](const auto& p) {
      return p.spec.ephemeral || p.state == Process::State::Succeeded;
    });
    if (finished) {
      stop_processes(task);
      exits.push_back({it->first, gen::ScheduleStatus::FINISHED, "Task finished."});
      it = running_.erase(it);
      continue;
    }
    ++it;
  }
  return exits;
}

void LocalExecutor::stop_processes(RunningTask& task) {
  for (auto& process : task.processes) {
    if (process.state != Process::State::Running) continue;
    process.running.reset();  // kills the process group and waits for it
    process.state = Process::State::Failed;
  }
}

void LocalExecutor::kill(const std::string& task_id) {
  std::lock_guard lock(mutex_);
  auto found = running_.find(task_id);
  if (found == running_.end()) return;
  stop_processes(found->second);
  running_.erase(found);
}

bool LocalExecutor::is_running(const std::string& task_id) const {
  std::lock_guard lock(mutex_);
  return running_.count(task_id) > 0;
}

}  // namespace aurora::devcluster
