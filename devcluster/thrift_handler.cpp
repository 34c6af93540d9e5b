#include "devcluster/thrift_handler.hpp"

#include "devcluster/responses.hpp"

namespace aurora::devcluster {
gen::Response ThriftHandler::unsupported(const char* call) const {
  gen::Response response = respond(gen::ResponseCode::ERROR,
                                   std::string(call) + " is not supported by aurora-devcluster.");
  response.serverInfo.clusterName = cluster_name_;
  return response;
}

void ThriftHandler::getRoleSummary(gen::Response& out) { out = scheduler_.getRoleSummary(); }
void ThriftHandler::getJobSummary(gen::Response& out, const std::string& role) {
  out = scheduler_.getJobSummary(role);
}
void ThriftHandler::getTasksStatus(gen::Response& out, const gen::TaskQuery& query) {
  out = scheduler_.getTasksStatus(query);
}
void ThriftHandler::getTasksWithoutConfigs(gen::Response& out, const gen::TaskQuery& query) {
  out = scheduler_.getTasksWithoutConfigs(query);
}
void ThriftHandler::getPendingReason(gen::Response& out, const gen::TaskQuery& query) {
  out = scheduler_.getPendingReason(query);
}
void ThriftHandler::getConfigSummary(gen::Response& out, const gen::JobKey& job) {
  out = scheduler_.getConfigSummary(job);
}
void ThriftHandler::getJobs(gen::Response& out, const std::string& role) {
  out = scheduler_.getJobs(role);
}
void ThriftHandler::getQuota(gen::Response& out, const std::string& role) {
  out = scheduler_.getQuota(role);
}
void ThriftHandler::populateJobConfig(gen::Response& out, const gen::JobConfiguration& job) {
  out = scheduler_.populateJobConfig(job);
}
void ThriftHandler::getJobUpdateSummaries(gen::Response& out, const gen::JobUpdateQuery& query) {
  out = scheduler_.getJobUpdateSummaries(query);
}
void ThriftHandler::getJobUpdateDetails(gen::Response& out, const gen::JobUpdateQuery& query) {
  out = scheduler_.getJobUpdateDetails(query);
}
void ThriftHandler::getJobUpdateDiff(gen::Response& out, const gen::JobUpdateRequest& request) {
  out = scheduler_.getJobUpdateDiff(request);
}
void ThriftHandler::getTierConfigs(gen::Response& out) { out = scheduler_.getTierConfigs(); }

void ThriftHandler::createJob(gen::Response& out, const gen::JobConfiguration& job) {
  out = scheduler_.createJob(job);
}
void ThriftHandler::scheduleCronJob(gen::Response& out, const gen::JobConfiguration& job) {
  out = scheduler_.scheduleCronJob(job);
}
void ThriftHandler::descheduleCronJob(gen::Response& out, const gen::JobKey& job) {
  out = scheduler_.descheduleCronJob(job);
}
void ThriftHandler::startCronJob(gen::Response& out, const gen::JobKey& job) {
  out = scheduler_.startCronJob(job);
}
void ThriftHandler::restartShards(gen::Response& out, const gen::JobKey& job,
                                  const std::set<int32_t>& shards) {
  out = scheduler_.restartShards(job, shards);
}
void ThriftHandler::killTasks(gen::Response& out, const gen::JobKey& job,
                              const std::set<int32_t>& instances, const std::string& message) {
  out = scheduler_.killTasks(job, instances, message);
}
void ThriftHandler::addInstances(gen::Response& out, const gen::InstanceKey& key, int32_t count) {
  out = scheduler_.addInstances(key, count);
}
void ThriftHandler::replaceCronTemplate(gen::Response& out, const gen::JobConfiguration& job) {
  out = scheduler_.replaceCronTemplate(job);
}
void ThriftHandler::startJobUpdate(gen::Response& out, const gen::JobUpdateRequest& request,
                                   const std::string& message) {
  out = scheduler_.startJobUpdate(request, message);
}
void ThriftHandler::pauseJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                                   const std::string& message) {
  out = scheduler_.pauseJobUpdate(key, message);
}
void ThriftHandler::resumeJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                                    const std::string& message) {
  out = scheduler_.resumeJobUpdate(key, message);
}
void ThriftHandler::abortJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                                   const std::string& message) {
  out = scheduler_.abortJobUpdate(key, message);
}
void ThriftHandler::rollbackJobUpdate(gen::Response& out, const gen::JobUpdateKey& key,
                                      const std::string& message) {
  out = scheduler_.rollbackJobUpdate(key, message);
}
void ThriftHandler::pulseJobUpdate(gen::Response& out, const gen::JobUpdateKey& key) {
  out = scheduler_.pulseJobUpdate(key);
}

void ThriftHandler::setQuota(gen::Response& out, const std::string& role,
                             const gen::ResourceAggregate& quota) {
  out = scheduler_.setQuota(role, quota);
}
void ThriftHandler::forceTaskState(gen::Response& out, const std::string& task_id,
                                   gen::ScheduleStatus::type status) {
  out = scheduler_.forceTaskState(task_id, status);
}
void ThriftHandler::performBackup(gen::Response& out) { out = unsupported("performBackup"); }
void ThriftHandler::listBackups(gen::Response& out) { out = unsupported("listBackups"); }
void ThriftHandler::stageRecovery(gen::Response& out, const std::string&) {
  out = unsupported("stageRecovery");
}
void ThriftHandler::queryRecovery(gen::Response& out, const gen::TaskQuery&) {
  out = unsupported("queryRecovery");
}
void ThriftHandler::deleteRecoveryTasks(gen::Response& out, const gen::TaskQuery&) {
  out = unsupported("deleteRecoveryTasks");
}
void ThriftHandler::commitRecovery(gen::Response& out) { out = unsupported("commitRecovery"); }
void ThriftHandler::unloadRecovery(gen::Response& out) { out = unsupported("unloadRecovery"); }
void ThriftHandler::startMaintenance(gen::Response& out, const gen::Hosts&) {
  out = unsupported("startMaintenance");
}
void ThriftHandler::drainHosts(gen::Response& out, const gen::Hosts&) {
  out = unsupported("drainHosts");
}
void ThriftHandler::maintenanceStatus(gen::Response& out, const gen::Hosts&) {
  out = unsupported("maintenanceStatus");
}
void ThriftHandler::endMaintenance(gen::Response& out, const gen::Hosts&) {
  out = unsupported("endMaintenance");
}
void ThriftHandler::slaDrainHosts(gen::Response& out, const gen::Hosts&, const gen::SlaPolicy&,
                                  int64_t) {
  out = unsupported("slaDrainHosts");
}
void ThriftHandler::snapshot(gen::Response& out) { out = unsupported("snapshot"); }
void ThriftHandler::triggerExplicitTaskReconciliation(gen::Response& out,
                                                      const gen::ExplicitReconciliationSettings&) {
  out = unsupported("triggerExplicitTaskReconciliation");
}
void ThriftHandler::triggerImplicitTaskReconciliation(gen::Response& out) {
  out = unsupported("triggerImplicitTaskReconciliation");
}
void ThriftHandler::pruneTasks(gen::Response& out, const gen::TaskQuery&) {
  out = unsupported("pruneTasks");
}

}  // namespace aurora::devcluster
