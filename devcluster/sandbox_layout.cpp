#include "devcluster/sandbox_layout.hpp"

namespace aurora::devcluster {

std::filesystem::path SandboxLayout::executor_directory(const std::string& task_id) const {
  return root / "slaves" / agent_id / "frameworks" / framework_id / "executors" /
         ("thermos-" + task_id);
}

std::filesystem::path SandboxLayout::sandbox(const std::string& task_id) const {
  return executor_directory(task_id) / "runs" / "latest" / "sandbox";
}

std::filesystem::path SandboxLayout::create(const std::string& task_id,
                                            const std::string& run_id) const {
  auto runs = executor_directory(task_id) / "runs";
  auto sandbox_path = runs / run_id / "sandbox";
  std::filesystem::create_directories(sandbox_path);
  auto latest = runs / "latest";
  std::error_code ignored;
  std::filesystem::remove(latest, ignored);
  std::filesystem::create_directory_symlink(run_id, latest, ignored);
  return sandbox_path;
}

}  // namespace aurora::devcluster
