#pragma once
// Task sandboxes sit where a Mesos agent puts them, so the client's ssh/scp/run path templates
// (<root>/slaves/*/frameworks/*/executors/thermos-<task>/runs/latest/sandbox) find them.

#include <filesystem>
#include <string>

namespace aurora::devcluster {

struct SandboxLayout {
  std::filesystem::path root;
  std::string agent_id = "devcluster-agent-S0";
  std::string framework_id = "devcluster-framework-0000";

  // <root>/slaves/<agent>/frameworks/<fw>/executors/thermos-<task_id>
  std::filesystem::path executor_directory(const std::string& task_id) const;
  // <executor dir>/runs/latest/sandbox
  std::filesystem::path sandbox(const std::string& task_id) const;
  // Creates runs/<run_id>/sandbox with runs/latest pointing at it; returns the sandbox path.
  std::filesystem::path create(const std::string& task_id, const std::string& run_id) const;
};

}  // namespace aurora::devcluster
