// The HTTP transport against real servers on 127.0.0.1: a Thrift THttpServer for round trips,
// and a scripted raw HTTP server for redirects, auth failures, 503s and header inspection.
// Built twice: with the plain HTTP client (integration_api) and with libcurl for http://
// (integration_api_libcurl, AURORA_TEST_HTTP_LIBCURL=1), so both behave the same.

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "api/scheduler_connection.hpp"
#include "api/transport_error.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"
#include "scripted_http_server.hpp"
#include "thrift_test_server.hpp"

using aurora::api::HttpTransportOptions;
using aurora::api::SchedulerConnection;
using aurora::api::TransportError;
using aurora::api::WireProtocol;
using aurora::testing::RecordedRequest;
using aurora::testing::ScriptedHttpServer;
using aurora::testing::ThriftTestServer;
namespace gen = aurora::gen;

namespace {

HttpTransportOptions options_for(const std::string& url,
                                 WireProtocol protocol = WireProtocol::Binary) {
  // A proxy from the environment must not intercept loopback test servers.
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  HttpTransportOptions options;
  options.api_url = url;
  options.protocol = protocol;
  // Tests must not pick up the developer's own ~/.netrc.
  options.auth.netrc_file = "/nonexistent/aurora-test-netrc";
  options.libcurl_for_http = AURORA_TEST_HTTP_LIBCURL;
  return options;
}

gen::Response get_jobs(SchedulerConnection& connection, const std::string& role = "www-data") {
  gen::Response response;
  connection.client().getJobs(response, role);
  return response;
}

void check_jobs_answer(const gen::Response& response, const std::string& role) {
  CHECK(response.responseCode == gen::ResponseCode::OK);
  REQUIRE(static_cast<bool>(response.result.__isset.getJobsResult));
  REQUIRE(response.result.getJobsResult.configs.size() == 1);
  const auto& job = *response.result.getJobsResult.configs.begin();
  CHECK(job.key.role == role);
  CHECK(job.key.name == "hello");
  CHECK(job.instanceCount == 3);
  REQUIRE(response.details.size() == 1);
  CHECK(response.details[0].message == "jobs of " + role);
  CHECK(response.serverInfo.clusterName == "test-cluster");
}

std::string base64(const std::string& text) {
  static const char* alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += alphabet[(n >> shift) & 63];
  }
  if (i + 1 == text.size()) {
    const unsigned n = static_cast<unsigned char>(text[i]) << 16;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == text.size()) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

std::string redirect_to(const std::string& location) {
  return ScriptedHttpServer::response("307 Temporary Redirect", "Location: " + location + "\r\n");
}

// Redirects to `target` only when the request carries `expected_authorization`, else 401.
ScriptedHttpServer::Script require_authorization(std::string expected_authorization,
                                                 std::string target) {
  return [expected_authorization, target](const RecordedRequest& request) {
    if (request.header("authorization") != expected_authorization) {
      return std::optional(ScriptedHttpServer::response("401 Unauthorized"));
    }
    return std::optional(redirect_to(target));
  };
}

class TempFile {
 public:
  TempFile(const std::string& name, const std::string& contents)
      : path_(std::filesystem::temp_directory_path() /
              (name + "-" + std::to_string(::getpid()))) {
    std::ofstream(path_) << contents;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A port nobody listens on: a scripted server's, after it has shut down.
int closed_loopback_port() {
  ScriptedHttpServer server([](const RecordedRequest&) { return std::nullopt; });
  return server.port();
}

}  // namespace

TEST_CASE("getJobs round-trips over TBinary against a real Thrift HTTP server") {
  ThriftTestServer server(WireProtocol::Binary);
  SchedulerConnection connection(options_for(server.api_url()));
  check_jobs_answer(get_jobs(connection), "www-data");
  CHECK(server.calls_answered() == 1);
}

TEST_CASE("getJobs and getTierConfigs round-trip over TJSON") {
  ThriftTestServer server(WireProtocol::Json);
  SchedulerConnection connection(options_for(server.api_url(), WireProtocol::Json));
  check_jobs_answer(get_jobs(connection, "json-role"), "json-role");
  gen::Response tiers;
  connection.client().getTierConfigs(tiers);
  REQUIRE(static_cast<bool>(tiers.result.__isset.getTierConfigResult));
  CHECK(tiers.result.getTierConfigResult.defaultTierName == "preemptible");
  CHECK(tiers.result.getTierConfigResult.tiers.begin()->settings.at("revocable") == "false");
}

TEST_CASE("many calls share one kept-alive connection") {
  ThriftTestServer server(WireProtocol::Binary);
  SchedulerConnection connection(options_for(server.api_url()));
  for (int call = 0; call < 25; ++call) check_jobs_answer(get_jobs(connection), "www-data");
  CHECK(server.calls_answered() == 25);
  CHECK(server.connections_accepted() == 1);
  CHECK(connection.transport().connections_opened() == 1);
}

TEST_CASE("requests carry the upstream headers and no 100-continue") {
  for (WireProtocol protocol : {WireProtocol::Binary, WireProtocol::Json}) {
    ThriftTestServer thrift(protocol);
    ScriptedHttpServer front([&](const RecordedRequest&) {
      return std::optional(redirect_to(thrift.api_url()));
    });
    auto options = options_for(front.url(), protocol);
    options.client_version = "0.1.0";
    SchedulerConnection connection(options);
    get_jobs(connection);
    const RecordedRequest request = front.requests().at(0);
    const std::string type(aurora::api::content_type(protocol));
    CHECK(request.method == "POST");
    CHECK(request.target == "/api");
    CHECK(request.header("content-type") == type);
    CHECK(request.header("accept") == type);
    CHECK(request.header("user-agent") == "Aurora V2 0.1.0");
    CHECK_FALSE(request.header("expect"));
    CHECK_FALSE(request.header("authorization"));
    CHECK(request.header("content-length") == std::to_string(request.body.size()));
  }
}

TEST_CASE("a 307 to the leader is followed with the same method and body") {
  ThriftTestServer leader(WireProtocol::Binary);
  ScriptedHttpServer follower([&](const RecordedRequest&) {
    return std::optional(redirect_to(leader.api_url()));
  });
  SchedulerConnection connection(options_for(follower.url()));
  check_jobs_answer(get_jobs(connection), "www-data");
  check_jobs_answer(get_jobs(connection, "second"), "second");
  const auto requests = follower.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].method == "POST");
  CHECK(requests[0].body.find("getJobs") != std::string::npos);
  CHECK(leader.calls_answered() == 2);
}

