#pragma once
// A minimal HTTP/1.1 server on 127.0.0.1 whose answers a test scripts byte for byte (307, 401,
// 503, or no answer at all), and which records each request's headers for inspection.

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace aurora::testing {

struct RecordedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::optional<std::string> header(const std::string& lower_case_name) const;
};

class ScriptedHttpServer {
 public:
  // Returns the raw response to send, or nullopt to hold the connection open without answering.
  using Script = std::function<std::optional<std::string>(const RecordedRequest&)>;

  explicit ScriptedHttpServer(Script script);
  ~ScriptedHttpServer();
  ScriptedHttpServer(const ScriptedHttpServer&) = delete;
  ScriptedHttpServer& operator=(const ScriptedHttpServer&) = delete;

  // Closes each connection after its first answer, without saying so in the answer (as a server
  // does when a kept-alive connection idles out). An answer with "Connection: close" closes too.
  void close_after_each_answer() { close_after_answer_ = true; }

  int port() const { return port_; }
  std::string url(const std::string& host = "127.0.0.1") const;
  std::vector<RecordedRequest> requests() const;
  int connections_accepted() const { return connections_.load(); }

  // A complete response with the given status line tail ("307 Temporary Redirect"), extra header
  // lines (each ending in \r\n) and body.
  static std::string response(const std::string& status, const std::string& headers = "",
                              const std::string& body = "");

 private:
  void accept_loop();
  void serve_connection(int fd);

  Script script_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> close_after_answer_{false};
  std::atomic<int> connections_{0};
  mutable std::mutex mutex_;
  std::vector<RecordedRequest> requests_;
  std::vector<int> open_fds_;
  std::vector<std::thread> connection_threads_;
  std::thread acceptor_;
};

}  // namespace aurora::testing
