#include "api/scheduler_client.hpp"

#include <thrift/TApplicationException.h>
#include <thrift/Thrift.h>

#include "api/scheduler_connection.hpp"
#include "api/transport_error.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::api {
namespace {

using Clock = std::chrono::steady_clock;

// Upstream gives a connection attempt at most this long before calling it a timeout.
constexpr std::chrono::seconds kConnectMaximumWait{60};

using apache::thrift::protocol::TProtocol;

// Sends a call whose arguments `write_fields` writes, for calls where upstream leaves an argument
// unset (Python's None): the generated client writes every argument, "" and {} included.
void send_call(gen::AuroraAdminClient& client, const char* method,
               const std::function<void(TProtocol&)>& write_fields) {
  TProtocol& out = *client.getOutputProtocol();
  out.writeMessageBegin(method, apache::thrift::protocol::T_CALL, 0);
  out.writeStructBegin("args");
  write_fields(out);
  out.writeFieldStop();
  out.writeStructEnd();
  out.writeMessageEnd();
  out.getTransport()->writeEnd();
  out.getTransport()->flush();
}

}  // namespace

std::string combine_messages(const gen::Response& response) {
  std::string combined;
  for (size_t i = 0; i < response.details.size(); ++i) {
    const std::string& message = response.details[i].message;
    combined += (i ? ", " : "") + (message.empty() ? std::string("Unknown error") : message);
  }
  return combined;
}

SchedulerClient::SchedulerClient(std::string cluster_name, std::function<std::string()> resolve,
                                 SchedulerClientOptions options)
    : cluster_name_(std::move(cluster_name)),
      resolve_(std::move(resolve)),
      options_(std::move(options)) {
  if (!options_.sleep) {
    options_.sleep = [](std::chrono::milliseconds ms) { interrupt::sleep_for_ms(ms.count()); };
  }
}

SchedulerClient::~SchedulerClient() = default;

void SchedulerClient::pause() { options_.sleep(options_.retry_interval); }

SchedulerConnection& SchedulerClient::connection(Clock::time_point deadline) {
  if (connection_) return *connection_;
  const auto give_up = std::min(deadline, options_.now() + kConnectMaximumWait);
  while (true) {
    interrupt::check();
    try {
      HttpTransportOptions transport = options_.transport;
      transport.api_url = resolve_();
      options_.debug("Using scheduler " + transport.api_url + " for " + cluster_name_);
      connection_ = std::make_unique<SchedulerConnection>(std::move(transport));
      return *connection_;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Network) throw;
      options_.warn(std::string("Could not connect to scheduler: ") + e.what());
    }
    if (options_.now() + options_.retry_interval > give_up) {
      throw Error(ErrorKind::Timeout,
                  "Timed out trying to connect to scheduler at " + cluster_name_);
    }
    pause();
  }
}

gen::Response SchedulerClient::call(
    std::string_view method, Retry retry,
    const std::function<void(gen::AuroraAdminClient&, gen::Response&)>& rpc) {
  const auto deadline = options_.now() + options_.max_wait;
  const std::string name(method);
  while (true) {
    interrupt::check();
    try {
      SchedulerConnection& conn = connection(deadline);
      gen::Response response;
      rpc(conn.client(), response);
      if (response.responseCode != gen::ResponseCode::ERROR_TRANSIENT) return response;
      options_.warn("Connection error with scheduler: " + combine_messages(response) +
                    ", reconnecting...");
      connection_.reset();
    } catch (const TransportError& e) {
      connection_.reset();
      if (retry != Retry::OnTransportErrors) {
        throw Error(ErrorKind::Network,
                    "Transport error communicating with scheduler during non-idempotent "
                    "operation: " + std::string(e.what()) + ", not retrying");
      }
      options_.warn("Transport error communicating with scheduler: " + std::string(e.what()) +
                    ", retrying...");
    } catch (const Error&) {
      connection_.reset();
      throw;  // auth (30), interrupt (130), configuration (3), connect timeout (9)
    } catch (const apache::thrift::TException& e) {
      connection_.reset();
      throw Error(ErrorKind::Unknown,
                  "Error during thrift call " + name + " to " + cluster_name_ + ": " + e.what());
    }
    if (options_.now() + options_.retry_interval > deadline) {
      throw Error(ErrorKind::Timeout,
                  "Timed out attempting to issue " + name + " to " + cluster_name_);
    }
    pause();
  }
}

#define AURORA_READ_CALL(method, params, args)                                                \
  gen::Response SchedulerClient::method params {                                              \
    return call(#method, Retry::OnTransportErrors,                                            \
                [&](gen::AuroraAdminClient& c, gen::Response& r) { c.method args; });         \
  }
#define AURORA_WRITE_CALL(method, params, args)                                               \
  gen::Response SchedulerClient::method params {                                              \
    return call(#method, Retry::Never,                                                        \
                [&](gen::AuroraAdminClient& c, gen::Response& r) { c.method args; });         \
  }

