#include "api/plain_http.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "api/http_text.hpp"
#include "api/transport_error.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::api {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxHead = size_t{1} << 20;         // a status line and headers, at most
constexpr size_t kMaxReserve = size_t{256} << 20;    // trust a Content-Length this far
constexpr int kPollSliceMs = 200;                    // how often Ctrl-C is noticed

long elapsed_ms(Clock::time_point since) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count());
}

// Whether a comma-separated header value (Connection, Transfer-Encoding) has `token`.
bool has_token(std::string_view value, std::string_view token) {
  size_t start = 0;
  while (start <= value.size()) {
    const size_t end = std::min(value.find(',', start), value.size());
    if (ascii_lower(trim_whitespace(value.substr(start, end - start))) == token) return true;
    start = end + 1;
  }
  return false;
}

struct Head {
  int minor_version = 1;
  long status = 0;
  std::string reason;
  std::optional<size_t> content_length;
  bool chunked = false;
  bool close = false;
  bool keep_alive = false;
  std::string location;
};

// The status line and headers of an answer; nullopt when they are not HTTP.
std::optional<Head> parse_head(std::string_view text) {
  Head head;
  size_t line_end = text.find("\r\n");
  const std::string_view status_line = text.substr(0, line_end);
  if (status_line.substr(0, 7) != "HTTP/1." || status_line.size() < 12) return std::nullopt;
  head.minor_version = status_line[7] - '0';
  const auto [end, error] = std::from_chars(status_line.data() + 9, status_line.data() + 12,
                                            head.status);
  if (error != std::errc() || end != status_line.data() + 12) return std::nullopt;
  if (status_line.size() > 13) head.reason = std::string(status_line.substr(13));
  while (line_end != std::string_view::npos) {
    const size_t start = line_end + 2;
    line_end = text.find("\r\n", start);
    const std::string_view line = text.substr(start, line_end == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : line_end - start);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = ascii_lower(trim_whitespace(line.substr(0, colon)));
    const std::string value = trim_whitespace(line.substr(colon + 1));
    if (name == "content-length") {
      size_t length = 0;
      const auto [rest, bad] = std::from_chars(value.data(), value.data() + value.size(), length);
      if (bad != std::errc() || rest != value.data() + value.size()) return std::nullopt;
      head.content_length = length;
    } else if (name == "transfer-encoding") {
      head.chunked = has_token(value, "chunked");
    } else if (name == "connection") {
      head.close = has_token(value, "close");
      head.keep_alive = has_token(value, "keep-alive");
    } else if (name == "location") {
      head.location = value;
    }
  }
  return head;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(group >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[group & 63] : '=';
  }
  return out;
}

}  // namespace

std::string basic_authorization(std::string_view login, std::string_view password) {
  return "Authorization: Basic " + base64(std::string(login) + ":" + std::string(password));
}

PlainHttpClient::~PlainHttpClient() { disconnect(); }

void PlainHttpClient::disconnect() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  connected_to_.clear();
  buffer_.clear();
}

void PlainHttpClient::fail(const PlainHttpRequest& request, const std::string& detail,
                           bool timed_out) {
  disconnect();
  throw TransportError("Unknown error talking to " + request.shown_url + ": " + detail, 0,
                       timed_out, /*request_sent=*/sent_any_);
}

// Waits until the socket is ready for `events`, within the request's deadline, noticing Ctrl-C.
void PlainHttpClient::wait_for(short events, const PlainHttpRequest& request) {
  while (true) {
    if (interrupt::requested()) {
      disconnect();
      throw Error(ErrorKind::Interrupted, "Command interrupted by user");
    }
    int slice = kPollSliceMs;
    if (request.deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          *request.deadline - Clock::now());
      if (left.count() <= 0) {
        fail(request, "Operation timed out with " + std::to_string(answer_bytes_) +
                          " bytes received", /*timed_out=*/true);
      }
      slice = static_cast<int>(std::min<long>(slice, left.count()));
    }
    pollfd entry{fd_, events, 0};
    const int ready = ::poll(&entry, 1, slice);
    if (ready > 0) return;
    if (ready < 0 && errno != EINTR) fail(request, std::string("poll: ") + std::strerror(errno));
  }
}

void PlainHttpClient::connect(const PlainHttpRequest& request) {
  disconnect();
  const HttpUrl& url = *request.url;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(url.port);
  if (const int status = ::getaddrinfo(url.host.c_str(), port.c_str(), &hints, &found);
      status != 0) {
    fail(request, "Could not resolve host: " + url.host);
  }
  const auto started = Clock::now();
  const auto connect_deadline = started + request.connect_timeout;
  std::string last_error = "no address";
  bool timed_out = false;
  for (addrinfo* address = found; address != nullptr; address = address->ai_next) {
    const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                            address->ai_protocol);
    if (fd < 0) {
      last_error = std::strerror(errno);
      continue;
    }
    fd_ = fd;
    int error = 0;
    if (::connect(fd, address->ai_addr, address->ai_addrlen) < 0) {
      error = errno;
      if (error == EINPROGRESS) {
        PlainHttpRequest bounded = request;
        bounded.deadline = request.deadline ? std::min(*request.deadline, connect_deadline)
                                            : connect_deadline;
        try {
          wait_for(POLLOUT, bounded);
          socklen_t size = sizeof error;
          ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
        } catch (const TransportError&) {
          timed_out = true;
          error = ETIMEDOUT;
        }
      }
    }
    if (error == 0) {
      const int on = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
      ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
      ::freeaddrinfo(found);
      connected_to_ = url.authority();
      ++connections_opened_;
      return;
    }
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    last_error = timed_out ? "Connection timed out" : std::strerror(error);
  }
  ::freeaddrinfo(found);
  // Nothing was sent: not a timeout in TransportError's sense (the call did not reach anyone).
  fail(request, "Failed to connect to " + url.host + " port " + port + " after " +
                    std::to_string(elapsed_ms(started)) + " ms: " + last_error);
}

