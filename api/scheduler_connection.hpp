#pragma once
// One place that stacks generated client, Thrift protocol and HTTP transport, so callers hold a
// ready AuroraAdmin client and never pick a protocol class by hand.

#include <memory>

#include "AuroraAdmin.h"
#include "api/http_transport.hpp"

namespace aurora::api {

// A generated client (every read-only, job-manager and admin RPC) over one keep-alive transport.
// Not thread-safe: one call at a time, as the generated client requires.
class SchedulerConnection {
 public:
  // Throws Error(Auth) when the auth settings cannot be honoured; never touches the network.
  explicit SchedulerConnection(HttpTransportOptions options);

  gen::AuroraAdminClient& client() { return *client_; }
  HttpTransport& transport() { return *transport_; }

 private:
  std::shared_ptr<HttpTransport> transport_;
  std::unique_ptr<gen::AuroraAdminClient> client_;
};

// The protocol the scheduler expects for `protocol`, writing to `transport` (TBinary strict, or
// TJSON).
std::shared_ptr<apache::thrift::protocol::TProtocol> make_protocol(
    WireProtocol protocol, std::shared_ptr<apache::thrift::transport::TTransport> transport);

}  // namespace aurora::api
