#pragma once
// Builds the configs the client would send, so scheduler tests read like client calls.

#include <string>

#include "aurora_api_types.h"

namespace aurora::devcluster::testing {

inline gen::JobKey job_key(const std::string& name = "hello") {
  gen::JobKey key;
  key.role = "www-data";
  key.environment = "prod";
  key.name = name;
  return key;
}

inline gen::TaskConfig task_config(const gen::JobKey& key, const std::string& cmdline = "echo hi",
                                   bool service = true) {
  gen::TaskConfig task;
  task.job = key;
  task.owner.user = "www-data";
  task.isService = service;
  task.maxTaskFailures = 1;
  gen::Resource cpus;
  cpus.__set_numCpus(0.1);
  gen::Resource ram;
  ram.__set_ramMb(16);
  gen::Resource disk;
  disk.__set_diskMb(16);
  gen::Resource port;
  port.__set_namedPort("http");
  task.resources = {cpus, ram, disk, port};
  gen::ExecutorConfig executor;
  executor.name = "AuroraExecutor";
  executor.data = R"({"task": {"name": "hello", "processes": [{"name": "hello", "cmdline": ")" +
                  cmdline + R"(", "max_failures": 1}], "constraints": []}})";
  task.__set_executorConfig(executor);
  return task;
}

inline gen::JobConfiguration job_config(const gen::JobKey& key, int instances,
                                        const std::string& cmdline = "echo hi",
                                        bool service = true) {
  gen::JobConfiguration job;
  job.key = key;
  job.owner.user = "www-data";
  job.taskConfig = task_config(key, cmdline, service);
  job.instanceCount = instances;
  return job;
}

inline gen::JobUpdateRequest update_request(const gen::JobKey& key, int instances,
                                            const std::string& cmdline, int group_size = 1,
                                            int watch_ms = 0) {
  gen::JobUpdateRequest request;
  request.taskConfig = task_config(key, cmdline);
  request.instanceCount = instances;
  request.settings.updateGroupSize = group_size;
  request.settings.minWaitInInstanceRunningMs = watch_ms;
  request.settings.rollbackOnFailure = true;
  return request;
}

}  // namespace aurora::devcluster::testing
