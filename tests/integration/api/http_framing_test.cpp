// How answers are framed and connections kept, against a scripted server sending exact bytes:
// chunked bodies, bodies that end with the connection, interim 100s, truncated answers,
// kept-alive connections the server closed meanwhile, relative redirects, and proxies from the
// environment. Built for both HTTP clients, as http_transport_test.cpp is.

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "api/http_transport.hpp"
#include "api/transport_error.hpp"
#include "scripted_http_server.hpp"

using aurora::api::HttpTransport;
using aurora::api::HttpTransportOptions;
using aurora::api::TransportError;
using aurora::testing::RecordedRequest;
using aurora::testing::ScriptedHttpServer;

namespace {

HttpTransportOptions framing_options(const std::string& url) {
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  HttpTransportOptions options;
  options.api_url = url;
  options.auth.netrc_file = "/nonexistent/aurora-test-netrc";
  options.libcurl_for_http = AURORA_TEST_HTTP_LIBCURL;
  return options;
}

// POSTs `body` and returns the answer's body.
std::string post(HttpTransport& transport, const std::string& body) {
  transport.write(reinterpret_cast<const uint8_t*>(body.data()), static_cast<uint32_t>(body.size()));
  transport.flush();
  std::string answer;
  uint8_t chunk[4096];
  while (transport.peek()) {
    const uint32_t count = transport.read(chunk, sizeof chunk);
    answer.append(reinterpret_cast<const char*>(chunk), count);
  }
  return answer;
}

ScriptedHttpServer::Script always(std::string raw_answer) {
  return [raw_answer](const RecordedRequest&) { return std::optional(raw_answer); };
}

}  // namespace

TEST_CASE("a chunked answer is joined, extensions and trailers skipped, and the connection kept") {
  ScriptedHttpServer server(always(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n"));
  HttpTransport transport(framing_options(server.url()));
  CHECK(post(transport, "one") == "hello world");
  CHECK(post(transport, "two") == "hello world");
  CHECK(server.connections_accepted() == 1);
  CHECK(server.requests().at(1).body == "two");
}

TEST_CASE("an answer without a length ends with the connection, and the next call reconnects") {
  ScriptedHttpServer server(always("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end"));
  HttpTransport transport(framing_options(server.url()));
  CHECK(post(transport, "a") == "until the end");
  CHECK(post(transport, "b") == "until the end");
  CHECK(server.connections_accepted() == 2);
  CHECK(transport.connections_opened() == 2);
}

TEST_CASE("interim 100 Continue answers are skipped") {
  ScriptedHttpServer server(always(
      "HTTP/1.1 100 Continue\r\n\r\n" + ScriptedHttpServer::response("200 OK", "", "ok")));
  HttpTransport transport(framing_options(server.url()));
  CHECK(post(transport, "x") == "ok");
}

TEST_CASE("a kept-alive connection the server closed while idle is replaced without an error") {
  ScriptedHttpServer server(always(ScriptedHttpServer::response("200 OK", "", "fine")));
  server.close_after_each_answer();
  HttpTransport transport(framing_options(server.url()));
  for (int call = 0; call < 3; ++call) CHECK(post(transport, "ping") == "fine");
  CHECK(server.requests().size() == 3);  // each request reached the server exactly once
  CHECK(server.connections_accepted() == 3);
}

TEST_CASE("an answer cut short is a transport error that says how much was missing") {
  ScriptedHttpServer server(
      always("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n0123456789"));
  HttpTransport transport(framing_options(server.url()));
  try {
    post(transport, "x");
    FAIL("expected a transport error");
  } catch (const TransportError& error) {
    const std::string message = error.what();
    CHECK(message.find("Unknown error talking to " + server.url() + ": ") == 0);
    CHECK(message.find("transfer closed with 90 bytes remaining to read") != std::string::npos);
    CHECK(error.http_status() == 0);
  }
}

TEST_CASE("a connection closed before any answer is a transport error, not a hang") {
  ScriptedHttpServer server(always(""));  // says nothing, then closes
  server.close_after_each_answer();
  HttpTransport transport(framing_options(server.url()));
  CHECK_THROWS_AS(post(transport, "x"), TransportError);
}

TEST_CASE("a redirect to a path on the same server is followed there") {
  int calls = 0;
  ScriptedHttpServer server([&](const RecordedRequest& request) {
    if (calls++ == 0) {
      return std::optional(ScriptedHttpServer::response("307 Temporary Redirect",
                                                        "Location: /leader/api\r\n"));
    }
    return std::optional(ScriptedHttpServer::response("200 OK", "", "at " + request.target));
  });
  HttpTransport transport(framing_options(server.url()));
  CHECK(post(transport, "body") == "at /leader/api");
  CHECK(server.requests().at(1).body == "body");
}

TEST_CASE("the Host header names the scheduler's host and port") {
  ScriptedHttpServer server(always(ScriptedHttpServer::response("200 OK", "", "ok")));
  HttpTransport transport(framing_options(server.url("localhost")));
  post(transport, "x");
  CHECK(server.requests().at(0).header("host") == "localhost:" + std::to_string(server.port()));
}

TEST_CASE("with http_proxy set, calls go through the proxy with the scheduler's full URL") {
  ScriptedHttpServer proxy(always(ScriptedHttpServer::response("200 OK", "", "proxied")));
  const std::string scheduler = "http://scheduler.invalid:8081/api";
  auto options = framing_options(scheduler);
  setenv("http_proxy", ("http://127.0.0.1:" + std::to_string(proxy.port())).c_str(), 1);
  unsetenv("no_proxy");
  std::string answer;
  try {
    HttpTransport transport(options);
    answer = post(transport, "x");
  } catch (...) {
    unsetenv("http_proxy");
    throw;
  }
  unsetenv("http_proxy");
  CHECK(answer == "proxied");
  REQUIRE(proxy.requests().size() == 1);
  CHECK(proxy.requests().at(0).target == scheduler);  // absolute form: a proxy request
}