TEST_CASE("401 and 403 from the scheduler are auth errors, not transport errors") {
  for (const std::string status : {"401 Unauthorized", "403 Forbidden"}) {
    ScriptedHttpServer server([&](const RecordedRequest&) {
      return std::optional(ScriptedHttpServer::response(status));
    });
    SchedulerConnection connection(options_for(server.url()));
    try {
      get_jobs(connection);
      FAIL("expected an auth error");
    } catch (const TransportError& error) {
      FAIL("got a transport error: " << error.what());
    } catch (const aurora::Error& error) {
      CHECK(error.kind() == aurora::ErrorKind::Auth);
      CHECK(std::string(error.what()) == status.substr(0, 3) + " Client Error: " +
                                             status.substr(4) + " for url: " + server.url());
    }
  }
}

TEST_CASE("503 (no leader yet) is a transport error that carries the status") {
  ScriptedHttpServer server([](const RecordedRequest&) {
    return std::optional(ScriptedHttpServer::response("503 Service Unavailable"));
  });
  SchedulerConnection connection(options_for(server.url()));
  try {
    get_jobs(connection);
    FAIL("expected a transport error");
  } catch (const TransportError& error) {
    CHECK(error.http_status() == 503);
    CHECK(error.scheduler_has_no_leader());
    CHECK(error.kind() == aurora::ErrorKind::Network);
    CHECK(std::string(error.what()) == "Unknown error talking to " + server.url() +
                                           ": 503 Server Error: Service Unavailable for url: " +
                                           server.url());
  }
}

TEST_CASE("a scheduler that is down is a transport error without HTTP status") {
  SchedulerConnection connection(
      options_for("http://127.0.0.1:" + std::to_string(closed_loopback_port()) + "/api"));
  try {
    get_jobs(connection);
    FAIL("expected a transport error");
  } catch (const TransportError& error) {
    CHECK(error.http_status() == 0);
    CHECK_FALSE(error.timed_out());
    CHECK(std::string(error.what()).find("Unknown error talking to http://127.0.0.1:") == 0);
  }
}

TEST_CASE("a scheduler that never answers times out as a transport error") {
  ScriptedHttpServer server([](const RecordedRequest&) { return std::nullopt; });
  auto options = options_for(server.url());
  options.request_timeout = std::chrono::milliseconds(300);
  SchedulerConnection connection(options);
  try {
    get_jobs(connection);
    FAIL("expected a timeout");
  } catch (const TransportError& error) {
    CHECK(error.timed_out());
  }
}

