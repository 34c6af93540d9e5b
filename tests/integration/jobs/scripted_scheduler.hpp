#pragma once
// A scheduler stand-in whose answers a test scripts call by call, for what devcluster never does:
// refuse a query, keep a task from dying, or show a request's arguments as they went on the wire.
// It speaks TBinary Thrift over HTTP, so the real aurora binary talks to it as to a scheduler.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "scripted_http_server.hpp"
#include "tests/integration/fixtures/run_process.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"

namespace aurora::testing {

struct ScriptedCall {
  std::string method;
  std::string body;  // the whole TBinary message
};

class ScriptedScheduler {
 public:
  // The answer to one call (task_query_of and kill_tasks_arguments read its arguments).
  // Called on the server's threads, one call at a time per connection.
  using Answer = std::function<gen::Response(const ScriptedCall& call)>;

  explicit ScriptedScheduler(Answer answer, std::string cluster_name = "devcluster");

  std::string url() const { return http_.url(); }
  std::vector<ScriptedCall> calls() const;
  std::vector<std::string> methods() const;

  // Runs the built aurora client with a clusters.json naming this scheduler.
  ProcessResult aurora(std::vector<std::string> args,
                       std::map<std::string, std::string> env = {}) const;

 private:
  TempDir dir_;
  Answer answer_;
  ScriptedHttpServer http_;
};

// The TaskQuery of a recorded getTasksWithoutConfigs call.
gen::TaskQuery task_query_of(const ScriptedCall& call);

// What a recorded killTasks call carried; nullopt for an argument left off the wire.
struct KillTasksArguments {
  gen::JobKey job;
  std::optional<std::set<int32_t>> instances;
  std::optional<std::string> message;
};
KillTasksArguments kill_tasks_arguments(const ScriptedCall& call);

// Answers: OK with no result, OK with tasks (getTasksWithoutConfigs), and a refusal.
gen::Response ok_response();
gen::Response tasks_response(const std::vector<gen::ScheduledTask>& tasks);
gen::Response error_response(gen::ResponseCode::type code, const std::string& message);

// A task of devcluster/www-data/prod/<job> in `status`.
gen::ScheduledTask scripted_task(const std::string& job, int32_t instance,
                                 gen::ScheduleStatus::type status);

}  // namespace aurora::testing
