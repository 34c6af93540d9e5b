#pragma once
// What a running verb may touch: its streams, the logger, the clusters, the output format.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/log.hpp"
#include "clusters/cluster_set.hpp"

namespace aurora::api {
class SchedulerClient;
}
namespace aurora::hooks {
class HookSession;
}

namespace aurora::cli {

class SchedulerAccess;

enum class OutputFormat { Text, Json };

class Context {
 public:
  Context(std::ostream& out, std::ostream& err, bool verbose,
          clusters::SearchInputs cluster_search = clusters::SearchInputs::from_environment());
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  std::ostream& out() { return *out_; }
  std::ostream& err() { return *err_; }
  const Logger& log() const { return log_; }
  bool verbose() const { return verbose_; }

  // Upstream's print_out/print_err: each line of `message` on its own line, indented.
  void print_out(std::string_view message, int indent = 0);
  void print_err(std::string_view message, int indent = 0);

  // clusters.json, read on first use so that a broken file never blocks --help.
  const clusters::ClusterSet& clusters();

  // The scheduler of `cluster` (one client per cluster per command) and its web UI base URL.
  api::SchedulerClient& scheduler(const clusters::Cluster& cluster);
  std::string display_base_url(const clusters::Cluster& cluster);
  SchedulerAccess& scheduler_access();

  OutputFormat output = OutputFormat::Text;
  // The command line as typed, for hooks and debug logging.
  std::vector<std::string> argv;
  // The command's hook executables (null when none run) and whether --skip-hooks=all was given;
  // the verbs' API hook points use both (commands/api_hooks.hpp).
  std::shared_ptr<const hooks::HookSession> hooks;
  bool skip_all_hooks = false;
  // A non-zero exit code that is the verb's answer rather than a failure (job diff --exit-code's
  // 1, "differs"): pipelines test it, so no "Command terminated with error code" line follows.
  int answer_exit_code = 0;
  // Wall clock; tests replace it.
  std::function<std::chrono::system_clock::time_point()> now = [] {
    return std::chrono::system_clock::now();
  };

 private:
  std::ostream* out_;
  std::ostream* err_;
  bool verbose_;
  Logger log_;
  clusters::SearchInputs cluster_search_;
  std::optional<clusters::ClusterSet> clusters_;
  std::unique_ptr<SchedulerAccess> scheduler_access_;
};

}  // namespace aurora::cli
