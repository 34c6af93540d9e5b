#include "devcluster/http_message.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace aurora::devcluster {
namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
constexpr std::size_t kMaxBodyBytes = 64 * 1024 * 1024;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trim(const std::string& text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

bool parse_head(const std::string& head, HttpRequest& request) {
  std::istringstream lines(head);
  std::string line;
  if (!std::getline(lines, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::istringstream request_line(line);
  if (!(request_line >> request.method >> request.target >> request.version)) return false;
  if (request.version.rfind("HTTP/", 0) != 0) return false;
  request.headers.clear();
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string::npos) return false;
    request.headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
  }
  return true;
}

}  // namespace

std::optional<std::string> HttpRequest::header(const std::string& lower_name) const {
  auto found = headers.find(lower_name);
  if (found == headers.end()) return std::nullopt;
  return found->second;
}

bool HttpRequest::keep_alive() const {
  std::string connection = lower(header("connection").value_or(""));
  if (version == "HTTP/1.0") return connection.find("keep-alive") != std::string::npos;
  return connection.find("close") == std::string::npos;
}

std::string reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 307:
      return "Temporary Redirect";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 411:
      return "Length Required";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

std::string HttpResponse::serialize(bool keep_alive) const {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
  out += "Server: aurora-devcluster\r\n";
  out += "Content-Type: " + content_type + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  for (const auto& [name, value] : extra_headers) out += name + ": " + value + "\r\n";
  out += keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
  out += "\r\n";
  out += body;
  return out;
}

ReadOutcome read_request(const ReadSome& read, const WriteAll& write, std::string& pending,
                         HttpRequest& request) {
  char chunk[16 * 1024];
  std::size_t head_end;
  while ((head_end = pending.find("\r\n\r\n")) == std::string::npos) {
    if (pending.size() > kMaxHeaderBytes) return ReadOutcome::TooLarge;
    std::size_t n = read(chunk, sizeof chunk);
    if (n == 0) return pending.empty() ? ReadOutcome::Closed : ReadOutcome::Malformed;
    pending.append(chunk, n);
  }
  if (!parse_head(pending.substr(0, head_end + 2), request)) return ReadOutcome::Malformed;
  pending.erase(0, head_end + 4);

  if (request.header("transfer-encoding")) return ReadOutcome::LengthRequired;
  std::size_t length = 0;
  if (auto value = request.header("content-length")) {
    try {
      length = std::stoul(*value);
    } catch (...) {
      return ReadOutcome::Malformed;
    }
  }
  if (length > kMaxBodyBytes) return ReadOutcome::TooLarge;
  if (length > 0 && lower(request.header("expect").value_or("")) == "100-continue") {
    write("HTTP/1.1 100 Continue\r\n\r\n");
  }
  while (pending.size() < length) {
    std::size_t n = read(chunk, std::min(sizeof chunk, length - pending.size()));
    if (n == 0) return ReadOutcome::Malformed;
    pending.append(chunk, n);
  }
  request.body = pending.substr(0, length);
  pending.erase(0, length);
  return ReadOutcome::Request;
}

}  // namespace aurora::devcluster
