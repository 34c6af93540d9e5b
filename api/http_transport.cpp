#include "api/http_transport.hpp"

#include <curl/curl.h>

#include <thrift/TConfiguration.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>

#include "api/http_status.hpp"
#include "api/http_url.hpp"
#include "api/transport_error.hpp"
#include "api/http_text.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::api {
namespace {

constexpr std::string_view kUserAgent = "Aurora V2";

void ensure_curl_initialized() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string host_of(const std::string& url) {
  const auto parsed = HttpUrl::parse(url);
  return parsed ? parsed->host : std::string();
}

// libcurl reads these (not HTTP_PROXY, for http); a proxy is its business.
bool proxy_in_environment() {
  for (const char* name : {"http_proxy", "all_proxy", "ALL_PROXY"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return true;
  }
  return false;
}

size_t append_to_string(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

bool is_method_preserving_redirect(long status) { return status == 307 || status == 308; }

}  // namespace

struct HttpTransport::Exchange {
  long status = 0;
  std::string reason;
  std::string body;
  std::string redirect_url;
};

namespace {

// Keeps the reason phrase of the last status line ("HTTP/1.1 503 Service Unavailable"), and
// sizes the body buffer from Content-Length (a 10,000-task answer is tens of megabytes; growing
// the buffer by doubling costs more page faults than reading it).
struct HeaderTargets {
  std::string& reason;
  std::string& body;
};

size_t capture_headers(char* data, size_t size, size_t count, void* target) {
  auto& targets = *static_cast<HeaderTargets*>(target);
  std::string_view line(data, size * count);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    targets.reason.clear();
    const auto code_start = line.find(' ');
    const auto reason_start =
        code_start == std::string_view::npos ? code_start : line.find(' ', code_start + 1);
    if (reason_start != std::string_view::npos) targets.reason.assign(line.substr(reason_start + 1));
    return size * count;
  }
  constexpr std::string_view kLength = "content-length:";
  if (line.size() > kLength.size() &&
      std::equal(kLength.begin(), kLength.end(), line.begin(),
                 [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
    std::string_view digits = line.substr(kLength.size());
    while (!digits.empty() && digits.front() == ' ') digits.remove_prefix(1);
    size_t length = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
    constexpr size_t kMaxReserve = size_t{256} << 20;  // a claim, not a promise: cap it
    if (error == std::errc() && length <= kMaxReserve) targets.body.reserve(length);
  }
  return size * count;
}

}  // namespace

void HttpTransport::CurlHandleDeleter::operator()(void* handle) const {
  curl_easy_cleanup(static_cast<CURL*>(handle));
}

void HttpTransport::HeaderListDeleter::operator()(curl_slist* headers) const {
  curl_slist_free_all(headers);
}

// No size cap of Thrift's own (100 MB): upstream reads answers of any size, and a large
// cluster's getTasksStatus can be big. Reads are checked against the actual body instead.
HttpTransport::HttpTransport(HttpTransportOptions options)
    : TVirtualTransport(std::make_shared<apache::thrift::TConfiguration>(
          std::numeric_limits<int>::max())),
      options_(std::move(options)) {
  check_auth_supported(options_.auth);
  plain_http_allowed_ = !options_.libcurl_for_http &&
                        options_.auth.mechanism != AuthMechanism::Kerberos &&
                        !proxy_in_environment();

  const bool basic_from_netrc = options_.auth.mechanism == AuthMechanism::Unauthenticated &&
                                !options_.auth.bearer_token;
  if (basic_from_netrc) {
    const auto path = options_.auth.netrc_file ? options_.auth.netrc_file : default_netrc_path();
    if (path) netrc_ = Netrc::load(*path);
  }

  const std::string type(content_type(options_.protocol));
  header_lines_ = {"Content-Type: " + type, "Accept: " + type};
  if (options_.auth.bearer_token) {
    header_lines_.push_back("Authorization: Bearer " + *options_.auth.bearer_token);
  }
  for (const auto& [name, value] : options_.extra_headers) header_lines_.push_back(name + ": " + value);
  user_agent_ = kUserAgent;
  if (!options_.client_version.empty()) user_agent_ += " " + options_.client_version;
}

void* HttpTransport::curl_handle() {
  if (curl_) return curl_.get();
  ensure_curl_initialized();
  curl_.reset(curl_easy_init());
  if (!curl_) throw Error(ErrorKind::Unknown, "libcurl could not create a handle");
  CURL* curl = static_cast<CURL*>(curl_.get());

  auto add_header = [this](const std::string& line) {
    curl_slist* extended = curl_slist_append(headers_.get(), line.c_str());
    if (extended == nullptr) throw Error(ErrorKind::Unknown, "libcurl could not add a header");
    headers_.release();
    headers_.reset(extended);
  };
  for (const auto& line : header_lines_) add_header(line);
  add_header("Expect:");  // no 100-continue round trip

  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers_.get());
  curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent_.c_str());  // libcurl copies strings
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate, decoded transparently
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (options_.ca_file) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file->c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  // Redirects are followed by hand in flush(): each hop gets the credentials of its own host,
  // as requests recomputes netrc auth per host, and the POST body and method stay the same.
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, abort_when_interrupted);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_to_string);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, capture_headers);
  if (options_.auth.mechanism == AuthMechanism::Kerberos && !options_.auth.bearer_token) {
    // SPNEGO as requests_kerberos does it: first request bare, answer the 401 Negotiate.
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_NEGOTIATE);
    curl_easy_setopt(curl, CURLOPT_USERPWD, ":");
  }
  return curl;
}

