#include <doctest/doctest.h>

#include "devcluster/api_endpoint.hpp"
#include "devcluster/http_message.hpp"

using namespace aurora::devcluster;

TEST_CASE("request protocol follows Content-Type as upstream's ApiModule maps it") {
  CHECK(request_encoding(std::string("application/vnd.apache.thrift.binary")) ==
        RequestEncoding::Binary);
  CHECK(request_encoding(std::string("application/vnd.apache.thrift.json")) ==
        RequestEncoding::Json);
  CHECK(request_encoding(std::string("application/json")) == RequestEncoding::Json);
  CHECK(request_encoding(std::string("APPLICATION/Json")) == RequestEncoding::Json);
  CHECK(request_encoding(std::string("application/x-thrift")) == RequestEncoding::Json);
  // A parameter makes the media type differ from every one upstream maps.
  CHECK(request_encoding(std::string("application/json; charset=utf-8")) ==
        RequestEncoding::Unsupported);
  CHECK(request_encoding(std::string("text/plain")) == RequestEncoding::Unsupported);
  // Upstream's servlet throws on a missing or unparsable Content-Type (HTTP 500).
  CHECK(request_encoding(std::nullopt) == RequestEncoding::Unreadable);
  CHECK(request_encoding(std::string("json")) == RequestEncoding::Unreadable);
}

TEST_CASE("responses are TJSON unless the client accepts exactly TBinary") {
  CHECK(response_encoding(std::string("application/vnd.apache.thrift.binary")) ==
        ThriftEncoding::Binary);
  CHECK(response_encoding(std::string("Application/Vnd.Apache.Thrift.Binary")) ==
        ThriftEncoding::Binary);
  CHECK(response_encoding(std::string("application/vnd.apache.thrift.binary;q=1")) ==
        ThriftEncoding::Json);
  CHECK(response_encoding(std::nullopt) == ThriftEncoding::Json);
  CHECK(response_encoding(std::string("*/*")) == ThriftEncoding::Json);
  CHECK(response_encoding(std::string("application/x-thrift")) == ThriftEncoding::Json);
}

TEST_CASE("two pipelined requests on one connection are read one after the other") {
  std::string wire =
      "POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 3\r\n\r\nabcGET /health HTTP/1.1\r\nConnection: close\r\n\r\n";
  std::size_t offset = 0;
  ReadSome read = [&](char* buffer, std::size_t capacity) {
    std::size_t n = std::min<std::size_t>(capacity, std::min<std::size_t>(7, wire.size() - offset));
    wire.copy(buffer, n, offset);
    offset += n;
    return n;
  };
  WriteAll write = [](const std::string&) {};
  std::string pending;
  HttpRequest first;
  REQUIRE(read_request(read, write, pending, first) == ReadOutcome::Request);
  CHECK(first.method == "POST");
  CHECK(first.path() == "/api");
  CHECK(first.body == "abc");
  CHECK(first.header("content-type") == "application/json");
  CHECK(first.keep_alive());
  HttpRequest second;
  REQUIRE(read_request(read, write, pending, second) == ReadOutcome::Request);
  CHECK(second.target == "/health");
  CHECK_FALSE(second.keep_alive());
  HttpRequest none;
  CHECK(read_request(read, write, pending, none) == ReadOutcome::Closed);
}

TEST_CASE("a response carries its length and the connection's fate") {
  HttpResponse response;
  response.status = 307;
  response.extra_headers["Location"] = "http://127.0.0.1:1/api";
  std::string text = response.serialize(true);
  CHECK(text.rfind("HTTP/1.1 307 Temporary Redirect\r\n", 0) == 0);
  CHECK(text.find("Location: http://127.0.0.1:1/api\r\n") != std::string::npos);
  CHECK(text.find("Content-Length: 0\r\n") != std::string::npos);
  CHECK(text.find("Connection: keep-alive\r\n") != std::string::npos);
}
