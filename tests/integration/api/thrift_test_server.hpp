#pragma once
// A real Thrift-over-HTTP scheduler stand-in: the generated processor behind Thrift's THttpServer
// in a TThreadedServer on 127.0.0.1, so transport tests exercise real framing and keep-alive.

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "api/wire_protocol.hpp"

namespace apache::thrift::server {
class TThreadedServer;
}

namespace aurora::testing {

// PEM files of the server's certificate and private key, for an https endpoint.
struct TlsFiles {
  std::filesystem::path certificate;
  std::filesystem::path private_key;
};

class ThriftTestServer {
 public:
  // Starts serving `protocol` on a kernel-chosen loopback port (https when `tls` is given);
  // returns once it listens.
  explicit ThriftTestServer(api::WireProtocol protocol, std::optional<TlsFiles> tls = std::nullopt);
  ~ThriftTestServer();
  ThriftTestServer(const ThriftTestServer&) = delete;
  ThriftTestServer& operator=(const ThriftTestServer&) = delete;

  int port() const { return port_; }
  std::string api_url() const;
  // TCP connections accepted so far.
  int connections_accepted() const;
  // RPCs the handler answered so far.
  int calls_answered() const;

  // Counters and readiness shared with the server's threads.
  struct State;

 private:
  std::shared_ptr<State> state_;
  std::unique_ptr<apache::thrift::server::TThreadedServer> server_;
  std::thread serving_;
  int port_ = 0;
  bool https_ = false;
};

}  // namespace aurora::testing
