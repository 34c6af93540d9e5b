#pragma once
// A converted job as one line in the format of spec 6.2's per-config expected values, so a test
// compares the whole line the spec gives:
//   key C/R/E/N, instances=.., isService=.., tier=.., production=.., maxTaskFailures=..,
//   priority=.., resources={..}[, cron='..'/POLICY][, contactEmail=..][, constraints=[..]]
//   [, metadata=[..]][, partitionPolicy={..}][, slaPolicy={..}][, executorConfig={..}]
//   [, container={..}]; task.name=.., processes=[[name, cmdline]..], task.constraints=[..];
//   update_settings={..}
// JSON as Python's json.dumps(sort_keys=True) prints it; sets as sorted lists; the task part is
// read from executorConfig.data and is absent for a custom executor.

#include <nlohmann/json.hpp>

#include <string>

#include "config/job_config.hpp"
#include "config/lang/number_format.hpp"

namespace aurora::config::testing {

inline std::string py_json(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      std::string out = "{";
      for (auto it = j.begin(); it != j.end(); ++it)  // nlohmann::json keeps keys sorted
        out += (it == j.begin() ? "\"" : ", \"") + it.key() + "\": " + py_json(it.value());
      return out + "}";
    }
    case nlohmann::json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < j.size(); ++i) out += (i ? ", " : "") + py_json(j[i]);
      return out + "]";
    }
    case nlohmann::json::value_t::number_float: return lang::float_repr(j.get<double>());
    default: return j.dump();
  }
}

inline std::string py_bool(bool b) { return b ? "True" : "False"; }

inline nlohmann::json container_json(const gen::Container& c) {
  if (c.__isset.docker) {
    nlohmann::json parameters = nlohmann::json::array();
    for (const auto& p : c.docker.parameters) parameters.push_back({{"name", p.name}, {"value", p.value}});
    return {{"docker", {{"image", c.docker.image}, {"parameters", parameters}}}};
  }
  nlohmann::json mesos = nlohmann::json::object();
  if (c.mesos.__isset.image) {
    const auto& image = c.mesos.image;
    mesos["image"] = image.__isset.docker
                         ? nlohmann::json{{"docker", {{"name", image.docker.name}, {"tag", image.docker.tag}}}}
                         : nlohmann::json{{"appc", {{"name", image.appc.name}, {"imageId", image.appc.imageId}}}};
  }
  if (c.mesos.__isset.volumes) {
    nlohmann::json volumes = nlohmann::json::array();
    for (const auto& v : c.mesos.volumes)
      volumes.push_back({{"containerPath", v.containerPath}, {"hostPath", v.hostPath},
                         {"mode", gen::_Mode_VALUES_TO_NAMES.at(static_cast<int>(v.mode))}});
    mesos["volumes"] = volumes;
  }
  return {{"mesos", mesos}};
}

inline nlohmann::json settings_json(const gen::JobUpdateSettings& s) {
  nlohmann::json out = {{"maxFailedInstances", s.maxFailedInstances},
                        {"maxPerInstanceFailures", s.maxPerInstanceFailures},
                        {"minWaitInInstanceRunningMs", s.minWaitInInstanceRunningMs},
                        {"rollbackOnFailure", s.rollbackOnFailure},
                        {"slaAware", s.slaAware},
                        {"updateGroupSize", s.updateGroupSize},
                        {"waitForBatchCompletion", s.waitForBatchCompletion}};
  if (s.__isset.blockIfNoPulsesAfterMs) out["blockIfNoPulsesAfterMs"] = s.blockIfNoPulsesAfterMs;
  const auto& st = s.updateStrategy;
  if (st.__isset.queueStrategy)
    out["updateStrategy"] = {{"queueStrategy", {{"groupSize", st.queueStrategy.groupSize}}}};
  else if (st.__isset.batchStrategy)
    out["updateStrategy"] = {{"batchStrategy", {{"groupSize", st.batchStrategy.groupSize},
                                                {"autopauseAfterBatch", st.batchStrategy.autopauseAfterBatch}}}};
  else if (st.__isset.varBatchStrategy)
    out["updateStrategy"] = {{"varBatchStrategy", {{"groupSizes", st.varBatchStrategy.groupSizes},
                                                   {"autopauseAfterBatch", st.varBatchStrategy.autopauseAfterBatch}}}};
  return out;
}

