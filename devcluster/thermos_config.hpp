#pragma once
// The parts of a Thermos task (executorConfig.data) that running it locally needs.

#include <map>
#include <string>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::devcluster {

struct ThermosProcess {
  std::string name;
  std::string cmdline;
  int max_failures = 1;  // 0 = retry forever
  bool ephemeral = false;
  bool final = false;
  // Processes that must finish successfully before this one starts (order constraints).
  std::vector<std::string> after;
};

struct ThermosTask {
  std::vector<ThermosProcess> processes;
};

// Parses executorConfig.data; throws std::runtime_error when it is not a Thermos task.
ThermosTask parse_thermos_task(const std::string& executor_data);

// Fills in what the executor knows at launch: {{thermos.ports[NAME]}}, {{thermos.task_id}},
// {{mesos.instance}}, {{mesos.hostname}}. Other mustaches stay as they are.
std::string substitute_runtime_values(const std::string& cmdline, const gen::AssignedTask& task);

}  // namespace aurora::devcluster
