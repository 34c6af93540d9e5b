#pragma once
// Talks to a running aurora-devcluster the way clients do: Thrift calls as HTTP POSTs to /api on
// one keep-alive connection, in TBinary or TJSON, plus raw HTTP for status-code checks.

#include <functional>
#include <map>
#include <string>

#include "AuroraAdmin.h"

namespace aurora::devcluster::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// One HTTP/1.1 connection to 127.0.0.1:port, reopened when the server closes it.
class LoopbackHttp {
 public:
  explicit LoopbackHttp(int port) : port_(port) {}
  ~LoopbackHttp();
  LoopbackHttp(const LoopbackHttp&) = delete;
  LoopbackHttp& operator=(const LoopbackHttp&) = delete;

  // Throws std::runtime_error when the server cannot be reached.
  HttpReply request(const std::string& method, const std::string& path,
                    const std::map<std::string, std::string>& headers, const std::string& body);
  int connections_opened() const { return connections_opened_; }

 private:
  void connect();
  void close();

  int port_;
  int fd_ = -1;
  int connections_opened_ = 0;
};

enum class WireEncoding { Binary, Json };

class DevclusterClient {
 public:
  explicit DevclusterClient(int port, WireEncoding encoding = WireEncoding::Binary)
      : http_(port), encoding_(encoding) {}

  using Send = std::function<void(gen::AuroraAdminClient&)>;
  using Receive = std::function<void(gen::AuroraAdminClient&, gen::Response&)>;
  // Sends one call; throws std::runtime_error on a non-200 reply.
  gen::Response call(const Send& send, const Receive& receive);

  LoopbackHttp& http() { return http_; }

 private:
  LoopbackHttp http_;
  WireEncoding encoding_;
};

}  // namespace aurora::devcluster::testing

// DEVCLUSTER_CALL(client, getJobs, "www-data") -> gen::Response
#define DEVCLUSTER_CALL(client, method, ...)                                                \
  (client).call(                                                                            \
      [&](::aurora::gen::AuroraAdminClient& thrift) { thrift.send_##method(__VA_ARGS__); }, \
      [&](::aurora::gen::AuroraAdminClient& thrift, ::aurora::gen::Response& response) {    \
        thrift.recv_##method(response);                                                     \
      })
