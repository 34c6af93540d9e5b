#pragma once
// Every scheduler RPC the verbs make, with upstream's retry rules: idempotent calls ride out
// transport errors and leaderless schedulers; the others fail at once so nothing runs twice.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "AuroraAdmin.h"
#include "api/http_transport.hpp"
#include "errors/error.hpp"

namespace aurora::api {

class SchedulerConnection;

struct SchedulerClientOptions {
  // Pause between attempts, and how long one call may keep retrying (upstream: 5 s and 10 min).
  std::chrono::milliseconds retry_interval{5'000};
  std::chrono::milliseconds max_wait{600'000};
  // Transport settings; api_url is filled in from `resolve` on each (re)connection.
  HttpTransportOptions transport;
  // Warnings (retries) and debug lines for the user's stderr; never carry credentials.
  std::function<void(std::string_view)> warn = [](std::string_view) {};
  std::function<void(std::string_view)> debug = [](std::string_view) {};
  // Replaced by tests to avoid real waiting.
  std::function<void(std::chrono::milliseconds)> sleep;
  std::function<std::chrono::steady_clock::time_point()> now = [] {
    return std::chrono::steady_clock::now();
  };
};

class SchedulerClient {
 public:
  // `resolve` returns the scheduler's API URL (…/api); it is called again after a failure, so a
  // leader change is followed. It throws aurora::Error: Network errors are retried while
  // connecting, configuration errors end the call.
  SchedulerClient(std::string cluster_name, std::function<std::string()> resolve,
                  SchedulerClientOptions options);
  ~SchedulerClient();
  SchedulerClient(const SchedulerClient&) = delete;
  SchedulerClient& operator=(const SchedulerClient&) = delete;

  const std::string& cluster_name() const { return cluster_name_; }

  // Read-only calls: retried.
  // No role: every job of every role (the argument is left unset on the wire, as upstream's None;
  // an empty string would filter on a role named "").
  gen::Response getJobs(const std::optional<std::string>& role);
  gen::Response getJobSummary(const std::string& role);
  gen::Response getRoleSummary();
  gen::Response getTasksStatus(const gen::TaskQuery& query);
  gen::Response getTasksWithoutConfigs(const gen::TaskQuery& query);
  gen::Response getPendingReason(const gen::TaskQuery& query);
  gen::Response getConfigSummary(const gen::JobKey& job);
  gen::Response getQuota(const std::string& role);
  gen::Response populateJobConfig(const gen::JobConfiguration& config);
  gen::Response getJobUpdateSummaries(const gen::JobUpdateQuery& query);
  gen::Response getJobUpdateDetails(const gen::JobUpdateQuery& query);
  gen::Response getJobUpdateDiff(const gen::JobUpdateRequest& request);
  gen::Response getTierConfigs();

  // Mutations. createJob is not retried; after a transport failure we ask whether it landed.
  gen::Response createJob(const gen::JobConfiguration& config);
  gen::Response scheduleCronJob(const gen::JobConfiguration& config);
  gen::Response descheduleCronJob(const gen::JobKey& job);
  gen::Response startCronJob(const gen::JobKey& job);
  // Retried, as upstream's restarter does.
  gen::Response restartShards(const gen::JobKey& job, const std::set<int32_t>& instances);
  // Unset instances (every instance) and message are left off the wire, as upstream's None: the
  // scheduler records an empty message as one ("Killed by USER.\n").
  gen::Response killTasks(const gen::JobKey& job,
                          const std::optional<std::set<int32_t>>& instances,
                          const std::optional<std::string>& message);
  gen::Response addInstances(const gen::InstanceKey& key, int32_t count);
  // Retried: the scheduler recognizes a repeated request by its metadata (see update start).
  gen::Response startJobUpdate(const gen::JobUpdateRequest& request, const std::string& message);
  gen::Response pauseJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response resumeJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response abortJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response rollbackJobUpdate(const gen::JobUpdateKey& key, const std::string& message);
  gen::Response pulseJobUpdate(const gen::JobUpdateKey& key);

  // How the call is made; public for the tests of the retry rules.
  enum class Retry { OnTransportErrors, Never };
  gen::Response call(std::string_view method, Retry retry,
                     const std::function<void(gen::AuroraAdminClient&, gen::Response&)>& rpc);

 private:
  SchedulerConnection& connection(std::chrono::steady_clock::time_point deadline);
  void pause();
  Error undecodable_answer(const std::string& method, const std::string& body,
                           const std::string& detail) const;

  std::string cluster_name_;
  std::function<std::string()> resolve_;
  SchedulerClientOptions options_;
  std::unique_ptr<SchedulerConnection> connection_;
};

// ", "-joined detail messages of a response ("Unknown error" for an empty one), as upstream's
// combine_messages.
std::string combine_messages(const gen::Response& response);

}  // namespace aurora::api