HttpTransport::~HttpTransport() = default;

std::optional<NetrcCredentials> HttpTransport::credentials_for(const std::string& url) const {
  if (options_.auth.mechanism != AuthMechanism::Unauthenticated || options_.auth.bearer_token ||
      !netrc_) {
    return std::nullopt;
  }
  return netrc_->credentials_for(host_of(url));
}

void HttpTransport::apply_credentials_for(const std::string& url) {
  if (options_.auth.mechanism != AuthMechanism::Unauthenticated || options_.auth.bearer_token) {
    return;
  }
  CURL* curl = static_cast<CURL*>(curl_handle());
  const std::optional<NetrcCredentials> credentials = credentials_for(url);
  if (credentials) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, credentials->login.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, credentials->password.c_str());
  } else {
    curl_easy_setopt(curl, CURLOPT_USERNAME, nullptr);
    curl_easy_setopt(curl, CURLOPT_PASSWORD, nullptr);
  }
}

HttpTransport::Exchange HttpTransport::post(const std::string& url, const std::string& body) {
  if (const auto parsed = HttpUrl::parse(url); parsed && parsed->scheme == "http" && plain_http_allowed_) {
    return post_plain(*parsed, url, body);
  }
  CURL* curl = static_cast<CURL*>(curl_handle());
  long timeout_ms = 0;  // none
  if (deadline_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        *deadline_ - std::chrono::steady_clock::now());
    timeout_ms = std::max<long>(1, static_cast<long>(left.count()));
  }
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  Exchange exchange;
  char error_text[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  apply_credentials_for(url);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange.body);
  HeaderTargets header_targets{exchange.reason, exchange.body};
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &header_targets);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);

  const auto started = std::chrono::steady_clock::now();
  const CURLcode result = curl_easy_perform(curl);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, nullptr);

  long new_connections = 0;
  curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &new_connections);
  curl_connections_opened_ += new_connections;

  const std::string shown_url = url_without_credentials(url);
  if (result != CURLE_OK) {
    if (options_.trace) {
      options_.trace("POST " + shown_url + " -> failed after " + std::to_string(elapsed.count()) +
                     " ms");
    }
    if (result == CURLE_ABORTED_BY_CALLBACK && interrupt::requested()) {
      throw Error(ErrorKind::Interrupted, "Command interrupted by user");
    }
    const std::string detail = error_text[0] != '\0' ? error_text : curl_easy_strerror(result);
    // Header bytes sent mean the scheduler may have acted on the request (see TransportError).
    long request_bytes = 0;
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_bytes);
    throw TransportError("Unknown error talking to " + shown_url + ": " + detail, 0,
                         result == CURLE_OPERATION_TIMEDOUT, request_bytes > 0);
  }

  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &exchange.status);
  char* redirect = nullptr;
  curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &redirect);
  if (redirect != nullptr) exchange.redirect_url = redirect;
  if (options_.trace) {
    options_.trace("POST " + shown_url + " -> " + std::to_string(exchange.status) + " in " +
                   std::to_string(elapsed.count()) + " ms");
  }
  return exchange;
}

