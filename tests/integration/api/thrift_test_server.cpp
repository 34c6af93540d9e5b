#include "thrift_test_server.hpp"

#include <thrift/TOutput.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TJSONProtocol.h>
#include <thrift/server/TThreadedServer.h>
#include <thrift/transport/THttpServer.h>
#include <thrift/transport/TSSLServerSocket.h>
#include <thrift/transport/TSSLSocket.h>
#include <thrift/transport/TServerSocket.h>
#include <thrift/transport/TSocket.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "AuroraAdmin.h"

namespace aurora::testing {

namespace thrift = apache::thrift;

struct ThriftTestServer::State {
  std::atomic<int> connections{0};
  std::atomic<int> calls{0};
  std::mutex mutex;
  std::condition_variable listening_changed;
  bool listening = false;
};

namespace {

// Answers getJobs and getTierConfigs the way a scheduler would; other RPCs keep the Null defaults.
class TestScheduler : public gen::AuroraAdminNull {
 public:
  explicit TestScheduler(std::shared_ptr<ThriftTestServer::State> state)
      : state_(std::move(state)) {}

  void getJobs(gen::Response& response, const std::string& owner_role) override {
    ++state_->calls;
    gen::JobConfiguration job;
    job.key.role = owner_role;
    job.key.environment = "prod";
    job.key.name = "hello";
    job.owner.user = owner_role;
    job.instanceCount = 3;
    gen::GetJobsResult jobs;
    jobs.configs.insert(job);
    response.responseCode = gen::ResponseCode::OK;
    response.result.__set_getJobsResult(jobs);
    response.__isset.result = true;
    gen::ResponseDetail detail;
    detail.message = "jobs of " + owner_role;
    response.details.push_back(detail);
    response.serverInfo.clusterName = "test-cluster";
  }

  void getTierConfigs(gen::Response& response) override {
    ++state_->calls;
    gen::GetTierConfigResult tiers;
    tiers.defaultTierName = "preemptible";
    gen::TierConfig tier;
    tier.name = "preemptible";
    tier.settings = {{"preemptible", "true"}, {"revocable", "false"}};
    tiers.tiers.insert(tier);
    response.responseCode = gen::ResponseCode::OK;
    response.result.__set_getTierConfigResult(tiers);
    response.__isset.result = true;
  }

 private:
  std::shared_ptr<ThriftTestServer::State> state_;
};

// Turns Nagle off on every accepted connection: a keep-alive HTTP server without TCP_NODELAY
// makes each call wait for the delayed ACK (~40 ms).
template <class ServerSocket>
class NoDelayServerSocket : public ServerSocket {
 public:
  using ServerSocket::ServerSocket;

 protected:
  std::shared_ptr<thrift::transport::TTransport> acceptImpl() override {
    auto accepted = ServerSocket::acceptImpl();
    if (auto socket = std::dynamic_pointer_cast<thrift::transport::TSocket>(accepted)) {
      socket->setNoDelay(true);
    }
    return accepted;
  }
};

class ConnectionCounter : public thrift::server::TServerEventHandler {
 public:
  explicit ConnectionCounter(std::shared_ptr<ThriftTestServer::State> state)
      : state_(std::move(state)) {}

  void preServe() override {
    std::lock_guard lock(state_->mutex);
    state_->listening = true;
    state_->listening_changed.notify_all();
  }

  void* createContext(std::shared_ptr<thrift::protocol::TProtocol>,
                      std::shared_ptr<thrift::protocol::TProtocol>) override {
    ++state_->connections;
    return nullptr;
  }

 private:
  std::shared_ptr<ThriftTestServer::State> state_;
};

}  // namespace

ThriftTestServer::ThriftTestServer(api::WireProtocol protocol, std::optional<TlsFiles> tls)
    : state_(std::make_shared<State>()), https_(tls.has_value()) {
  // Expected failures (a client rejecting the certificate) would otherwise spam test output.
  apache::thrift::GlobalOutput.setOutputFunction([](const char*) {});
  std::shared_ptr<thrift::transport::TServerSocket> socket;
  if (tls) {
    auto factory = std::make_shared<thrift::transport::TSSLSocketFactory>();
    factory->server(true);
    factory->loadCertificate(tls->certificate.c_str());
    factory->loadPrivateKey(tls->private_key.c_str());
    socket = std::make_shared<NoDelayServerSocket<thrift::transport::TSSLServerSocket>>(
        "127.0.0.1", 0, factory);
  } else {
    socket = std::make_shared<NoDelayServerSocket<thrift::transport::TServerSocket>>("127.0.0.1", 0);
  }
  std::shared_ptr<thrift::protocol::TProtocolFactory> protocol_factory;
  if (protocol == api::WireProtocol::Json) {
    protocol_factory = std::make_shared<thrift::protocol::TJSONProtocolFactory>();
  } else {
    protocol_factory = std::make_shared<thrift::protocol::TBinaryProtocolFactory>();
  }
  server_ = std::make_unique<thrift::server::TThreadedServer>(
      std::make_shared<gen::AuroraAdminProcessor>(std::make_shared<TestScheduler>(state_)),
      socket, std::make_shared<thrift::transport::THttpServerTransportFactory>(),
      protocol_factory);
  server_->setServerEventHandler(std::make_shared<ConnectionCounter>(state_));
  serving_ = std::thread([this] { server_->serve(); });

  std::unique_lock lock(state_->mutex);
  state_->listening_changed.wait(lock, [this] { return state_->listening; });
  port_ = socket->getPort();
  if (port_ <= 0) throw std::runtime_error("Thrift test server did not report its port");
}

ThriftTestServer::~ThriftTestServer() {
  server_->stop();
  if (serving_.joinable()) serving_.join();
}

std::string ThriftTestServer::api_url() const {
  return std::string(https_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + "/api";
}

int ThriftTestServer::connections_accepted() const { return state_->connections.load(); }

int ThriftTestServer::calls_answered() const { return state_->calls.load(); }

}  // namespace aurora::testing
