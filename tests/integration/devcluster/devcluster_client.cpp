#include "tests/integration/devcluster/devcluster_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TJSONProtocol.h>
#include <thrift/transport/TBufferTransports.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace aurora::devcluster::testing {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

LoopbackHttp::~LoopbackHttp() { close(); }

void LoopbackHttp::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void LoopbackHttp::connect() {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port_));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    std::string error = std::strerror(errno);
    close();
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port_) + ": " + error);
  }
  int on = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  ++connections_opened_;
}

HttpReply LoopbackHttp::request(const std::string& method, const std::string& path,
                                const std::map<std::string, std::string>& headers,
                                const std::string& body) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (fd_ < 0) connect();
    std::string wire = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : headers) wire += name + ": " + value + "\r\n";
    wire += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    if (::send(fd_, wire.data(), wire.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(wire.size())) {
      close();
      continue;
    }
    std::string received;
    char chunk[16384];
    HttpReply reply;
    std::size_t head_end = std::string::npos;
    std::size_t length = 0;
    bool closed = false;
    while (true) {
      if (head_end == std::string::npos) {
        head_end = received.find("\r\n\r\n");
        if (head_end != std::string::npos) {
          std::string head = received.substr(0, head_end);
          reply.status = std::stoi(head.substr(head.find(' ') + 1, 3));
          std::size_t line_start = head.find("\r\n");
          while (line_start != std::string::npos) {
            std::size_t next = head.find("\r\n", line_start + 2);
            std::string line =
                head.substr(line_start + 2,
                            next == std::string::npos ? std::string::npos : next - line_start - 2);
            auto colon = line.find(':');
            if (colon != std::string::npos) {
              std::string value = line.substr(colon + 1);
              value.erase(0, value.find_first_not_of(' '));
              reply.headers[lower(line.substr(0, colon))] = value;
            }
            line_start = next;
          }
          length = std::stoul(
              reply.headers.count("content-length") ? reply.headers["content-length"] : "0");
        }
      }
      if (head_end != std::string::npos && received.size() >= head_end + 4 + length) break;
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) {
        closed = true;
        break;
      }
      received.append(chunk, static_cast<std::size_t>(n));
    }
    if (closed && head_end == std::string::npos) {
      close();
      if (received.empty()) continue;  // a stale keep-alive connection: retry once
      throw std::runtime_error("malformed HTTP reply");
    }
    reply.body = received.substr(head_end + 4, length);
    if (lower(reply.headers["connection"]) == "close" || closed) close();
    return reply;
  }
  throw std::runtime_error("the server closed the connection");
}

gen::Response DevclusterClient::call(const Send& send, const Receive& receive) {
  using apache::thrift::transport::TMemoryBuffer;
  auto out = std::make_shared<TMemoryBuffer>();
  auto in = std::make_shared<TMemoryBuffer>();
  std::shared_ptr<apache::thrift::protocol::TProtocol> in_protocol, out_protocol;
  std::string type;
  if (encoding_ == WireEncoding::Binary) {
    in_protocol = std::make_shared<apache::thrift::protocol::TBinaryProtocol>(in);
    out_protocol = std::make_shared<apache::thrift::protocol::TBinaryProtocol>(out);
    type = "application/vnd.apache.thrift.binary";
  } else {
    in_protocol = std::make_shared<apache::thrift::protocol::TJSONProtocol>(in);
    out_protocol = std::make_shared<apache::thrift::protocol::TJSONProtocol>(out);
    type = "application/vnd.apache.thrift.json";
  }
  gen::AuroraAdminClient thrift(in_protocol, out_protocol);
  send(thrift);
  HttpReply reply = http_.request("POST", "/api", {{"Content-Type", type}, {"Accept", type}},
                                  out->getBufferAsString());
  if (reply.status != 200) {
    throw std::runtime_error("HTTP " + std::to_string(reply.status) + ": " + reply.body);
  }
  in->resetBuffer(reinterpret_cast<uint8_t*>(reply.body.data()),
                  static_cast<uint32_t>(reply.body.size()), TMemoryBuffer::COPY);
  gen::Response response;
  receive(thrift, response);
  return response;
}

}  // namespace aurora::devcluster::testing
