#include "devcluster/http_server.hpp"

#include <thrift/transport/TServerSocket.h>
#include <thrift/transport/TSocket.h>
#include <thrift/transport/TTransportException.h>

#include <iostream>

namespace aurora::devcluster {
namespace {

using apache::thrift::transport::TServerSocket;
using apache::thrift::transport::TSocket;
using apache::thrift::transport::TTransport;
using apache::thrift::transport::TTransportException;

HttpResponse plain(int status, const std::string& body) {
  HttpResponse response;
  response.status = status;
  response.body = body;
  return response;
}

}  // namespace

HttpServer::HttpServer(const std::string& host, int port, HttpHandler handler)
    : handler_(std::move(handler)), socket_(std::make_shared<TServerSocket>(host, port)) {
  socket_->listen();
  port_ = socket_->getPort();
  acceptor_ = std::thread([this] { accept_loop(); });
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::stop() {
  if (stopping_.exchange(true)) return;
  socket_->interrupt();
  socket_->interruptChildren();
  if (acceptor_.joinable()) acceptor_.join();
  std::list<Connection> connections;
  {
    std::lock_guard lock(threads_mutex_);
    connections.swap(connections_);
  }
  for (auto& connection : connections) {
    if (connection.thread.joinable()) connection.thread.join();
  }
  socket_->close();
}

void HttpServer::accept_loop() {
  while (!stopping_) {
    std::shared_ptr<TTransport> client;
    try {
      client = socket_->accept();
    } catch (const TTransportException& error) {
      if (stopping_) return;
      continue;
    }
    if (auto tcp = std::dynamic_pointer_cast<TSocket>(client)) tcp->setNoDelay(true);
    std::lock_guard lock(threads_mutex_);
    if (stopping_) {
      client->close();
      return;
    }
    reap_finished();
    auto done = std::make_shared<std::atomic<bool>>(false);
    connections_.push_back(
        {std::thread([this, client, done] { serve_connection(client, done); }), done});
  }
}

void HttpServer::reap_finished() {
  for (auto it = connections_.begin(); it != connections_.end();) {
    if (*it->done) {
      it->thread.join();
      it = connections_.erase(it);
    } else {
      ++it;
    }
  }
}

void HttpServer::serve_connection(std::shared_ptr<void> opaque,
                                  std::shared_ptr<std::atomic<bool>> done) {
  auto connection = std::static_pointer_cast<TTransport>(opaque);
  ReadSome read = [&](char* buffer, std::size_t capacity) -> std::size_t {
    return connection->read(reinterpret_cast<uint8_t*>(buffer), static_cast<uint32_t>(capacity));
  };
  WriteAll write = [&](const std::string& bytes) {
    connection->write(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<uint32_t>(bytes.size()));
    connection->flush();
  };
  std::string pending;
  try {
    while (!stopping_) {
      HttpRequest request;
      ReadOutcome outcome = read_request(read, write, pending, request);
      if (outcome == ReadOutcome::Closed) break;
      if (outcome != ReadOutcome::Request) {
        int status = outcome == ReadOutcome::TooLarge         ? 413
                     : outcome == ReadOutcome::LengthRequired ? 411
                                                              : 400;
        write(plain(status, reason_phrase(status)).serialize(false));
        break;
      }
      HttpResponse response;
      try {
        response = handler_(request);
      } catch (const std::exception& error) {
        response = plain(500, error.what());
      }
      bool keep_alive = request.keep_alive();
      write(response.serialize(keep_alive));
      if (!keep_alive) break;
    }
  } catch (const TTransportException&) {
    // The peer went away or the server is stopping.
  }
  try {
    connection->close();
  } catch (...) {
  }
  *done = true;
}

}  // namespace aurora::devcluster
