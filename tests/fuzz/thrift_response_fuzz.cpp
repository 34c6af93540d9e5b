// A scheduler's reply as our client decodes it: the generated AuroraAdminClient's recv_<method>
// reading TBinary (or TJSON, with AURORA_FUZZ_WIRE_JSON=1) from a memory buffer through the same
// make_protocol() the HTTP connection uses, then the decoded Response rendered as --write-json does.
// Input: one byte picking the RPC, then the HTTP body. Only Thrift's exceptions may escape.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>
#include <thrift/Thrift.h>
#include <thrift/transport/TBufferTransports.h>

#include "AuroraAdmin.h"
#include "api/scheduler_client.hpp"
#include "api/scheduler_connection.hpp"
#include "api/simple_json.hpp"

namespace {

using aurora::gen::AuroraAdminClient;
using aurora::gen::Response;
using Receive = void (AuroraAdminClient::*)(Response&);

// Every RPC SchedulerClient issues (api/scheduler_client.cpp), plus the admin calls it can make.
constexpr Receive kReceivers[] = {
    &AuroraAdminClient::recv_getJobSummary,     &AuroraAdminClient::recv_getRoleSummary,
    &AuroraAdminClient::recv_getTasksStatus,    &AuroraAdminClient::recv_getTasksWithoutConfigs,
    &AuroraAdminClient::recv_getPendingReason,  &AuroraAdminClient::recv_getConfigSummary,
    &AuroraAdminClient::recv_getQuota,          &AuroraAdminClient::recv_populateJobConfig,
    &AuroraAdminClient::recv_getJobUpdateSummaries, &AuroraAdminClient::recv_getJobUpdateDetails,
    &AuroraAdminClient::recv_getJobUpdateDiff,  &AuroraAdminClient::recv_getTierConfigs,
    &AuroraAdminClient::recv_startJobUpdate,    &AuroraAdminClient::recv_scheduleCronJob,
    &AuroraAdminClient::recv_descheduleCronJob, &AuroraAdminClient::recv_startCronJob,
    &AuroraAdminClient::recv_restartShards,     &AuroraAdminClient::recv_killTasks,
    &AuroraAdminClient::recv_addInstances,      &AuroraAdminClient::recv_pauseJobUpdate,
    &AuroraAdminClient::recv_resumeJobUpdate,   &AuroraAdminClient::recv_abortJobUpdate,
    &AuroraAdminClient::recv_rollbackJobUpdate, &AuroraAdminClient::recv_pulseJobUpdate,
    &AuroraAdminClient::recv_getJobs,           &AuroraAdminClient::recv_createJob,
    &AuroraAdminClient::recv_setQuota,          &AuroraAdminClient::recv_maintenanceStatus,
};
constexpr size_t kReceiverCount = sizeof(kReceivers) / sizeof(kReceivers[0]);

constexpr auto kWire = AURORA_FUZZ_WIRE_JSON ? aurora::api::WireProtocol::Json
                                             : aurora::api::WireProtocol::Binary;

// The reply body as HttpTransport serves it: its size bounds every container's claimed count for
// the whole reply. TMemoryBuffer's readEnd() would reset that bound to Thrift's 100 MB maximum,
// which the generated recv_ calls after skipping a reply whose method name does not match.
class ReplyBody : public apache::thrift::transport::TMemoryBuffer {
 public:
  using TMemoryBuffer::TMemoryBuffer;
  uint32_t readEnd() override { return 0; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > UINT32_MAX) return 0;
  using apache::thrift::transport::TMemoryBuffer;
  // An empty body gets an empty buffer: TMemoryBuffer's COPY of zero bytes memcpy()s to null.
  auto body = size == 1 ? std::make_shared<ReplyBody>()
                        : std::make_shared<ReplyBody>(const_cast<uint8_t*>(data + 1),
                                                      static_cast<uint32_t>(size - 1),
                                                      TMemoryBuffer::COPY);
  body->updateKnownMessageSize(static_cast<long>(size - 1));  // as HttpTransport does per reply
  auto unused_requests = std::make_shared<TMemoryBuffer>();
  AuroraAdminClient client(aurora::api::make_protocol(kWire, body),
                           aurora::api::make_protocol(kWire, unused_requests));
  Response response;
  try {
    (client.*kReceivers[data[0] % kReceiverCount])(response);
  } catch (const apache::thrift::TException&) {
    return 0;  // SchedulerClient::call turns these into Error(Unknown) or a retried transport error
  }
  (void)aurora::api::combine_messages(response);
  for (bool upstream_booleans : {false, true}) {
    aurora::api::SimpleJsonOptions options;
    options.booleans_as_integers = upstream_booleans;
    // Must be valid JSON whatever the strings hold (bytes that are not UTF-8 become \ufffd).
    (void)nlohmann::ordered_json::parse(aurora::api::to_simple_json_text(response, options, 2));
  }
  return 0;
}
