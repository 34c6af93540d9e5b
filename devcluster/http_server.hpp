#pragma once
// A keep-alive HTTP server (one thread per connection, TCP_NODELAY) on Thrift's server socket.

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "devcluster/http_message.hpp"

namespace apache::thrift::transport {
class TServerSocket;
}

namespace aurora::devcluster {

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class HttpServer {
 public:
  // Binds host:port (0 = any free port) and starts accepting. Throws on bind failure.
  HttpServer(const std::string& host, int port, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }
  // Stops accepting, interrupts open connections and joins every thread.
  void stop();

 private:
  void accept_loop();
  void serve_connection(std::shared_ptr<void> connection, std::shared_ptr<std::atomic<bool>> done);

  HttpHandler handler_;
  std::shared_ptr<apache::thrift::transport::TServerSocket> socket_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  std::mutex threads_mutex_;
  struct Connection {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
  };
  // Joins the threads of connections that have closed.
  void reap_finished();
  std::list<Connection> connections_;
};

}  // namespace aurora::devcluster