HttpTransport::Exchange HttpTransport::post_plain(const HttpUrl& parsed, const std::string& url,
                                                  const std::string& body) {
  PlainHttpRequest request;
  request.url = &parsed;
  request.shown_url = url_without_credentials(url);
  request.header_lines = header_lines_;
  request.header_lines.push_back("User-Agent: " + user_agent_);
  if (const auto credentials = credentials_for(url)) {
    request.header_lines.push_back(basic_authorization(credentials->login, credentials->password));
  }
  request.body = body;
  request.connect_timeout = options_.connect_timeout;
  request.deadline = deadline_;
  const auto started = std::chrono::steady_clock::now();
  auto trace = [&](const std::string& outcome) {
    if (!options_.trace) return;
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    options_.trace("POST " + request.shown_url + " -> " + outcome + " " +
                   std::to_string(elapsed.count()) + " ms");
  };
  PlainHttpAnswer answer;
  try {
    answer = plain_.post(request);
  } catch (const TransportError&) {
    trace("failed after");
    throw;
  }
  trace(std::to_string(answer.status) + " in");
  Exchange exchange;
  exchange.status = answer.status;
  exchange.reason = std::move(answer.reason);
  exchange.body = std::move(answer.body);
  if (!answer.location.empty()) exchange.redirect_url = resolve_location(url, answer.location);
  return exchange;
}

void HttpTransport::flush() {
  const std::string body = std::move(request_);
  request_.clear();
  response_.clear();
  read_offset_ = 0;
  resetConsumedMessageSize();

  deadline_.reset();
  if (options_.request_timeout.count() > 0) {
    deadline_ = std::chrono::steady_clock::now() + options_.request_timeout;
  }
  std::string url = options_.api_url;
  for (int hop = 0;; ++hop) {
    Exchange exchange = post(url, body);
    if (is_method_preserving_redirect(exchange.status) && !exchange.redirect_url.empty()) {
      if (hop >= options_.max_redirects) {
        throw TransportError("Unknown error talking to " + url_without_credentials(url) +
                                 ": Exceeded " + std::to_string(options_.max_redirects) +
                                 " redirects.",
                             exchange.status, /*timed_out=*/false);
      }
      url = exchange.redirect_url;
      continue;
    }
    throw_unless_success(exchange.status, exchange.reason, url_without_credentials(url),
                         options_.auth.mechanism);
    response_ = std::move(exchange.body);
    // Container sizes a protocol reads are sanity-checked against the bytes actually received.
    resetConsumedMessageSize(static_cast<long>(response_.size()));
    return;
  }
}

uint32_t HttpTransport::read(uint8_t* buffer, uint32_t length) {
  const std::size_t available = response_.size() - read_offset_;
  const auto count = static_cast<uint32_t>(std::min<std::size_t>(available, length));
  std::memcpy(buffer, response_.data() + read_offset_, count);
  read_offset_ += count;
  return count;
}

void HttpTransport::write(const uint8_t* buffer, uint32_t length) {
  request_.append(reinterpret_cast<const char*>(buffer), length);
}

uint32_t HttpTransport::readEnd() { return static_cast<uint32_t>(read_offset_); }

uint32_t HttpTransport::writeEnd() { return static_cast<uint32_t>(request_.size()); }

}  // namespace aurora::api