TEST_CASE("Ctrl-C aborts a call that is waiting for the scheduler") {
  ScriptedHttpServer server([](const RecordedRequest&) { return std::nullopt; });
  SchedulerConnection connection(options_for(server.url()));
  aurora::interrupt::install_handler();
  aurora::interrupt::reset();
  aurora::interrupt::Cooperative cooperative;
  std::thread interrupter([&] {
    while (server.requests().empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::raise(SIGINT);
  });
  try {
    get_jobs(connection);
    FAIL("expected an interruption");
  } catch (const aurora::Error& error) {
    CHECK(error.kind() == aurora::ErrorKind::Interrupted);
  }
  interrupter.join();
  aurora::interrupt::reset();
}

TEST_CASE("netrc credentials for the scheduler host are sent as basic auth") {
  ThriftTestServer thrift(WireProtocol::Binary);
  ScriptedHttpServer gate(
      require_authorization("Basic " + base64("alice:s3cret"), thrift.api_url()));
  TempFile netrc("aurora-netrc", "machine 127.0.0.1 login alice password s3cret\n");
  auto options = options_for(gate.url());
  options.auth.netrc_file = netrc.path();
  SchedulerConnection connection(options);
  check_jobs_answer(get_jobs(connection), "www-data");
  CHECK(gate.requests().at(0).header("authorization") == "Basic " + base64("alice:s3cret"));
}

TEST_CASE("after a redirect, netrc credentials of the new host are sent") {
  ThriftTestServer thrift(WireProtocol::Binary);
  ScriptedHttpServer leader(require_authorization("Basic " + base64("bob:two"), thrift.api_url()));
  ScriptedHttpServer follower(
      require_authorization("Basic " + base64("alice:one"), leader.url("localhost")));
  TempFile netrc("aurora-netrc-hosts",
                 "machine 127.0.0.1 login alice password one\n"
                 "machine localhost login bob password two\n");
  auto options = options_for(follower.url());
  options.auth.netrc_file = netrc.path();
  SchedulerConnection connection(options);
  check_jobs_answer(get_jobs(connection), "www-data");
  CHECK(leader.requests().at(0).header("authorization") == "Basic " + base64("bob:two"));
}

TEST_CASE("a bearer token is sent instead of netrc credentials") {
  ThriftTestServer thrift(WireProtocol::Binary);
  ScriptedHttpServer gate(require_authorization("Bearer tok-123", thrift.api_url()));
  TempFile netrc("aurora-netrc-unused", "default login alice password s3cret\n");
  auto options = options_for(gate.url());
  options.auth.netrc_file = netrc.path();
  options.auth.bearer_token = "tok-123";
  SchedulerConnection connection(options);
  check_jobs_answer(get_jobs(connection), "www-data");
  CHECK(gate.requests().at(0).header("authorization") == "Bearer tok-123");
}

TEST_CASE("KERBEROS sends no netrc credentials, and its 401 reminds the user to kinit") {
  if (!aurora::api::curl_supports_spnego()) return;  // covered by the unit test of that error
  ScriptedHttpServer server([](const RecordedRequest&) {
    return std::optional(ScriptedHttpServer::response("401 Unauthorized"));
  });
  TempFile netrc("aurora-netrc-kerberos", "default login alice password s3cret\n");
  auto options = options_for(server.url());
  options.auth.mechanism = aurora::api::AuthMechanism::Kerberos;
  options.auth.netrc_file = netrc.path();
  SchedulerConnection connection(options);
  try {
    get_jobs(connection);
    FAIL("expected an auth error");
  } catch (const aurora::Error& error) {
    CHECK(error.kind() == aurora::ErrorKind::Auth);
    CHECK(std::string(error.what()).find("kinit") != std::string::npos);
  }
  CHECK_FALSE(server.requests().at(0).header("authorization"));
}

TEST_CASE("credentials in the URL never reach traces or error messages") {
  ScriptedHttpServer server([](const RecordedRequest&) {
    return std::optional(ScriptedHttpServer::response("503 Service Unavailable"));
  });
  std::string traced;
  auto options = options_for("http://user:hunter2@127.0.0.1:" + std::to_string(server.port()) +
                             "/api");
  options.trace = [&](std::string_view line) { traced += std::string(line) + "\n"; };
  SchedulerConnection connection(options);
  try {
    get_jobs(connection);
    FAIL("expected a transport error");
  } catch (const TransportError& error) {
    CHECK(std::string(error.what()).find("hunter2") == std::string::npos);
  }
  CHECK(traced.find("POST http://127.0.0.1:") == 0);
  CHECK(traced.find("-> 503") != std::string::npos);
  CHECK(traced.find("hunter2") == std::string::npos);
}
