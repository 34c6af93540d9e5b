#include "scripted_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace aurora::testing {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// Waits up to 100 ms for `fd` to become readable; false on timeout.
bool readable(int fd) {
  pollfd entry{fd, POLLIN, 0};
  return poll(&entry, 1, 100) > 0;
}

}  // namespace

std::optional<std::string> RecordedRequest::header(const std::string& lower_case_name) const {
  auto found = headers.find(lower_case_name);
  if (found == headers.end()) return std::nullopt;
  return found->second;
}

ScriptedHttpServer::ScriptedHttpServer(Script script) : script_(std::move(script)) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      listen(listen_fd_, 16) != 0) {
    close(listen_fd_);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  socklen_t length = sizeof(address);
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

ScriptedHttpServer::~ScriptedHttpServer() {
  stopping_ = true;
  if (acceptor_.joinable()) acceptor_.join();
  {
    std::lock_guard lock(mutex_);
    for (int fd : open_fds_) shutdown(fd, SHUT_RDWR);
  }
  for (auto& thread : connection_threads_) thread.join();
  for (int fd : open_fds_) close(fd);
  close(listen_fd_);
}

std::string ScriptedHttpServer::url(const std::string& host) const {
  return "http://" + host + ":" + std::to_string(port_) + "/api";
}

std::vector<RecordedRequest> ScriptedHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::string ScriptedHttpServer::response(const std::string& status, const std::string& headers,
                                         const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

void ScriptedHttpServer::accept_loop() {
  while (!stopping_) {
    if (!readable(listen_fd_)) continue;
    const int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    ++connections_;
    std::lock_guard lock(mutex_);
    open_fds_.push_back(fd);
    connection_threads_.emplace_back([this, fd] { serve_connection(fd); });
  }
}

void ScriptedHttpServer::serve_connection(int fd) {
  std::string pending;
  char chunk[4096];
  auto read_more = [&]() -> bool {
    while (!stopping_) {
      if (!readable(fd)) continue;
      const ssize_t count = recv(fd, chunk, sizeof(chunk), 0);
      if (count <= 0) return false;
      pending.append(chunk, static_cast<std::size_t>(count));
      return true;
    }
    return false;
  };

  while (!stopping_) {
    std::size_t header_end;
    while ((header_end = pending.find("\r\n\r\n")) == std::string::npos) {
      if (!read_more()) return;
    }
    RecordedRequest request;
    const std::string head = pending.substr(0, header_end);
    pending.erase(0, header_end + 4);
    std::size_t line_end = head.find("\r\n");
    const std::string request_line = head.substr(0, line_end);
    const auto first_space = request_line.find(' ');
    request.method = request_line.substr(0, first_space);
    request.target = request_line.substr(first_space + 1,
                                         request_line.rfind(' ') - first_space - 1);
    while (line_end != std::string::npos) {
      const std::size_t start = line_end + 2;
      line_end = head.find("\r\n", start);
      const std::string line = head.substr(start, line_end == std::string::npos
                                                      ? std::string::npos
                                                      : line_end - start);
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      request.headers[lower(line.substr(0, colon))] = trim(line.substr(colon + 1));
    }
    const std::size_t body_length =
        request.header("content-length") ? std::stoul(*request.header("content-length")) : 0;
    while (pending.size() < body_length) {
      if (!read_more()) return;
    }
    request.body = pending.substr(0, body_length);
    pending.erase(0, body_length);
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
    }

    const std::optional<std::string> answer = script_(request);
    if (!answer) {
      while (!stopping_ && read_more()) {
      }
      return;
    }
    std::size_t sent = 0;
    while (sent < answer->size()) {
      const ssize_t count = send(fd, answer->data() + sent, answer->size() - sent, MSG_NOSIGNAL);
      if (count <= 0) return;
      sent += static_cast<std::size_t>(count);
    }
    if (close_after_answer_ || answer->find("\r\nConnection: close\r\n") != std::string::npos) {
      shutdown(fd, SHUT_RDWR);
      return;
    }
  }
}

}  // namespace aurora::testing
