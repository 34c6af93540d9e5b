#pragma once
// Thrift over HTTP POST with libcurl, because Thrift's THttpClient cannot send auth headers,
// follow the scheduler's 307 to the leader, or tell an auth failure from a retryable one.

#include <thrift/transport/TVirtualTransport.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/auth.hpp"
#include "api/http_url.hpp"
#include "api/netrc.hpp"
#include "api/plain_http.hpp"
#include "api/wire_protocol.hpp"

struct curl_slist;

namespace aurora::api {

struct HttpTransportOptions {
  // The Thrift endpoint, e.g. "http://scheduler:8081/api".
  std::string api_url;
  WireProtocol protocol = WireProtocol::Binary;
  // Extra trusted CA bundle for https; the system store otherwise. Verification is always on.
  std::optional<std::filesystem::path> ca_file;
  std::chrono::milliseconds connect_timeout{10'000};
  // Whole exchange, redirects included; zero waits forever (as upstream does).
  std::chrono::milliseconds request_timeout{0};
  AuthSettings auth;
  // Appended to "Aurora V2" after a space when not empty.
  std::string client_version;
  // Hops followed for 307/308 before giving up (requests' limit is 30).
  int max_redirects = 30;
  // Talk to http:// schedulers through libcurl too, instead of the plain HTTP client
  // (AURORA_HTTP_CLIENT=libcurl sets it), to rule that client out when something goes wrong.
  bool libcurl_for_http = false;
  // Sent with every request, e.g. {"Bypass-Leader-Redirect", "true"} for admin tools.
  std::vector<std::pair<std::string, std::string>> extra_headers;
  // Receives one line per HTTP exchange (method, URL without credentials, status, time); never
  // headers or bodies, so it is safe to print with -v.
  std::function<void(std::string_view)> trace;
};

// Buffers what the Thrift client writes, POSTs it on flush(), and serves the answer to reads.
// http:// goes through PlainHttpClient; https, Kerberos, proxies (and libcurl_for_http) through
// one libcurl easy handle, created on first use. Either keeps its connection alive between calls.
// flush() throws Error(Auth) for 401/403, Error(Interrupted) on Ctrl-C, TransportError otherwise.
class HttpTransport : public apache::thrift::transport::TVirtualTransport<HttpTransport> {
 public:
  // Throws Error(Auth) when the auth settings need what libcurl lacks (SPNEGO).
  explicit HttpTransport(HttpTransportOptions options);
  ~HttpTransport() override;
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  bool isOpen() const override { return true; }
  bool peek() override { return read_offset_ < response_.size(); }
  void open() override {}
  void close() override {}

  uint32_t read(uint8_t* buffer, uint32_t length);
  void write(const uint8_t* buffer, uint32_t length);
  void flush() override;
  uint32_t readEnd() override;
  uint32_t writeEnd() override;

  const HttpTransportOptions& options() const { return options_; }
  // The body of the last answer, for describing one that does not decode.
  const std::string& response_body() const { return response_; }
  // TCP connections opened so far (1 after many calls means keep-alive works).
  long connections_opened() const {
    return curl_connections_opened_ + plain_.connections_opened();
  }

 private:
  struct Exchange;
  Exchange post(const std::string& url, const std::string& body);
  Exchange post_plain(const HttpUrl& parsed, const std::string& url, const std::string& body);
  // The libcurl easy handle (a CURL*), set up on first use: loading libcurl costs ~15 ms.
  void* curl_handle();
  std::optional<NetrcCredentials> credentials_for(const std::string& url) const;
  void apply_credentials_for(const std::string& url);

  struct CurlHandleDeleter {
    void operator()(void* handle) const;
  };
  struct HeaderListDeleter {
    void operator()(curl_slist* headers) const;
  };

  HttpTransportOptions options_;
  bool plain_http_allowed_ = false;
  std::vector<std::string> header_lines_;  // sent with every request, both ways
  std::string user_agent_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;  // of the current flush()
  PlainHttpClient plain_;
  std::optional<Netrc> netrc_;
  std::unique_ptr<void, CurlHandleDeleter> curl_;
  std::unique_ptr<curl_slist, HeaderListDeleter> headers_;
  std::string request_;
  std::string response_;
  std::size_t read_offset_ = 0;
  long curl_connections_opened_ = 0;
};

}  // namespace aurora::api
