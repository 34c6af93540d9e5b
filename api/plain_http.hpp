#pragma once
// HTTP/1.1 POSTs over a plain TCP socket, for schedulers reached by http:// URLs. Loading libcurl
// and its thirty libraries costs about 15 ms of CPU, more than a whole call to a nearby
// scheduler; it stays the transport for https, Kerberos and proxies (see HttpTransport).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http_url.hpp"

namespace aurora::api {

struct PlainHttpAnswer {
  long status = 0;
  std::string reason;    // the status line's reason phrase
  std::string body;      // decoded from Content-Length, chunked, or read-to-close framing
  std::string location;  // the Location header, for redirects
};

struct PlainHttpRequest {
  const HttpUrl* url = nullptr;
  std::string shown_url;                  // without credentials, for messages
  std::vector<std::string> header_lines;  // "Name: value", without Host and Content-Length
  std::string_view body;
  std::chrono::milliseconds connect_timeout{10'000};
  // The whole exchange must end by then; none waits as long as the scheduler takes.
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

// The header line of HTTP basic auth for `login` and `password`.
std::string basic_authorization(std::string_view login, std::string_view password);

// One connection, kept alive between calls to the same host and port. A kept-alive connection
// the server has closed meanwhile is replaced once, as libcurl does. Throws TransportError for
// anything that yields no complete answer, Error(Interrupted) on Ctrl-C.
class PlainHttpClient {
 public:
  PlainHttpClient() = default;
  ~PlainHttpClient();
  PlainHttpClient(const PlainHttpClient&) = delete;
  PlainHttpClient& operator=(const PlainHttpClient&) = delete;

  PlainHttpAnswer post(const PlainHttpRequest& request);

  // TCP connections opened so far.
  long connections_opened() const { return connections_opened_; }

 private:
  struct Stale {};  // a reused connection closed before it answered

  void connect(const PlainHttpRequest& request);
  PlainHttpAnswer exchange(const PlainHttpRequest& request, bool reused);
  void send_all(std::string_view bytes, const PlainHttpRequest& request, bool reused);
  // Appends up to `at_most` more bytes of the answer to `into`; false at the end of the stream.
  bool receive(std::string& into, const PlainHttpRequest& request, bool reused,
               size_t at_most = 65536);
  void wait_for(short events, const PlainHttpRequest& request);
  [[noreturn]] void fail(const PlainHttpRequest& request, const std::string& detail,
                         bool timed_out = false);
  void disconnect();

  int fd_ = -1;
  std::string connected_to_;  // host:port of fd_
  std::string buffer_;        // received and not yet consumed
  size_t answer_bytes_ = 0;   // of the current answer, for messages and stale detection
  bool sent_any_ = false;     // of the current request: the scheduler may have acted on it
  long connections_opened_ = 0;
};

}  // namespace aurora::api
