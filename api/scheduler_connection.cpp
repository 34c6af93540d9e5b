#include "api/scheduler_connection.hpp"

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TJSONProtocol.h>

namespace aurora::api {

std::shared_ptr<apache::thrift::protocol::TProtocol> make_protocol(
    WireProtocol protocol, std::shared_ptr<apache::thrift::transport::TTransport> transport) {
  if (protocol == WireProtocol::Json) {
    return std::make_shared<apache::thrift::protocol::TJSONProtocol>(std::move(transport));
  }
  // Strict writes (versioned message header), lenient reads: what upstream's client sends.
  return std::make_shared<apache::thrift::protocol::TBinaryProtocol>(std::move(transport));
}

SchedulerConnection::SchedulerConnection(HttpTransportOptions options)
    : transport_(std::make_shared<HttpTransport>(std::move(options))) {
  client_ = std::make_unique<gen::AuroraAdminClient>(
      make_protocol(transport_->options().protocol, transport_));
}

}  // namespace aurora::api
