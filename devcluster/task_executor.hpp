#pragma once
// Tasks are either simulated or really run (--run-tasks); the scheduler talks to both the same way.

#include <string>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::devcluster {

// How a really-run task ended.
struct TaskExit {
  std::string task_id;
  gen::ScheduleStatus::type status = gen::ScheduleStatus::FINISHED;
  std::string message;
};

class TaskExecutor {
 public:
  virtual ~TaskExecutor() = default;
  // The task was assigned to the agent: create its sandbox.
  virtual void prepare(const gen::ScheduledTask& task) = 0;
  // The task is starting. True if its processes really run (their end is reported by
  // collect_exits); false if the scheduler should simulate the task's life.
  virtual bool launch(const gen::ScheduledTask& task) = 0;
  // Stop the task's processes, if any.
  virtual void kill(const std::string& task_id) = 0;
  // Tasks whose processes all ended since the last call.
  virtual std::vector<TaskExit> collect_exits() = 0;
  // True while the executor runs processes for `task_id`.
  virtual bool is_running(const std::string& task_id) const = 0;
};

// Simulates everything: no sandboxes, no processes.
class SimulatedExecutor : public TaskExecutor {
 public:
  void prepare(const gen::ScheduledTask&) override {}
  bool launch(const gen::ScheduledTask&) override { return false; }
  void kill(const std::string&) override {}
  std::vector<TaskExit> collect_exits() override { return {}; }
  bool is_running(const std::string&) const override { return false; }
};

}  // namespace aurora::devcluster
