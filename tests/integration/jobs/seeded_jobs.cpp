#include "tests/integration/jobs/seeded_jobs.hpp"

#include <fstream>
#include <stdexcept>
#include <thread>

#include "api/scheduler_client.hpp"
#include "api/scheduler_connection.hpp"
#include "aurora_api_constants.h"

namespace aurora::testing {
namespace {

gen::JobKey key_of(const std::string& name) {
  gen::JobKey key;
  key.role = "www-data";
  key.environment = "prod";
  key.name = name;
  return key;
}

}  // namespace

gen::JobConfiguration service_job(const std::string& name, int instances) {
  gen::TaskConfig task;
  task.job = key_of(name);
  task.owner.user = "www-data";
  task.isService = true;
  task.maxTaskFailures = 1;
  gen::Resource cpus;
  cpus.__set_numCpus(0.1);
  gen::Resource ram;
  ram.__set_ramMb(16);
  gen::Resource disk;
  disk.__set_diskMb(16);
  task.resources = {cpus, ram, disk};
  gen::ExecutorConfig executor;
  executor.name = gen::g_aurora_api_constants.AURORA_EXECUTOR_NAME;
  executor.data = R"({"task": {"name": "hello", "processes": [{"name": "hello", )"
                  R"("cmdline": "sleep 600", "max_failures": 1}], "constraints": []}})";
  task.__set_executorConfig(executor);
  gen::JobConfiguration job;
  job.key = key_of(name);
  job.owner.user = "www-data";
  job.taskConfig = task;
  job.instanceCount = instances;
  return job;
}

gen::JobConfiguration cron_job(const std::string& name, const std::string& schedule) {
  auto job = service_job(name, 1);
  job.taskConfig.isService = false;
  job.__set_cronSchedule(schedule);
  return job;
}

gen::Response SeededCluster::call(
    const std::function<void(gen::AuroraAdminClient&, gen::Response&)>& rpc) const {
  api::HttpTransportOptions options;
  options.api_url = server_->url() + "/api";
  api::SchedulerConnection connection(options);
  gen::Response response;
  rpc(connection.client(), response);
  return response;
}

void SeededCluster::create(const gen::JobConfiguration& job) const {
  const auto response = call([&](auto& client, auto& r) { client.createJob(r, job); });
  if (response.responseCode != gen::ResponseCode::OK) {
    throw std::runtime_error("createJob failed: " + api::combine_messages(response));
  }
}

void SeededCluster::schedule_cron(const gen::JobConfiguration& job) const {
  const auto response = call([&](auto& client, auto& r) { client.scheduleCronJob(r, job); });
  if (response.responseCode != gen::ResponseCode::OK) {
    throw std::runtime_error("scheduleCronJob failed: " + api::combine_messages(response));
  }
}

void SeededCluster::start_update(const gen::JobConfiguration& job, int watch_secs) const {
  gen::JobUpdateSettings settings;
  settings.__set_updateGroupSize(1);
  settings.__set_minWaitInInstanceRunningMs(watch_secs * 1000);
  gen::JobUpdateRequest request;
  request.__set_taskConfig(job.taskConfig);
  request.__set_instanceCount(job.instanceCount);
  request.__set_settings(settings);
  const auto response =
      call([&](auto& client, auto& r) { client.startJobUpdate(r, request, "test update"); });
  if (response.responseCode != gen::ResponseCode::OK) {
    throw std::runtime_error("startJobUpdate failed: " + api::combine_messages(response));
  }
}

void SeededCluster::restart_instances(const std::string& name,
                                      const std::set<int32_t>& instances) const {
  const auto response =
      call([&](auto& client, auto& r) { client.restartShards(r, key_of(name), instances); });
  if (response.responseCode != gen::ResponseCode::OK) {
    throw std::runtime_error("restartShards failed: " + api::combine_messages(response));
  }
}

std::vector<gen::ScheduledTask> SeededCluster::tasks(
    const std::string& name, const std::set<gen::ScheduleStatus::type>& statuses) const {
  gen::TaskQuery query;
  query.__set_jobKeys({key_of(name)});
  if (!statuses.empty()) query.__set_statuses(statuses);
  return call([&](auto& client, auto& r) { client.getTasksWithoutConfigs(r, query); })
      .result.scheduleStatusResult.tasks;
}

void SeededCluster::wait_running(const std::string& name, size_t count) const {
  const bool running =
      eventually([&] { return tasks(name, {gen::ScheduleStatus::RUNNING}).size() == count; });
  if (!running) throw std::runtime_error("job " + name + " did not reach RUNNING");
}

std::string job_path(const std::string& name) { return "devcluster/www-data/prod/" + name; }

gen::JobConfiguration guarded_job(const std::string& name, int instances) {
  auto job = service_job(name, instances);
  gen::CountSlaPolicy count;
  count.__set_count(1);
  count.__set_durationSecs(60);
  gen::SlaPolicy policy;
  policy.__set_countSlaPolicy(count);
  job.taskConfig.__set_slaPolicy(policy);
  return job;
}

std::string recording_browser(const DevclusterServer& server, const std::string& record) {
  const auto script = server.scratch().path() / "browser.sh";
  {
    std::ofstream out(script);
    out << "#!/bin/sh\necho \"$1\" >> '" << record << "'\n";
  }
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  return script.string();
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

}  // namespace aurora::testing
