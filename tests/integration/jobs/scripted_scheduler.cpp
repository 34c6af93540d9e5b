#include "tests/integration/jobs/scripted_scheduler.hpp"

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include "AuroraAdmin.h"

namespace aurora::testing {
namespace {

using namespace apache::thrift;

// A TBinary call message, read up to its arguments.
struct CallReader {
  explicit CallReader(const std::string& body)
      : buffer(std::make_shared<transport::TMemoryBuffer>(
            reinterpret_cast<uint8_t*>(const_cast<char*>(body.data())),
            static_cast<uint32_t>(body.size()))),
        in(buffer) {
    in.readMessageBegin(method, type, sequence);
  }
  std::shared_ptr<transport::TMemoryBuffer> buffer;
  protocol::TBinaryProtocol in;
  std::string method;
  protocol::TMessageType type = protocol::T_CALL;
  int32_t sequence = 0;
};

// Reads a recorded call's arguments into the generated `<Service>_<method>_args` struct, whose
// __isset flags tell which arguments were sent. (An out-parameter: the generated argument
// structs declare move constructors they never define.)
template <class Args>
void decode_arguments(const ScriptedCall& call, Args& args) {
  CallReader reader(call.body);
  args.read(&reader.in);
}

// A reply message whose result struct holds `response` as field 0 ("success").
std::string reply(const std::string& method, const gen::Response& response) {
  auto buffer = std::make_shared<transport::TMemoryBuffer>();
  protocol::TBinaryProtocol out(buffer);
  out.writeMessageBegin(method, protocol::T_REPLY, 0);
  out.writeStructBegin("result");
  out.writeFieldBegin("success", protocol::T_STRUCT, 0);
  response.write(&out);
  out.writeFieldEnd();
  out.writeFieldStop();
  out.writeStructEnd();
  out.writeMessageEnd();
  return buffer->getBufferAsString();
}

}  // namespace

ScriptedScheduler::ScriptedScheduler(Answer answer, std::string cluster_name)
    : dir_("aurora-scripted-scheduler-"),
      answer_(std::move(answer)),
      http_([this](const RecordedRequest& request) -> std::optional<std::string> {
        const ScriptedCall call{CallReader(request.body).method, request.body};
        return ScriptedHttpServer::response(
            "200 OK", "Content-Type: application/vnd.apache.thrift.binary\r\n",
            reply(call.method, answer_(call)));
      }) {
  dir_.write_file("etc/clusters.json", "[{\"name\": \"" + cluster_name +
                                           "\", \"scheduler_uri\": \"" + http_.url() + "\"}]\n");
  std::filesystem::create_directories(dir_.path() / "home");
}

std::vector<ScriptedCall> ScriptedScheduler::calls() const {
  std::vector<ScriptedCall> calls;
  for (const auto& request : http_.requests()) {
    calls.push_back({CallReader(request.body).method, request.body});
  }
  return calls;
}

std::vector<std::string> ScriptedScheduler::methods() const {
  std::vector<std::string> names;
  for (const auto& call : calls()) names.push_back(call.method);
  return names;
}

ProcessResult ScriptedScheduler::aurora(std::vector<std::string> args,
                                        std::map<std::string, std::string> env) const {
  args.insert(args.begin(), AURORA_BINARY);
  env.emplace("AURORA_CONFIG_ROOT", (dir_.path() / "etc").string());
  env.emplace("HOME", (dir_.path() / "home").string());
  env.emplace("XDG_CONFIG_HOME", (dir_.path() / "home" / ".config").string());
  env.emplace("TZ", "UTC");
  return run_process(args, env);
}

gen::TaskQuery task_query_of(const ScriptedCall& call) {
  gen::ReadOnlyScheduler_getTasksWithoutConfigs_args args;
  decode_arguments(call, args);
  return args.query;
}

KillTasksArguments kill_tasks_arguments(const ScriptedCall& call) {
  gen::AuroraSchedulerManager_killTasks_args args;
  decode_arguments(call, args);
  KillTasksArguments found;
  found.job = args.job;
  if (args.__isset.instances) found.instances = args.instances;
  if (args.__isset.message) found.message = args.message;
  return found;
}

gen::Response ok_response() {
  gen::Response response;
  response.responseCode = gen::ResponseCode::OK;
  return response;
}

gen::Response tasks_response(const std::vector<gen::ScheduledTask>& tasks) {
  gen::Response response = ok_response();
  gen::ScheduleStatusResult result;
  result.tasks = tasks;
  response.result.__set_scheduleStatusResult(result);
  response.__isset.result = true;
  return response;
}

gen::Response error_response(gen::ResponseCode::type code, const std::string& message) {
  gen::Response response;
  response.responseCode = code;
  gen::ResponseDetail detail;
  detail.message = message;
  response.details = {detail};
  return response;
}

gen::ScheduledTask scripted_task(const std::string& job, int32_t instance,
                                 gen::ScheduleStatus::type status) {
  gen::ScheduledTask task;
  task.status = status;
  task.assignedTask.instanceId = instance;
  task.assignedTask.taskId = "www-data-prod-" + job + "-" + std::to_string(instance) + "-1";
  task.assignedTask.slaveHost = "127.0.0.1";
  task.assignedTask.task.job.role = "www-data";
  task.assignedTask.task.job.environment = "prod";
  task.assignedTask.task.job.name = job;
  gen::TaskEvent event;
  event.timestamp = 1'600'000'000'000;
  event.status = status;
  task.taskEvents = {event};
  return task;
}

}  // namespace aurora::testing
