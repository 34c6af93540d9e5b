// Request bytes must decode on a real scheduler: these pin the TBinary framing and field ids.

#include <doctest/doctest.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "AuroraAdmin.h"
#include "aurora_api_constants.h"

using apache::thrift::protocol::TBinaryProtocol;
using apache::thrift::protocol::TType;
using apache::thrift::transport::TMemoryBuffer;
namespace gen = aurora::gen;

namespace {

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : bytes) {
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
  }
  return out;
}

std::string hex_of_text(const std::string& text) { return hex(text); }

// Captures what a generated client writes for one call.
template <class Call>
std::string request_bytes(Call&& call) {
  auto buffer = std::make_shared<TMemoryBuffer>();
  gen::AuroraAdminClient client(std::make_shared<TBinaryProtocol>(buffer));
  call(client);
  return buffer->getBufferAsString();
}

// Field ids of the struct at the reader's position, in wire order; values are skipped except
// nested structs named in `descend`, whose ids go to `nested[id]`.
std::vector<int16_t> field_ids(TBinaryProtocol& reader, const std::vector<int16_t>& descend,
                               std::map<int16_t, std::vector<int16_t>>& nested) {
  std::vector<int16_t> ids;
  std::string name;
  reader.readStructBegin(name);
  while (true) {
    TType type;
    int16_t id;
    reader.readFieldBegin(name, type, id);
    if (type == apache::thrift::protocol::T_STOP) break;
    ids.push_back(id);
    if (type == apache::thrift::protocol::T_STRUCT &&
        std::find(descend.begin(), descend.end(), id) != descend.end()) {
      std::map<int16_t, std::vector<int16_t>> ignored;
      nested[id] = field_ids(reader, {}, ignored);
    } else {
      reader.skip(type);
    }
    reader.readFieldEnd();
  }
  reader.readStructEnd();
  return ids;
}

gen::JobConfiguration hello_world_job() {
  gen::JobKey key;
  key.role = "www-data";
  key.environment = "prod";
  key.name = "hello";
  gen::TaskConfig task;
  task.job = key;
  task.owner.user = "www-data";
  task.isService = false;
  task.priority = 0;
  task.maxTaskFailures = 1;
  gen::Resource cpus;
  cpus.__set_numCpus(1.0);
  gen::Resource ram;
  ram.__set_ramMb(128);
  gen::Resource disk;
  disk.__set_diskMb(128);
  task.resources = {cpus, ram, disk};
  gen::ExecutorConfig executor;
  executor.name = gen::g_aurora_api_constants.AURORA_EXECUTOR_NAME;
  executor.data = "{}";
  task.__set_executorConfig(executor);
  gen::JobConfiguration job;
  job.key = key;
  job.owner.user = "www-data";
  job.taskConfig = task;
  job.instanceCount = 1;
  return job;
}

}  // namespace

TEST_CASE("getTierConfigs encodes as the spec's example prefix") {
  const std::string bytes = request_bytes([](auto& client) { client.send_getTierConfigs(); });
  CHECK(hex(bytes) == "80010001" "0000000e" + hex_of_text("getTierConfigs") + "00000000" "00");
}

TEST_CASE("getJobs(www-data) encodes as strict TBinary with seqid 0 and ownerRole as field 1") {
  const std::string bytes = request_bytes([](auto& client) { client.send_getJobs("www-data"); });
  const std::string expected = "80010001"                        // version 1, CALL
                               "00000007" + hex_of_text("getJobs") +
                               "00000000"                        // seqid 0
                               "0b" "0001"                       // STRING field 1 (ownerRole)
                               "00000008" + hex_of_text("www-data") +
                               "00";                             // STOP
  CHECK(hex(bytes) == expected);
}

TEST_CASE("createJob of hello world carries the scheduler's field ids") {
  const std::string bytes =
      request_bytes([](auto& client) { client.send_createJob(hello_world_job()); });
  auto buffer = std::make_shared<TMemoryBuffer>();
  buffer->write(reinterpret_cast<const uint8_t*>(bytes.data()),
                static_cast<uint32_t>(bytes.size()));
  TBinaryProtocol reader(buffer);
  std::string method;
  apache::thrift::protocol::TMessageType type;
  int32_t seqid = -1;
  reader.readMessageBegin(method, type, seqid);
  CHECK(method == "createJob");
  CHECK(type == apache::thrift::protocol::T_CALL);
  CHECK(seqid == 0);

  std::string name;
  reader.readStructBegin(name);
  TType field_type;
  int16_t field_id;
  reader.readFieldBegin(name, field_type, field_id);
  CHECK(field_type == apache::thrift::protocol::T_STRUCT);
  CHECK(field_id == 1);  // description

  std::map<int16_t, std::vector<int16_t>> nested;
  std::vector<int16_t> job_ids = field_ids(reader, {6, 7, 9}, nested);
  std::sort(job_ids.begin(), job_ids.end());
  // key 9, owner 7, cronCollisionPolicy 5, taskConfig 6, instanceCount 8; cronSchedule unset.
  CHECK(job_ids == std::vector<int16_t>{5, 6, 7, 8, 9});
  CHECK(nested[9] == std::vector<int16_t>{1, 2, 3});  // JobKey role, environment, name
  CHECK(nested[7] == std::vector<int16_t>{2});        // Identity.user

  std::vector<int16_t> task_ids = nested[6];
  std::sort(task_ids.begin(), task_ids.end());
  // isService 7, priority 11, maxTaskFailures 13, owner 17, constraints 20, executorConfig 25,
  // job 28, container 29, resources 32.
  CHECK(task_ids == std::vector<int16_t>{7, 11, 13, 17, 20, 25, 28, 29, 32});
}
