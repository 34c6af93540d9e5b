#pragma once
// Puts jobs into a test's devcluster through its Thrift API (job create needs the config language,
// which these tests do not depend on), and watches their tasks.

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "AuroraAdmin.h"
#include "aurora_api_types.h"
#include "tests/integration/fixtures/devcluster_server.hpp"

namespace aurora::testing {

// www-data/prod/<name>: a service job with `instances` instances, as the hello-world example.
gen::JobConfiguration service_job(const std::string& name, int instances);
// The same job run on a cron schedule (not a service, as cron jobs must be).
gen::JobConfiguration cron_job(const std::string& name, const std::string& schedule);

class SeededCluster {
 public:
  explicit SeededCluster(const DevclusterServer& server) : server_(&server) {}

  // createJob / scheduleCronJob; throws std::runtime_error unless the answer is OK.
  void create(const gen::JobConfiguration& job) const;
  void schedule_cron(const gen::JobConfiguration& job) const;
  // startJobUpdate to `job` (one instance per batch, each watched `watch_secs`); throws unless OK.
  void start_update(const gen::JobConfiguration& job, int watch_secs) const;
  // restartShards of the job's `instances`, as another client would; throws unless OK.
  void restart_instances(const std::string& name, const std::set<int32_t>& instances) const;

  std::vector<gen::ScheduledTask> tasks(
      const std::string& name, const std::set<gen::ScheduleStatus::type>& statuses = {}) const;
  // Waits (up to 20 s) until `count` tasks of the job are RUNNING; throws otherwise.
  void wait_running(const std::string& name, size_t count) const;

 private:
  gen::Response call(const std::function<void(gen::AuroraAdminClient&, gen::Response&)>& rpc) const;
  const DevclusterServer* server_;
};

// "devcluster/www-data/prod/<name>"
std::string job_path(const std::string& name);

// A job whose tasks carry a count SlaPolicy, which makes kill and add warn.
gen::JobConfiguration guarded_job(const std::string& name, int instances);

// A $BROWSER stand-in: a script that appends the URL it is given to `record`.
std::string recording_browser(const DevclusterServer& server, const std::string& record);

// Polls `condition` every 20 ms for up to `limit`.
bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds limit = std::chrono::seconds(20));

}  // namespace aurora::testing
