#include "tests/integration/task/task_cluster.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "api/scheduler_client.hpp"
#include "api/scheduler_connection.hpp"
#include "aurora_api_constants.h"

namespace aurora::testing {
namespace {

DevclusterOptions devcluster_options(bool run_tasks) {
  DevclusterOptions options;
  options.run_tasks = run_tasks;
  options.with_sandboxes = true;
  options.extra_args = {"--hostname", "127.0.0.1"};
  return options;
}

gen::Response call(const DevclusterServer& server,
                   const std::function<void(gen::AuroraAdminClient&, gen::Response&)>& rpc) {
  api::HttpTransportOptions options;
  options.api_url = server.url() + "/api";
  api::SchedulerConnection connection(options);
  gen::Response response;
  rpc(connection.client(), response);
  return response;
}

}  // namespace

gen::JobConfiguration task_job(const std::string& role, const std::string& name, int instances,
                               const std::string& cmdline, const std::vector<std::string>& ports) {
  gen::JobKey key;
  key.role = role;
  key.environment = "prod";
  key.name = name;
  gen::TaskConfig task;
  task.job = key;
  task.owner.user = role;
  task.isService = true;
  task.maxTaskFailures = 1;
  gen::Resource cpus;
  cpus.__set_numCpus(0.1);
  gen::Resource ram;
  ram.__set_ramMb(16);
  gen::Resource disk;
  disk.__set_diskMb(16);
  task.resources = {cpus, ram, disk};
  for (const auto& port : ports) {
    gen::Resource named;
    named.__set_namedPort(port);
    task.resources.insert(named);
  }
  nlohmann::json process = {{"name", "hello"}, {"cmdline", cmdline}, {"max_failures", 1}};
  nlohmann::json data = {
      {"task", {{"name", "hello"}, {"processes", {process}}, {"constraints", nlohmann::json::array()}}}};
  gen::ExecutorConfig executor;
  executor.name = gen::g_aurora_api_constants.AURORA_EXECUTOR_NAME;
  executor.data = data.dump();
  task.__set_executorConfig(executor);
  gen::JobConfiguration job;
  job.key = key;
  job.owner.user = role;
  job.taskConfig = task;
  job.instanceCount = instances;
  return job;
}

TaskCluster::TaskCluster(bool run_tasks)
    : devcluster(devcluster_options(run_tasks)), run_tasks_(run_tasks) {}

void TaskCluster::create(const gen::JobConfiguration& job) const {
  const auto response = call(devcluster, [&](auto& client, auto& r) { client.createJob(r, job); });
  if (response.responseCode != gen::ResponseCode::OK) {
    throw std::runtime_error("createJob failed: " + api::combine_messages(response));
  }
}

std::vector<gen::ScheduledTask> TaskCluster::tasks(const std::string& role,
                                                   const std::string& name) const {
  gen::TaskQuery query;
  gen::JobKey key;
  key.role = role;
  key.environment = "prod";
  key.name = name;
  query.__set_jobKeys({key});
  auto tasks = call(devcluster, [&](auto& client, auto& r) { client.getTasksStatus(r, query); })
                   .result.scheduleStatusResult.tasks;
  std::sort(tasks.begin(), tasks.end(), [](const auto& a, const auto& b) {
    return a.assignedTask.instanceId < b.assignedTask.instanceId;
  });
  return tasks;
}

void TaskCluster::wait_running(const std::string& role, const std::string& name,
                               size_t count) const {
  const bool ready = eventually([&] {
    size_t running = 0;
    for (const auto& task : tasks(role, name)) {
      if (task.status != gen::ScheduleStatus::RUNNING) continue;
      const auto stdout_file = sandbox(task) / ".logs" / "hello" / "0" / "stdout";
      if (run_tasks_ && (!std::filesystem::exists(stdout_file) ||
                         std::filesystem::file_size(stdout_file) == 0)) {
        continue;
      }
      ++running;
    }
    return running == count;
  });
  if (!ready) {
    throw std::runtime_error("tasks of " + role + "/prod/" + name +
                             " did not start: " + devcluster.log_tail());
  }
}

std::filesystem::path TaskCluster::sandbox(const gen::ScheduledTask& task) const {
  return devcluster.sandbox_root() / "slaves" / task.assignedTask.slaveId / "frameworks" /
         "devcluster-framework-0000" / "executors" / ("thermos-" + task.assignedTask.taskId) /
         "runs" / "latest" / "sandbox";
}

ProcessResult TaskCluster::aurora(const std::vector<std::string>& args, std::chrono::seconds limit,
                                  const std::filesystem::path& config_root,
                                  const std::map<std::string, std::string>& env) const {
  std::vector<std::string> argv = {"/usr/bin/timeout", "-k", "5", std::to_string(limit.count()),
                                   AURORA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto home = devcluster.scratch().path() / "home";
  std::map<std::string, std::string> environment = {
      {"AURORA_CONFIG_ROOT",
       (config_root.empty() ? devcluster.config_root() : config_root).string()},
      {"HOME", home.string()},
      {"XDG_CONFIG_HOME", (home / ".config").string()},
      {"TZ", "UTC"}};
  for (const auto& [name, value] : env) environment[name] = value;
  return run_process(argv, environment);
}

std::map<std::string, std::string> TaskCluster::recording_ssh_env() const {
  const auto bin = devcluster.scratch().path() / "recording-bin";
  const auto real_ssh = find_program("ssh");
  if (!real_ssh) throw std::runtime_error("ssh is not installed");
  std::filesystem::create_directories(bin);
  const auto script = bin / "ssh";
  // One argument per line, then a line "--" closing the call.
  std::ofstream(script) << "#!/bin/sh\nprintf '%s\\n' \"$@\" -- >> '"
                        << (devcluster.scratch().path() / "ssh-argv").string() << "'\nexec '"
                        << real_ssh->string() << "' \"$@\"\n";
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  const char* path = std::getenv("PATH");
  return {{"PATH", bin.string() + ":" + (path ? path : "/usr/bin:/bin")}};
}

std::vector<std::vector<std::string>> TaskCluster::recorded_ssh_calls() const {
  std::vector<std::vector<std::string>> calls(1);
  std::ifstream in(devcluster.scratch().path() / "ssh-argv");
  for (std::string line; std::getline(in, line);) {
    if (line == "--") {
      calls.emplace_back();
    } else {
      calls.back().push_back(line);
    }
  }
  calls.pop_back();
  return calls;
}

std::string TaskCluster::remote_cd(const gen::ScheduledTask& task) const {
  return "cd '" + devcluster.sandbox_root().string() +
         "'/slaves/*/frameworks/*/executors/'thermos-" + task.assignedTask.taskId +
         "'/runs/'latest'/sandbox || exit 1;";
}

std::string job_path(const std::string& role, const std::string& name) {
  return "devcluster/" + role + "/prod/" + name;
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

}  // namespace aurora::testing
