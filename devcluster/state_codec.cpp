#include "devcluster/state_codec.hpp"

#include <thrift/protocol/TJSONProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <memory>
#include <stdexcept>

namespace aurora::devcluster {
namespace {

using apache::thrift::protocol::TJSONProtocol;
using apache::thrift::transport::TMemoryBuffer;

template <class Thrift>
nlohmann::json to_json(const Thrift& value) {
  auto buffer = std::make_shared<TMemoryBuffer>();
  TJSONProtocol protocol(buffer);
  value.write(&protocol);
  return nlohmann::json::parse(buffer->getBufferAsString());
}

template <class Thrift>
Thrift from_json(const nlohmann::json& document) {
  // TJSON readers reject whitespace: dump() without indent is compact.
  std::string text = document.dump();
  auto buffer =
      std::make_shared<TMemoryBuffer>(reinterpret_cast<uint8_t*>(text.data()),
                                      static_cast<uint32_t>(text.size()), TMemoryBuffer::COPY);
  TJSONProtocol protocol(buffer);
  Thrift value;
  value.read(&protocol);
  return value;
}

const char* phase_name(InstanceProgress::Phase phase) {
  switch (phase) {
    case InstanceProgress::Phase::Waiting:
      return "WAITING";
    case InstanceProgress::Phase::Working:
      return "WORKING";
    case InstanceProgress::Phase::Succeeded:
      return "SUCCEEDED";
    case InstanceProgress::Phase::Failed:
      return "FAILED";
  }
  return "WAITING";
}

InstanceProgress::Phase parse_phase(const std::string& name) {
  if (name == "WORKING") return InstanceProgress::Phase::Working;
  if (name == "SUCCEEDED") return InstanceProgress::Phase::Succeeded;
  if (name == "FAILED") return InstanceProgress::Phase::Failed;
  return InstanceProgress::Phase::Waiting;
}

nlohmann::json encode_progress(const UpdateProgress& progress) {
  nlohmann::json instances = nlohmann::json::object();
  for (const auto& [id, instance] : progress.instances) {
    instances[std::to_string(id)] = {{"phase", phase_name(instance.phase)},
                                     {"failures", instance.failures},
                                     {"watchedTaskId", instance.watched_task_id},
                                     {"failureReason", instance.failure_reason}};
  }
  return {{"order", progress.order},
          {"instances", instances},
          {"nextIndex", progress.next_index},
          {"batchesStarted", progress.batches_started},
          {"batchInFlight", progress.batch_in_flight},
          {"lastPulseMs", progress.last_pulse_ms}};
}

UpdateProgress decode_progress(const nlohmann::json& document) {
  UpdateProgress progress;
  progress.order = document.at("order").get<std::vector<int>>();
  for (const auto& [id, instance] : document.at("instances").items()) {
    InstanceProgress decoded;
    decoded.phase = parse_phase(instance.at("phase").get<std::string>());
    decoded.failures = instance.at("failures").get<int>();
    decoded.watched_task_id = instance.at("watchedTaskId").get<std::string>();
    decoded.failure_reason = instance.value("failureReason", "");
    progress.instances[std::stoi(id)] = decoded;
  }
  progress.next_index = document.at("nextIndex").get<std::size_t>();
  progress.batches_started = document.at("batchesStarted").get<int>();
  progress.batch_in_flight = document.at("batchInFlight").get<bool>();
  progress.last_pulse_ms = document.at("lastPulseMs").get<int64_t>();
  return progress;
}

}  // namespace

nlohmann::json encode_state(const ClusterState& state) {
  nlohmann::json tasks = nlohmann::json::array();
  for (const auto& [id, task] : state.tasks) tasks.push_back(to_json(task));
  nlohmann::json cron_jobs = nlohmann::json::array();
  for (const auto& [key, job] : state.cron_jobs) cron_jobs.push_back(to_json(job));
  nlohmann::json updates = nlohmann::json::array();
  for (const auto& update : state.updates) {
    updates.push_back(
        {{"details", to_json(update.details)}, {"progress", encode_progress(update.progress)}});
  }
  nlohmann::json quotas = nlohmann::json::object();
  for (const auto& [role, quota] : state.quotas) quotas[role] = to_json(quota);
  return {{"format", 1},
          {"tasks", tasks},
          {"cronJobs", cron_jobs},
          {"cronLastRunMs", state.cron_last_run_ms},
          {"updates", updates},
          {"quotas", quotas},
          {"nextPort", state.next_port}};
}

ClusterState decode_state(const nlohmann::json& document) {
  try {
    ClusterState state;
    for (const auto& task : document.at("tasks")) {
      auto decoded = from_json<gen::ScheduledTask>(task);
      state.tasks[decoded.assignedTask.taskId] = decoded;
    }
    for (const auto& job : document.at("cronJobs")) {
      auto decoded = from_json<gen::JobConfiguration>(job);
      state.cron_jobs[decoded.key.role + "/" + decoded.key.environment + "/" + decoded.key.name] =
          decoded;
    }
    state.cron_last_run_ms = document.value("cronLastRunMs", std::map<std::string, int64_t>{});
    for (const auto& update : document.at("updates")) {
      UpdateRecord record;
      record.details = from_json<gen::JobUpdateDetails>(update.at("details"));
      record.progress = decode_progress(update.at("progress"));
      state.updates.push_back(std::move(record));
    }
    for (const auto& [role, quota] : document.at("quotas").items()) {
      state.quotas[role] = from_json<gen::ResourceAggregate>(quota);
    }
    state.next_port = document.at("nextPort").get<int>();
    return state;
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("malformed devcluster state: ") + error.what());
  }
}

}  // namespace aurora::devcluster
