#pragma once
// Wires the scheduler, HTTP server, ticker thread and leader election into one running devcluster.

#include <atomic>
#include <memory>
#include <thread>

#include "devcluster/clock.hpp"
#include "devcluster/devcluster_options.hpp"
#include "devcluster/http_message.hpp"

namespace aurora::devcluster {

class ApiEndpoint;
class HttpServer;
class LeaderElection;
class LocalExecutor;
class Scheduler;
class StateDirectoryLock;
class ThriftHandler;

class DevclusterApp {
 public:
  // Loads state, binds the port, writes the port file, joins the election and starts ticking.
  // Throws std::runtime_error when any of that fails.
  explicit DevclusterApp(const DevclusterOptions& options);
  // Stops ticking and serving, leaves the election (removing our ZooKeeper nodes).
  ~DevclusterApp();
  DevclusterApp(const DevclusterApp&) = delete;
  DevclusterApp& operator=(const DevclusterApp&) = delete;

  int port() const;

 private:
  HttpResponse route(const HttpRequest& request) const;
  void tick_loop();

  DevclusterOptions options_;
  SystemClock clock_;
  std::unique_ptr<StateDirectoryLock> state_lock_;
  std::unique_ptr<LocalExecutor> executor_;
  std::unique_ptr<Scheduler> scheduler_;
  std::shared_ptr<ThriftHandler> handler_;
  std::unique_ptr<ApiEndpoint> endpoint_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<LeaderElection> election_;
  std::atomic<bool> stopping_{false};
  std::thread ticker_;
};

}  // namespace aurora::devcluster
