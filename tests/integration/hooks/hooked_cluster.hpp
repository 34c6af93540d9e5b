#pragma once
// A devcluster whose aurora runs see hook directories of the test's own: the system directory
// (through $AURORA_HOOKS_SYSTEM_DIR) and ~/.aurora/hooks.d under the test's HOME.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/integration/fixtures/devcluster_server.hpp"

namespace aurora::testing {

class HookedCluster {
 public:
  explicit HookedCluster(DevclusterOptions options = {});

  DevclusterServer server;
  const std::filesystem::path system_dir;
  const std::filesystem::path user_dir;
  const std::filesystem::path docs_dir;  // where recording hooks save their stdin, per point
  const std::filesystem::path log;       // where recording hooks append one line per call

  // Writes an executable bash script "#!/bin/bash\n<body>" as dir/name.
  void hook(const std::filesystem::path& dir, const std::string& name,
            const std::string& body) const;
  // A hook that appends "<name> <point> <variables>" to `log` and saves stdin as docs_dir/<point>.json.
  void recording_hook(const std::filesystem::path& dir, const std::string& name) const;

  // Runs aurora with the hook directories set (env adds to or overrides them).
  ProcessResult aurora(std::vector<std::string> args,
                       std::map<std::string, std::string> env = {}) const;

  std::vector<std::string> log_lines() const;
  std::string doc_text(const std::string& point) const;

  // examples/hello_world.aurora, with `from` replaced by `to` when given.
  std::string hello_config(const std::string& from = "", const std::string& to = "") const;
};

// The line a recording hook writes.
std::string recorded(const std::string& name, const std::string& point,
                     const std::string& variables);

}  // namespace aurora::testing