void PlainHttpClient::send_all(std::string_view bytes, const PlainHttpRequest& request,
                               bool reused) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent > 0) {
      sent_any_ = true;
      bytes.remove_prefix(static_cast<size_t>(sent));
      continue;
    }
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      wait_for(POLLOUT, request);
      continue;
    }
    if (reused && (errno == EPIPE || errno == ECONNRESET)) throw Stale{};
    fail(request, std::string("Send failure: ") + std::strerror(errno));
  }
}

bool PlainHttpClient::receive(std::string& into, const PlainHttpRequest& request, bool reused,
                              size_t at_most) {
  const size_t chunk = std::clamp<size_t>(at_most, 1, 65536);
  while (true) {
    const size_t before = into.size();
    into.resize(before + chunk);
    const ssize_t count = ::recv(fd_, into.data() + before, chunk, 0);
    into.resize(before + static_cast<size_t>(std::max<ssize_t>(count, 0)));
    if (count > 0) {
      answer_bytes_ += static_cast<size_t>(count);
      return true;
    }
    if (count == 0) {
      if (reused && answer_bytes_ == 0) throw Stale{};
      return false;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
      wait_for(POLLIN, request);
      continue;
    }
    if (reused && answer_bytes_ == 0 && errno == ECONNRESET) throw Stale{};
    fail(request, std::string("Recv failure: ") + std::strerror(errno));
  }
}

PlainHttpAnswer PlainHttpClient::exchange(const PlainHttpRequest& request, bool reused) {
  const HttpUrl& url = *request.url;
  const bool default_port = url.port == (url.scheme == "https" ? 443 : 80);
  std::string host = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
  if (!default_port) host += ":" + std::to_string(url.port);
  std::string message = "POST " + url.target + " HTTP/1.1\r\nHost: " + host + "\r\n";
  for (const auto& line : request.header_lines) message += line + "\r\n";
  message += "Content-Length: " + std::to_string(request.body.size()) + "\r\n\r\n";
  message += request.body;
  buffer_.clear();
  answer_bytes_ = 0;
  send_all(message, request, reused);

  // The head; interim 1xx answers (100 Continue) are skipped.
  Head head;
  while (true) {
    size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (buffer_.size() > kMaxHead) fail(request, "the answer's headers exceed 1 MiB");
      if (!receive(buffer_, request, reused)) {
        fail(request, answer_bytes_ == 0 ? "Empty reply from server"
                                         : "the connection closed inside the answer's headers");
      }
    }
    const auto parsed = parse_head(std::string_view(buffer_).substr(0, head_end));
    if (!parsed) fail(request, "the answer is not HTTP/1.x");
    buffer_.erase(0, head_end + 4);
    head = *parsed;
    if (head.status >= 200 || head.status < 100) break;
  }

  PlainHttpAnswer answer{head.status, head.reason, {}, head.location};
  bool reusable = head.minor_version >= 1 ? !head.close : head.keep_alive;
  if (head.status == 204 || head.status == 304) {
    // No body.
  } else if (head.chunked) {
    auto line = [&]() {  // the next line, without its CRLF
      size_t end;
      while ((end = buffer_.find("\r\n")) == std::string::npos) {
        if (buffer_.size() > kMaxHead) fail(request, "a chunk line exceeds 1 MiB");
        if (!receive(buffer_, request, reused)) {
          fail(request, "the connection closed inside a chunked answer");
        }
      }
      std::string text = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      return text;
    };
    while (true) {
      const std::string size_line = line();
      size_t size = 0;
      const auto [end, error] =
          std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
      if (error != std::errc() || end == size_line.data()) fail(request, "a malformed chunk size");
      if (size == 0) {
        while (!line().empty()) {  // trailers, up to the empty line
        }
        break;
      }
      while (buffer_.size() < size + 2) {
        if (!receive(buffer_, request, reused)) {
          fail(request, "the connection closed inside a chunked answer");
        }
      }
      answer.body.append(buffer_, 0, size);
      buffer_.erase(0, size + 2);
    }
  } else if (head.content_length) {
    // Straight into the body: a 10,000-task answer is tens of megabytes.
    const size_t length = *head.content_length;
    answer.body.reserve(std::min(length, kMaxReserve));
    answer.body.append(buffer_);
    buffer_.clear();
    while (answer.body.size() < length) {
      if (!receive(answer.body, request, reused, length - answer.body.size())) {
        fail(request, "transfer closed with " + std::to_string(length - answer.body.size()) +
                          " bytes remaining to read");
      }
    }
    if (answer.body.size() > length) {  // more than announced: do not trust the connection
      answer.body.resize(length);
      reusable = false;
    }
  } else {
    while (receive(buffer_, request, reused)) {
    }
    answer.body = std::move(buffer_);
    buffer_.clear();
    reusable = false;
  }
  if (!reusable || !buffer_.empty()) disconnect();
  return answer;
}

PlainHttpAnswer PlainHttpClient::post(const PlainHttpRequest& request) {
  sent_any_ = false;
  const bool reused = fd_ >= 0 && connected_to_ == request.url->authority();
  if (!reused) connect(request);
  try {
    return exchange(request, reused);
  } catch (const Stale&) {
    // The server closed the idle connection before this request reached it: once more on a
    // new connection. (SchedulerClient sends changes on a fresh connection, so this never
    // repeats one.)
    sent_any_ = false;
    connect(request);
    return exchange(request, false);
  }
}

}  // namespace aurora::api
