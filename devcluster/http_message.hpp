#pragma once
// Just enough HTTP/1.1 for a Thrift endpoint: parsed requests with keep-alive, serialized replies.

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace aurora::devcluster {

struct HttpRequest {
  std::string method;
  // The request target as sent ("/api", "/api?x=1").
  std::string target;
  std::string version;  // "HTTP/1.1"
  // Header names lower-cased.
  std::map<std::string, std::string> headers;
  std::string body;

  std::optional<std::string> header(const std::string& lower_name) const;
  std::string path() const { return target.substr(0, target.find('?')); }
  // HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep.
  bool keep_alive() const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::map<std::string, std::string> extra_headers;
  std::string body;

  std::string serialize(bool keep_alive) const;
};

// Reads bytes from a connection: at most `capacity` into `buffer`; 0 at end of stream.
using ReadSome = std::function<std::size_t(char* buffer, std::size_t capacity)>;
// Writes all bytes to a connection.
using WriteAll = std::function<void(const std::string& bytes)>;

enum class ReadOutcome { Request, Closed, Malformed, TooLarge, LengthRequired };

// Reads one request from a connection, keeping bytes past it in `pending` for the next call.
// Answers "Expect: 100-continue" through `write`.
ReadOutcome read_request(const ReadSome& read, const WriteAll& write, std::string& pending,
                         HttpRequest& request);

std::string reason_phrase(int status);

}  // namespace aurora::devcluster
