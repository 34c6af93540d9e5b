// Writes seed inputs for fuzz_thrift_binary and fuzz_thrift_json: well-formed replies to the RPCs the
// client makes, in the fuzz targets' input format (one byte picking the RPC, then the HTTP body).
// Usage: fuzz_thrift_seed_writer <corpus/fuzz_thrift_binary> <corpus/fuzz_thrift_json>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <thrift/transport/TBufferTransports.h>

#include "aurora_api_types.h"
#include "api/scheduler_connection.hpp"

namespace {

using namespace aurora::api;
namespace gen = aurora::gen;
using apache::thrift::protocol::TType;
using apache::thrift::transport::TMemoryBuffer;

struct Seed {
  std::string name;      // file name
  int receiver;          // index into the fuzz target's kReceivers
  std::string method;    // the RPC the reply answers
  gen::Response response;
  bool exception = false;  // a TApplicationException instead of a result
};

gen::TaskConfig task_config() {
  gen::TaskConfig task;
  task.job.role = "www-data";
  task.job.environment = "prod";
  task.job.name = "hello";
  task.owner.user = "www-data";
  task.isService = true;
  task.__set_production(false);
  task.__set_tier("preemptible");
  gen::Resource cpus;
  cpus.__set_numCpus(0.5);
  gen::Resource ram;
  ram.__set_ramMb(128);
  gen::Resource port;
  port.__set_namedPort("http");
  task.resources = {cpus, ram, port};
  task.__set_taskLinks({{"http", "http://%host%:%port:http%"}});
  return task;
}

gen::Response ok() {
  gen::Response response;
  response.responseCode = gen::ResponseCode::OK;
  response.serverInfo.clusterName = "devcluster";
  response.serverInfo.statsUrlPrefix = "http://stats/";
  gen::ResponseDetail detail;
  detail.message = "ok";
  response.details = {detail};
  return response;
}

std::vector<Seed> seeds() {
  std::vector<Seed> out;
  {
    gen::Response r = ok();
    gen::JobConfiguration job;
    job.key = task_config().job;
    job.owner.user = "www-data";
    job.taskConfig = task_config();
    job.instanceCount = 3;
    job.__set_cronSchedule("*/5 * * * *");
    r.result.getJobsResult.configs = {job};
    r.result.__isset.getJobsResult = true;
    r.__isset.result = true;
    out.push_back({"get_jobs", 24, "getJobs", r});
  }
  {
    gen::Response r = ok();
    gen::ScheduledTask task;
    task.assignedTask.taskId = "task-1";
    task.assignedTask.slaveHost = "127.0.0.1";
    task.assignedTask.task = task_config();
    task.assignedTask.assignedPorts = {{"http", 31000}};
    task.assignedTask.instanceId = 1;
    task.status = gen::ScheduleStatus::RUNNING;
    gen::TaskEvent event;
    event.timestamp = 1700000000000;
    event.status = gen::ScheduleStatus::PENDING;
    event.__set_message("scheduled");
    task.taskEvents = {event};
    r.result.scheduleStatusResult.tasks = {task};
    r.result.__isset.scheduleStatusResult = true;
    r.__isset.result = true;
    out.push_back({"get_tasks_status", 2, "getTasksStatus", r});
    out.push_back({"get_tasks_without_configs", 3, "getTasksWithoutConfigs", r});
  }
  {
    gen::Response r = ok();
    gen::Resource cpus;
    cpus.__set_numCpus(10);
    r.result.getQuotaResult.quota.resources = {cpus};
    r.result.__isset.getQuotaResult = true;
    r.__isset.result = true;
    out.push_back({"get_quota", 6, "getQuota", r});
  }
  {
    gen::Response r = ok();
    gen::TierConfig tier;
    tier.name = "preemptible";
    tier.settings = {{"preemptible", "true"}, {"revocable", "false"}};
    r.result.getTierConfigResult.defaultTierName = "preemptible";
    r.result.getTierConfigResult.tiers = {tier};
    r.result.__isset.getTierConfigResult = true;
    r.__isset.result = true;
    out.push_back({"get_tier_configs", 11, "getTierConfigs", r});
  }
  {
    gen::Response r = ok();
    r.responseCode = gen::ResponseCode::INVALID_REQUEST;
    gen::ResponseDetail detail;
    detail.message = "Job www-data/prod/hello already exists";
    r.details.push_back(detail);
    out.push_back({"create_job_error", 25, "createJob", r});
    out.push_back({"kill_tasks", 17, "killTasks", ok()});
    out.push_back({"get_job_update_details_exception", 9, "getJobUpdateDetails", r, true});
  }
  return out;
}

// The HTTP body a scheduler sends: a T_REPLY (or T_EXCEPTION) message around the *_result struct.
std::string body_of(const Seed& seed, WireProtocol wire) {
  auto buffer = std::make_shared<TMemoryBuffer>();
  auto p = make_protocol(wire, buffer);
  if (seed.exception) {
    p->writeMessageBegin(seed.method, apache::thrift::protocol::T_EXCEPTION, 0);
    apache::thrift::TApplicationException(apache::thrift::TApplicationException::INTERNAL_ERROR,
                                          "Internal error processing " + seed.method)
        .write(p.get());
  } else {
    p->writeMessageBegin(seed.method, apache::thrift::protocol::T_REPLY, 0);
    p->writeStructBegin("result");
    p->writeFieldBegin("success", TType::T_STRUCT, 0);
    seed.response.write(p.get());
    p->writeFieldEnd();
    p->writeFieldStop();
    p->writeStructEnd();
  }
  p->writeMessageEnd();
  return buffer->getBufferAsString();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s BINARY_CORPUS_DIR JSON_CORPUS_DIR\n", argv[0]);
    return 2;
  }
  for (const Seed& seed : seeds()) {
    const WireProtocol wires[] = {WireProtocol::Binary, WireProtocol::Json};
    for (int i = 0; i < 2; ++i) {
      std::ofstream file(std::string(argv[1 + i]) + "/seed_" + seed.name, std::ios::binary);
      file << static_cast<char>(seed.receiver) << body_of(seed, wires[i]);
    }
  }
  return 0;
}
