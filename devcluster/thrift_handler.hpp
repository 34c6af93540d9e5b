#pragma once
// Adapts the generated AuroraAdmin interface to Scheduler; admin calls a devcluster does not
// model answer with an error instead of crashing the connection.

#include "AuroraAdmin.h"
#include "devcluster/scheduler.hpp"

namespace aurora::devcluster {

class ThriftHandler : public gen::AuroraAdminIf {
 public:
  // `cluster_name` goes into the serverInfo of calls the scheduler does not model.
  ThriftHandler(Scheduler& scheduler, std::string cluster_name)
      : scheduler_(scheduler), cluster_name_(std::move(cluster_name)) {}

  void getRoleSummary(gen::Response& out) override;
  void getJobSummary(gen::Response& out, const std::string& role) override;
  void getTasksStatus(gen::Response& out, const gen::TaskQuery& query) override;
  void getTasksWithoutConfigs(gen::Response& out, const gen::TaskQuery& query) override;
  void getPendingReason(gen::Response& out, const gen::TaskQuery& query) override;
  void getConfigSummary(gen::Response& out, const gen::JobKey& job) override;
  void getJobs(gen::Response& out, const std::string& role) override;
  void getQuota(gen::Response& out, const std::string& role) override;
  void populateJobConfig(gen::Response& out, const gen::JobConfiguration& description) override;
  void getJobUpdateSummaries(gen::Response& out, const gen::JobUpdateQuery& query) override;
  void getJobUpdateDetails(gen::Response& out, const gen::JobUpdateQuery& query) override;
  void getJobUpdateDiff(gen::Response& out, const gen::JobUpdateRequest& request) override;
  void getTierConfigs(gen::Response& out) override;

  void createJob(gen::Response& out, const gen::JobConfiguration& description) override;
  void scheduleCronJob(gen::Response& out, const gen::JobConfiguration& description) override;
  void descheduleCronJob(gen::Response& out, const gen::JobKey& job) override;
  void startCronJob(gen::Response& out, const gen::JobKey& job) override;
  void restartShards(gen::Response& out, const gen::JobKey& job,
                     const std::set<int32_t>& shards) override;
  void killTasks(gen::Response& out, const gen::JobKey& job, const std::set<int32_t>& instances,
                 const std::string& message) override;
  void addInstances(gen::Response& out, const gen::InstanceKey& key, int32_t count) override;
  void replaceCronTemplate(gen::Response& out, const gen::JobConfiguration& config) override;
  void startJobUpdate(gen::Response& out, const gen::JobUpdateRequest& request,
                      const std::string& message) override;
  void pauseJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                      const std::string& message) override;
  void resumeJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                       const std::string& message) override;
  void abortJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                      const std::string& message) override;
  void rollbackJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                         const std::string& message) override;
  void pulseJobUpdate(gen::Response& out, const gen::JobUpdateKey& key) override;

  void setQuota(gen::Response& out, const std::string& role,
                const gen::ResourceAggregate& quota) override;
  void forceTaskState(gen::Response& out, const std::string& task_id,
                      gen::ScheduleStatus::type status) override;
  void performBackup(gen::Response& out) override;
  void listBackups(gen::Response& out) override;
  void stageRecovery(gen::Response& out, const std::string& backup_id) override;
  void queryRecovery(gen::Response& out, const gen::TaskQuery& query) override;
  void deleteRecoveryTasks(gen::Response& out, const gen::TaskQuery& query) override;
  void commitRecovery(gen::Response& out) override;
  void unloadRecovery(gen::Response& out) override;
  void startMaintenance(gen::Response& out, const gen::Hosts& hosts) override;
  void drainHosts(gen::Response& out, const gen::Hosts& hosts) override;
  void maintenanceStatus(gen::Response& out, const gen::Hosts& hosts) override;
  void endMaintenance(gen::Response& out, const gen::Hosts& hosts) override;
  void slaDrainHosts(gen::Response& out, const gen::Hosts& hosts, const gen::SlaPolicy& policy,
                     int64_t timeout_secs) override;
  void snapshot(gen::Response& out) override;
  void triggerExplicitTaskReconciliation(
      gen::Response& out, const gen::ExplicitReconciliationSettings& settings) override;
  void triggerImplicitTaskReconciliation(gen::Response& out) override;
  void pruneTasks(gen::Response& out, const gen::TaskQuery& query) override;

 private:
  gen::Response unsupported(const char* call) const;

  Scheduler& scheduler_;
  std::string cluster_name_;
};

}  // namespace aurora::devcluster
