#include "api/scheduler_client.hpp"

#include <thrift/TApplicationException.h>
#include <thrift/Thrift.h>

#include <cstdio>
#include <map>

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

// The command that shows whether a mutation whose answer was lost took effect. createJob is
// absent: its wrapper asks the scheduler itself.
std::optional<std::string_view> how_to_check(std::string_view method) {
  static const std::map<std::string_view, std::string_view> kChecks = {
      {"addInstances", "aurora job status"},      {"killTasks", "aurora job status"},
      {"restartShards", "aurora job status"},     {"startCronJob", "aurora job status"},
      {"scheduleCronJob", "aurora cron show"},    {"descheduleCronJob", "aurora cron show"},
      {"startJobUpdate", "aurora update list"},   {"pauseJobUpdate", "aurora update info"},
      {"resumeJobUpdate", "aurora update info"},  {"abortJobUpdate", "aurora update info"},
      {"rollbackJobUpdate", "aurora update info"}, {"pulseJobUpdate", "aurora update info"}};
  const auto found = kChecks.find(method);
  if (found == kChecks.end()) return std::nullopt;
  return found->second;
}

bool changes_state(std::string_view method) {
  return method == "createJob" || how_to_check(method).has_value();
}

std::string maybe_applied_hint(std::string_view method) {
  const auto check = how_to_check(method);
  if (!check) return {};
  return "\nThe scheduler may have carried out " + std::string(method) +
         " before its answer was lost: check with '" + std::string(*check) +
         "' before running the command again.";
}

// "53 bytes starting with \"<html><head>...\"": enough of an undecodable answer to tell a login
// page or a proxy's error page from a Thrift message, with control bytes escaped.
std::string describe_body(const std::string& body) {
  constexpr size_t kShown = 40;
  std::string shown;
  for (size_t i = 0; i < body.size() && i < kShown; ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      shown += static_cast<char>(c);
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      shown += escaped;
    }
  }
  return std::to_string(body.size()) + " bytes starting with \"" + shown +
         (body.size() > kShown ? "...\"" : "\"");
}

// Client-side TApplicationExceptions: the answer arrived but is not the call's reply.
bool is_decoding_failure(const apache::thrift::TApplicationException& e) {
  using Type = apache::thrift::TApplicationException::TApplicationExceptionType;
  switch (e.getType()) {
    case Type::MISSING_RESULT:
    case Type::INVALID_MESSAGE_TYPE:
    case Type::WRONG_METHOD_NAME:
    case Type::BAD_SEQUENCE_ID:
    case Type::PROTOCOL_ERROR:
      return true;
    default:
      return false;
  }
}

std::string seconds_text(std::chrono::milliseconds span) {
  if (span.count() % 1000 != 0) return std::to_string(span.count()) + " ms";
  return std::to_string(span.count() / 1000) + " s";
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
    std::string failure;
    try {
      HttpTransportOptions transport = options_.transport;
      transport.api_url = resolve_();
      options_.debug("Using scheduler " + transport.api_url + " for " + cluster_name_);
      connection_ = std::make_unique<SchedulerConnection>(std::move(transport));
      return *connection_;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Network) throw;
      failure = e.what();
      options_.warn("Could not connect to scheduler: " + failure);
    }
    if (options_.now() + options_.retry_interval > give_up) {
      throw Error(ErrorKind::Timeout, "Timed out trying to connect to scheduler at " +
                                          cluster_name_ + " (last error: " + failure + ")");
    }
    pause();
  }
}

gen::Response SchedulerClient::call(
    std::string_view method, Retry retry,
    const std::function<void(gen::AuroraAdminClient&, gen::Response&)>& rpc) {
  const auto deadline = options_.now() + options_.max_wait;
  const std::string name(method);
  std::string last_failure;
  bool maybe_applied = false;
  while (true) {
    interrupt::check();
    SchedulerConnection* conn = nullptr;
    if (changes_state(method) && connection_) {
      // libcurl quietly sends a request again when a reused keep-alive connection turns out to be
      // closed before any answer: the scheduler may then get a change twice. A change therefore
      // goes out on a connection of its own, to the scheduler already found.
      connection_ = std::make_unique<SchedulerConnection>(connection_->transport().options());
    }
    try {
      conn = &connection(deadline);
      gen::Response response;
      rpc(conn->client(), response);
      if (response.responseCode != gen::ResponseCode::ERROR_TRANSIENT) return response;
      last_failure = combine_messages(response);
      options_.warn("Connection error with scheduler: " + last_failure + ", reconnecting...");
      connection_.reset();
    } catch (const TransportError& e) {
      connection_.reset();
      std::string failure = e.what();
      if (e.timed_out() && options_.transport.request_timeout.count() > 0) {
        failure += " (no answer within the cluster's rpc_timeout_secs, " +
                   seconds_text(options_.transport.request_timeout) + ")";
      }
      maybe_applied = maybe_applied || e.may_have_been_applied();
      if (retry != Retry::OnTransportErrors) {
        std::string message = "Transport error communicating with scheduler during "
                              "non-idempotent operation: " + failure + ", not retrying.";
        if (e.may_have_been_applied()) {
          message += maybe_applied_hint(name);
        } else if (e.never_sent() || e.scheduler_has_no_leader()) {
          message += "\nThe scheduler did not carry out " + name + ".";
        }
        throw Error(ErrorKind::Network, message);
      }
      last_failure = failure;
      options_.warn("Transport error communicating with scheduler: " + failure + ", retrying...");
    } catch (const Error& e) {
      connection_.reset();
      throw;  // auth (30), interrupt (130), configuration (3), connect timeout (9)
    } catch (const apache::thrift::TApplicationException& e) {
      const std::string body = conn ? conn->transport().response_body() : std::string();
      connection_.reset();
      if (!is_decoding_failure(e) || conn == nullptr) {
        throw Error(ErrorKind::Unknown,
                    "Error during thrift call " + name + " to " + cluster_name_ + ": " + e.what());
      }
      throw undecodable_answer(name, body, e.what());
    } catch (const apache::thrift::TException& e) {
      // TProtocolException, or TTransportException when the body ends inside the message.
      const std::string body = conn ? conn->transport().response_body() : std::string();
      connection_.reset();
      throw undecodable_answer(name, body, e.what());
    }
    if (options_.now() + options_.retry_interval > deadline) {
      std::string message = "Timed out attempting to issue " + name + " to " + cluster_name_ +
                            " (retried for " + seconds_text(options_.max_wait) +
                            ", the cluster's rpc_max_wait_secs; last error: " + last_failure + ")";
      if (maybe_applied) message += maybe_applied_hint(name);
      throw Error(ErrorKind::Timeout, message);
    }
    pause();
  }
}

// Not retried, as upstream: a scheduler (or a proxy in front of it) that answers something other
// than Thrift will not start answering Thrift a few seconds later. Exit 20, upstream's code for a
// Thrift-level failure; 10 is for answers the scheduler meant as errors.
Error SchedulerClient::undecodable_answer(const std::string& method, const std::string& body,
                                          const std::string& detail) const {
  return Error(ErrorKind::Unknown,
               "The scheduler's answer to " + method + " could not be decoded: " + detail +
                   " (the answer: " + describe_body(body) + "; is " + cluster_name_ +
                   "'s scheduler_uri or ZooKeeper path that of an Aurora scheduler?)" +
                   maybe_applied_hint(method));
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
