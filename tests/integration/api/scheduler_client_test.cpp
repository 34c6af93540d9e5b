#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <vector>

#include "api/scheduler_client.hpp"
#include "errors/error.hpp"
#include "scripted_http_server.hpp"
#include "thrift_test_server.hpp"

using namespace aurora;
using namespace aurora::api;
using aurora::testing::RecordedRequest;
using aurora::testing::ScriptedHttpServer;
using aurora::testing::ThriftTestServer;

namespace {

// Fast retry timings, and the warnings collected for inspection.
struct Harness {
  std::vector<std::string> warnings;
  SchedulerClientOptions options() {
    SchedulerClientOptions o;
    o.retry_interval = std::chrono::milliseconds(5);
    o.max_wait = std::chrono::milliseconds(200);
    o.transport.connect_timeout = std::chrono::milliseconds(1000);
    o.warn = [this](std::string_view line) { warnings.emplace_back(line); };
    return o;
  }
};

// A loopback URL where nothing listens: a server that was started and stopped.
std::string dead_api_url() {
  ScriptedHttpServer server([](const RecordedRequest&) { return std::nullopt; });
  return server.url() + "/api";
}

ErrorKind kind_of(auto&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.kind();
  }
  FAIL("expected an error");
  return ErrorKind::Unknown;
}

}  // namespace

TEST_CASE("a read call against a dead scheduler retries, then times out (exit 9)") {
  Harness harness;
  const std::string url = dead_api_url();
  SchedulerClient client("west", [&] { return url; }, harness.options());
  try {
    client.getJobs(std::string("www-data"));
    FAIL("expected a timeout");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Timeout);
    const std::string message = e.what();
    CHECK(message.rfind("Timed out attempting to issue getJobs to west (retried for 200 ms, the "
                        "cluster's rpc_max_wait_secs; last error: Unknown error talking to ",
                        0) == 0);
    // Both HTTP clients word it "Failed to connect to HOST port N after T ms: REASON".
    CHECK(message.find("Failed to connect to 127.0.0.1 port ") != std::string::npos);
  }
  REQUIRE(harness.warnings.size() >= 2);
  CHECK(harness.warnings[0].rfind("Transport error communicating with scheduler: ", 0) == 0);
  CHECK(harness.warnings[0].find(", retrying...") != std::string::npos);
}

TEST_CASE("a write call against a dead scheduler fails at once without retrying (exit 7)") {
  Harness harness;
  const std::string url = dead_api_url();
  SchedulerClient client("west", [&] { return url; }, harness.options());
  gen::JobKey job;
  try {
    client.killTasks(job, std::set<int32_t>{0}, std::string("bye"));
    FAIL("expected a network error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Network);
    const std::string message = e.what();
    CHECK(message.rfind("Transport error communicating with scheduler during non-idempotent "
                        "operation: ",
                        0) == 0);
    CHECK(message.find(", not retrying.\nThe scheduler did not carry out killTasks.") !=
          std::string::npos);
  }
  CHECK(harness.warnings.empty());
}

TEST_CASE("503 (no leader yet) is retried for reads until the scheduler answers") {
  Harness harness;
  ThriftTestServer thrift(WireProtocol::Binary);
  std::atomic<int> seen{0};
  ScriptedHttpServer front([&](const RecordedRequest&) -> std::optional<std::string> {
    if (seen++ < 2) return ScriptedHttpServer::response("503 Service Unavailable");
    return ScriptedHttpServer::response("307 Temporary Redirect",
                                        "Location: " + thrift.api_url() + "\r\n");
  });
  SchedulerClient client("west", [&] { return front.url() + "/api"; }, harness.options());
  const auto response = client.getJobs(std::string("www-data"));
  CHECK(response.responseCode == gen::ResponseCode::OK);
  CHECK(response.result.getJobsResult.configs.size() == 1);
  CHECK(harness.warnings.size() == 2);
  CHECK(seen.load() == 3);
}

TEST_CASE("401 is an auth error (exit 30) and is never retried") {
  Harness harness;
  ScriptedHttpServer server([](const RecordedRequest&) -> std::optional<std::string> {
    return ScriptedHttpServer::response("401 Unauthorized");
  });
  SchedulerClient client("west", [&] { return server.url() + "/api"; }, harness.options());
  CHECK(kind_of([&] { client.getJobs(std::string("r")); }) == ErrorKind::Auth);
  CHECK(server.requests().size() == 1);
}

TEST_CASE("after a transport error the scheduler is resolved again, following a new leader") {
  Harness harness;
  ThriftTestServer thrift(WireProtocol::Binary);
  const std::string dead = dead_api_url();
  int resolutions = 0;
  SchedulerClient client(
      "west", [&] { return ++resolutions == 1 ? dead : thrift.api_url(); }, harness.options());
  CHECK(client.getJobs(std::string("r")).responseCode == gen::ResponseCode::OK);
  CHECK(resolutions == 2);
}

TEST_CASE("discovery failures are retried while connecting, configuration errors are not") {
  Harness harness;
  ThriftTestServer thrift(WireProtocol::Binary);
  int attempts = 0;
  SchedulerClient flaky(
      "west",
      [&]() -> std::string {
        if (++attempts < 3) throw Error(ErrorKind::Network, "No schedulers detected in west!");
        return thrift.api_url();
      },
      harness.options());
  CHECK(flaky.getJobs(std::string("r")).responseCode == gen::ResponseCode::OK);
  CHECK(harness.warnings.size() == 2);
  CHECK(harness.warnings[0] == "Could not connect to scheduler: No schedulers detected in west!");

  SchedulerClient broken(
      "west", []() -> std::string { throw Error(ErrorKind::InvalidConfiguration, "bad entry"); },
      harness.options());
  CHECK(kind_of([&] { broken.getJobs(std::string("r")); }) == ErrorKind::InvalidConfiguration);
}

TEST_CASE("getJobs for every role leaves the role unset on the wire") {
  Harness harness;
  ScriptedHttpServer server([](const RecordedRequest&) -> std::optional<std::string> {
    return ScriptedHttpServer::response("500 Internal Server Error");
  });
  SchedulerClient client("west", [&] { return server.url() + "/api"; }, harness.options());
  CHECK(kind_of([&] { client.getJobs(std::nullopt); }) == ErrorKind::Timeout);
  REQUIRE(!server.requests().empty());
  // Strict TBinary CALL "getJobs", seqid 0, then an argument struct holding only STOP.
  const std::string expected = std::string("\x80\x01\x00\x01\x00\x00\x00\x07", 8) + "getJobs" +
                               std::string("\x00\x00\x00\x00\x00", 5);
  CHECK(server.requests()[0].body == expected);
}

TEST_CASE("one client keeps one connection across many calls") {
  Harness harness;
  ThriftTestServer thrift(WireProtocol::Json);
  auto options = harness.options();
  options.transport.protocol = WireProtocol::Json;
  SchedulerClient client("west", [&] { return thrift.api_url(); }, options);
  for (int i = 0; i < 5; ++i) CHECK(client.getTierConfigs().responseCode == gen::ResponseCode::OK);
  CHECK(thrift.connections_accepted() == 1);
}

TEST_CASE("combine_messages joins details and names empty ones") {
  gen::Response response;
  gen::ResponseDetail a, b;
  a.message = "first";
  response.details = {a, b};
  CHECK(combine_messages(response) == "first, Unknown error");
  CHECK(combine_messages(gen::Response{}) == "");
}