AURORA_READ_CALL(getJobSummary, (const std::string& role), (r, role))
AURORA_READ_CALL(getRoleSummary, (), (r))
AURORA_READ_CALL(getTasksStatus, (const gen::TaskQuery& query), (r, query))
AURORA_READ_CALL(getTasksWithoutConfigs, (const gen::TaskQuery& query), (r, query))
AURORA_READ_CALL(getPendingReason, (const gen::TaskQuery& query), (r, query))
AURORA_READ_CALL(getConfigSummary, (const gen::JobKey& job), (r, job))
AURORA_READ_CALL(getQuota, (const std::string& role), (r, role))
AURORA_READ_CALL(populateJobConfig, (const gen::JobConfiguration& config), (r, config))
AURORA_READ_CALL(getJobUpdateSummaries, (const gen::JobUpdateQuery& query), (r, query))
AURORA_READ_CALL(getJobUpdateDetails, (const gen::JobUpdateQuery& query), (r, query))
AURORA_READ_CALL(getJobUpdateDiff, (const gen::JobUpdateRequest& request), (r, request))
AURORA_READ_CALL(getTierConfigs, (), (r))
AURORA_READ_CALL(startJobUpdate,
                 (const gen::JobUpdateRequest& request, const std::string& message),
                 (r, request, message))

AURORA_WRITE_CALL(scheduleCronJob, (const gen::JobConfiguration& config), (r, config))
AURORA_WRITE_CALL(descheduleCronJob, (const gen::JobKey& job), (r, job))
AURORA_WRITE_CALL(startCronJob, (const gen::JobKey& job), (r, job))
// Retried, as upstream's restarter does: restarting an instance twice is harmless.
AURORA_READ_CALL(restartShards, (const gen::JobKey& job, const std::set<int32_t>& instances),
                 (r, job, instances))
AURORA_WRITE_CALL(addInstances, (const gen::InstanceKey& key, int32_t count), (r, key, count))
AURORA_WRITE_CALL(pauseJobUpdate, (const gen::JobUpdateKey& key, const std::string& message),
                  (r, key, message))
AURORA_WRITE_CALL(resumeJobUpdate, (const gen::JobUpdateKey& key, const std::string& message),
                  (r, key, message))
AURORA_WRITE_CALL(abortJobUpdate, (const gen::JobUpdateKey& key, const std::string& message),
                  (r, key, message))
AURORA_WRITE_CALL(rollbackJobUpdate, (const gen::JobUpdateKey& key, const std::string& message),
                  (r, key, message))
AURORA_WRITE_CALL(pulseJobUpdate, (const gen::JobUpdateKey& key), (r, key))

#undef AURORA_READ_CALL
#undef AURORA_WRITE_CALL

gen::Response SchedulerClient::getJobs(const std::optional<std::string>& role) {
  return call("getJobs", Retry::OnTransportErrors,
              [&](gen::AuroraAdminClient& c, gen::Response& r) {
                if (role) {
                  c.getJobs(r, *role);
                  return;
                }
                send_call(c, "getJobs", [](TProtocol&) {});
                c.recv_getJobs(r);
              });
}

gen::Response SchedulerClient::killTasks(const gen::JobKey& job,
                                         const std::optional<std::set<int32_t>>& instances,
                                         const std::optional<std::string>& message) {
  using apache::thrift::protocol::T_I32;
  return call("killTasks", Retry::Never, [&](gen::AuroraAdminClient& c, gen::Response& r) {
    send_call(c, "killTasks", [&](TProtocol& out) {
      out.writeFieldBegin("job", apache::thrift::protocol::T_STRUCT, 4);
      job.write(&out);
      out.writeFieldEnd();
      if (instances) {
        out.writeFieldBegin("instances", apache::thrift::protocol::T_SET, 5);
        out.writeSetBegin(T_I32, static_cast<uint32_t>(instances->size()));
        for (int32_t id : *instances) out.writeI32(id);
        out.writeSetEnd();
        out.writeFieldEnd();
      }
      if (message) {
        out.writeFieldBegin("message", apache::thrift::protocol::T_STRING, 6);
        out.writeString(*message);
        out.writeFieldEnd();
      }
    });
    c.recv_killTasks(r);
  });
}

gen::Response SchedulerClient::getTasksWithoutConfigsOnce(const gen::TaskQuery& query) {
  try {
    return call("getTasksWithoutConfigs", Retry::Never,
                [&](gen::AuroraAdminClient& c, gen::Response& r) { c.getTasksWithoutConfigs(r, query); });
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Interrupted || e.kind() == ErrorKind::Auth) throw;
    gen::Response failed;
    failed.responseCode = gen::ResponseCode::ERROR;
    return failed;
  }
}

gen::Response SchedulerClient::createJob(const gen::JobConfiguration& config) {
  try {
    return call("createJob", Retry::Never,
                [&](gen::AuroraAdminClient& c, gen::Response& r) { c.createJob(r, config); });
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Network) throw;
    // The request may have reached the scheduler before the connection failed. createJob
    // refuses a job that already exists, so tasks of this job now mean the call took effect.
    options_.warn(std::string(e.what()) + "; checking whether the job was created");
    gen::TaskQuery query;
    query.__set_jobKeys({config.key});
    const gen::Response tasks = getTasksWithoutConfigs(query);
    if (tasks.responseCode == gen::ResponseCode::OK &&
        !tasks.result.scheduleStatusResult.tasks.empty()) {
      gen::Response landed;
      landed.responseCode = gen::ResponseCode::OK;
      gen::ResponseDetail detail;
      detail.message = "The scheduler did not answer createJob, but the job now exists";
      landed.details.push_back(detail);
      return landed;
    }
    throw;
  }
}

}  // namespace aurora::api