inline std::string spec_summary(const std::string& cluster, const LoadedJob& loaded, const gen::JobConfiguration& job) {
  const gen::TaskConfig& t = job.taskConfig;
  nlohmann::json resources = nlohmann::json::object();
  nlohmann::json ports = nlohmann::json::array();
  for (const auto& r : t.resources) {
    if (r.__isset.numCpus) resources["numCpus"] = r.numCpus;
    if (r.__isset.ramMb) resources["ramMb"] = r.ramMb;
    if (r.__isset.diskMb) resources["diskMb"] = r.diskMb;
    if (r.__isset.numGpus) resources["numGpus"] = r.numGpus;
    if (r.__isset.namedPort) ports.push_back(r.namedPort);  // a std::set: sorted already
  }
  if (!ports.empty()) resources["namedPort"] = ports;
  std::string out = "key " + cluster + "/" + job.key.role + "/" + job.key.environment + "/" + job.key.name +
                    ", instances=" + std::to_string(job.instanceCount) + ", isService=" + py_bool(t.isService) +
                    ", tier=" + t.tier + ", production=" + py_bool(t.production) +
                    ", maxTaskFailures=" + std::to_string(t.maxTaskFailures) + ", priority=" + std::to_string(t.priority) +
                    ", resources=" + py_json(resources);
  if (job.__isset.cronSchedule)
    out += ", cron='" + job.cronSchedule + "'/" +
           gen::_CronCollisionPolicy_VALUES_TO_NAMES.at(static_cast<int>(job.cronCollisionPolicy));
  if (t.__isset.contactEmail) out += ", contactEmail=" + t.contactEmail;
  if (!t.constraints.empty()) {
    nlohmann::json constraints = nlohmann::json::array();
    for (const auto& c : t.constraints) {
      nlohmann::json value = c.constraint.__isset.limit
                                 ? nlohmann::json{{"limit", {{"limit", c.constraint.limit.limit}}}}
                                 : nlohmann::json{{"value", {{"negated", c.constraint.value.negated},
                                                             {"values", c.constraint.value.values}}}};
      constraints.push_back({{"name", c.name}, {"constraint", value}});
    }
    out += ", constraints=" + py_json(constraints);
  }
  if (!t.metadata.empty()) {
    nlohmann::json metadata = nlohmann::json::array();
    for (const auto& m : t.metadata) metadata.push_back({{"key", m.key}, {"value", m.value}});
    out += ", metadata=" + py_json(metadata);
  }
  if (t.__isset.partitionPolicy)
    out += ", partitionPolicy=" +
           py_json({{"reschedule", t.partitionPolicy.reschedule}, {"delaySecs", t.partitionPolicy.delaySecs}});
  if (t.__isset.slaPolicy) {
    const auto& p = t.slaPolicy;
    nlohmann::json sla =
        p.__isset.percentageSlaPolicy
            ? nlohmann::json{{"percentageSlaPolicy", {{"percentage", p.percentageSlaPolicy.percentage},
                                                      {"durationSecs", p.percentageSlaPolicy.durationSecs}}}}
        : p.__isset.countSlaPolicy
            ? nlohmann::json{{"countSlaPolicy", {{"count", p.countSlaPolicy.count},
                                                 {"durationSecs", p.countSlaPolicy.durationSecs}}}}
            : nlohmann::json{{"coordinatorSlaPolicy", {{"coordinatorUrl", p.coordinatorSlaPolicy.coordinatorUrl},
                                                       {"statusKey", p.coordinatorSlaPolicy.statusKey}}}};
    out += ", slaPolicy=" + py_json(sla);
  }
  const bool aurora_executor = t.executorConfig.name == "AuroraExecutor";
  if (!aurora_executor)
    out += ", executorConfig=" + py_json({{"name", t.executorConfig.name}, {"data", t.executorConfig.data}});
  nlohmann::json container = container_json(t.container);
  if (container != nlohmann::json{{"mesos", nlohmann::json::object()}}) out += ", container=" + py_json(container);
  if (aurora_executor) {
    auto data = nlohmann::json::parse(t.executorConfig.data);
    nlohmann::json processes = nlohmann::json::array();
    for (const auto& p : data["task"]["processes"]) processes.push_back({p["name"], p["cmdline"]});
    out += "; task.name=" + data["task"]["name"].get<std::string>() + ", processes=" + py_json(processes) +
           ", task.constraints=" + py_json(data["task"]["constraints"]);
  }
  out += "; update_settings=" + py_json(settings_json(to_update_settings(loaded)));
  return out;
}

}  // namespace aurora::config::testing
