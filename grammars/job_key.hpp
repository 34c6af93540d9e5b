#pragma once
// CLUSTER/ROLE/ENV/NAME, the address of a job, and CLUSTER/ROLE/ENV/NAME/INSTANCE of one task.

#include <cstdint>
#include <string>
#include <string_view>

namespace aurora::grammars {

struct JobKey {
  std::string cluster;
  std::string role;
  std::string env;
  std::string name;

  // Exactly four '/'-separated parts; role, env and name match ^[\w\-\.]+$. The cluster is not
  // checked (upstream accepts even an empty one). Throws GrammarError ("jobkeytype").
  static JobKey parse(std::string_view text);

  std::string str() const { return cluster + "/" + role + "/" + env + "/" + name; }
  // ROLE/ENV/NAME, as the scheduler names a job (it never sees the cluster).
  std::string path_without_cluster() const { return role + "/" + env + "/" + name; }
  bool operator==(const JobKey&) const = default;
};

// True when `text` matches upstream's GOOD_IDENTIFIER_PATTERN ^[\w\-\.]+$ (ASCII \w).
bool is_good_identifier(std::string_view text);

struct TaskInstanceKey {
  JobKey job;
  int32_t instance = 0;

  // Exactly five parts and an integer instance. Throws GrammarError ("parse_task_instance_key").
  static TaskInstanceKey parse(std::string_view text);
  std::string str() const { return job.str() + "/" + std::to_string(instance); }
};

}  // namespace aurora::grammars
