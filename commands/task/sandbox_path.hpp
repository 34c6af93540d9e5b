#pragma once
// Where a task's sandbox lives on its agent: upstream's template
// <slave_root>/slaves/*/frameworks/*/executors/thermos-<task id>/runs/<slave_run_directory>[/sandbox]
// (joined with POSIX path-join rules), as shell text and as a plain path.

#include <string>

#include "clusters/cluster.hpp"

namespace aurora::commands::task {

struct SandboxSettings {
  std::string slave_root;
  std::string slave_run_directory;
  bool executor_sandbox = false;  // stop at the run directory (no /sandbox)

  // The cluster's slave_root and slave_run_directory; a missing one (upstream crashes with a
  // TypeError), or one with a character outside is_safe_path_text, is Error(InvalidConfiguration)
  // naming the cluster, its clusters.json and the field.
  static SandboxSettings of(const clusters::Cluster& cluster, bool executor_sandbox);
};

// For `cd` in a remote shell: every part single-quoted except the two `*` the remote shell must
// expand, e.g. '/var/lib/mesos'/slaves/*/frameworks/*/executors/'thermos-ID'/runs/'latest'/sandbox.
// `task_id` must already be checked (is_safe_task_id).
std::string quoted_sandbox(const SandboxSettings& settings, const std::string& task_id);

// The same path as plain text, for scp (whose remote side expands the globs itself); safe only
// because SandboxSettings::of admits no character a shell or a glob would interpret.
std::string plain_sandbox(const SandboxSettings& settings, const std::string& task_id);

}  // namespace aurora::commands::task
