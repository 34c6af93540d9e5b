// Leader discovery against a real ZooKeeper server holding a serverset written as a scheduler does.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "clusters/discovery/scheduler_resolution.hpp"
#include "errors/error.hpp"
#include "tests/integration/fixtures/serverset_announcer.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/fixtures/zookeeper_server.hpp"

using namespace aurora::clusters;
using aurora::testing::AnnouncedScheduler;
using aurora::testing::ServersetAnnouncer;
using aurora::testing::shared_zookeeper_server;

namespace {

constexpr ResolveOptions kShortTimeout{std::chrono::seconds(5), false};

// Each test gets its own serverset so that tests sharing the server never see each other's nodes.
std::string fresh_serverset_path() {
  static std::atomic<int> counter{0};
  return "/discovery-test-" + std::to_string(++counter) + "/aurora/scheduler";
}

Cluster zookeeper_cluster(const aurora::testing::ZooKeeperServer& server, const std::string& path) {
  Cluster cluster;
  cluster.name = "devcluster";
  cluster.zk = "127.0.0.1";
  cluster.zk_port = server.port();
  cluster.scheduler_zk_path = path;
  return cluster;
}

std::pair<aurora::ErrorKind, std::string> resolution_error(const Cluster& cluster,
                                                           const ResolveOptions& options) {
  try {
    resolve_scheduler(cluster, options);
  } catch (const aurora::Error& error) {
    return {error.kind(), error.what()};
  }
  FAIL("resolution succeeded");
  return {};
}

// Sends fd 2 to a file while alive, to check what the ZooKeeper client prints.
class CapturedStderr {
 public:
  CapturedStderr() : saved_(::dup(STDERR_FILENO)) {
    std::fflush(stderr);
    const auto file = directory_.path() / "stderr";
    std::FILE* sink = std::fopen(file.c_str(), "w");
    ::dup2(::fileno(sink), STDERR_FILENO);
    std::fclose(sink);
  }
  ~CapturedStderr() { restore(); }
  std::string text() {
    restore();
    std::ifstream in(directory_.path() / "stderr");
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    saved_ = -1;
  }
  aurora::testing::TempDir directory_{"aurora-stderr-"};
  int saved_;
};

}  // namespace

TEST_CASE("the member with the lowest sequence leads, leader-latch lock nodes are ignored") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer announcer(server.connect_string());
  announcer.create_path(path);
  // Lock nodes take sequence numbers below and between the members, as Curator's latch does.
  announcer.add_leader_latch_node(path);
  const auto leader = announcer.announce(path, {.host = "127.0.0.1", .port = 18081});
  announcer.add_leader_latch_node(path);
  announcer.announce(path, {.host = "127.0.0.1", .port = 18082});
  CHECK(leader == path + "/member_0000000001");

  const auto endpoint = resolve_scheduler(zookeeper_cluster(server, path), kShortTimeout);
  CHECK(endpoint.api_url == "http://127.0.0.1:18081/api");
  CHECK(endpoint.scheduler_url == "http://127.0.0.1:18081");
  CHECK(endpoint.display_base_url == "http://127.0.0.1:18081");
}

TEST_CASE("after the leader's member node is deleted the next resolution finds the other one") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer announcer(server.connect_string());
  announcer.create_path(path);
  const auto first = announcer.announce(path, {.port = 18081});
  announcer.add_leader_latch_node(path);
  announcer.announce(path, {.port = 18082});
  const Cluster cluster = zookeeper_cluster(server, path);

  CHECK(resolve_scheduler(cluster, kShortTimeout).api_url == "http://127.0.0.1:18081/api");
  announcer.remove(first);
  CHECK(resolve_scheduler(cluster, kShortTimeout).api_url == "http://127.0.0.1:18082/api");
}

TEST_CASE("when the leader's session ends its ephemeral member goes and the other one leads") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer standby(server.connect_string());
  standby.create_path(path);
  {
    ServersetAnnouncer leader(server.connect_string());
    leader.announce(path, {.port = 18081});
    standby.announce(path, {.port = 18082});
    CHECK(resolve_scheduler(zookeeper_cluster(server, path), kShortTimeout).api_url ==
          "http://127.0.0.1:18081/api");
  }
  CHECK(resolve_scheduler(zookeeper_cluster(server, path), kShortTimeout).api_url ==
        "http://127.0.0.1:18082/api");
}

TEST_CASE("an https endpoint is preferred over http") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer announcer(server.connect_string());
  announcer.create_path(path);
  announcer.announce_raw(path, R"({"serviceEndpoint":{"host":"127.0.0.1","port":18080},)"
                               R"("additionalEndpoints":{"http":{"host":"127.0.0.1","port":18081},)"
                               R"("https":{"host":"localhost","port":18443}},"status":"ALIVE"})");
  const auto endpoint = resolve_scheduler(zookeeper_cluster(server, path), kShortTimeout);
  CHECK(endpoint.api_url == "https://localhost:18443/api");
}

TEST_CASE("proxy_url replaces the resolved scheduler as the display base in ZooKeeper mode") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer announcer(server.connect_string());
  announcer.create_path(path);
  announcer.announce(path, {.port = 18081, .scheme = "https"});
  Cluster cluster = zookeeper_cluster(server, path);
  cluster.proxy_url = "https://aurora.example.com";
  const auto endpoint = resolve_scheduler(cluster, kShortTimeout);
  CHECK(endpoint.api_url == "https://127.0.0.1:18081/api");
  CHECK(endpoint.display_base_url == "https://aurora.example.com");
}

TEST_CASE("a serverset path with empty segments is normalized before the lookup") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer announcer(server.connect_string());
  announcer.create_path(path);
  announcer.announce(path, {.port = 18081});
  Cluster cluster = zookeeper_cluster(server, "/" + path + "/");
  cluster.zk = "127.0.0.1, 127.0.0.1";
  CHECK(resolve_scheduler(cluster, kShortTimeout).api_url == "http://127.0.0.1:18081/api");
}

TEST_CASE("a serverset with only lock nodes has no schedulers: network error, exit 7") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer announcer(server.connect_string());
  announcer.create_path(path);
  announcer.add_leader_latch_node(path);
  const auto [kind, message] = resolution_error(zookeeper_cluster(server, path), kShortTimeout);
  CHECK(kind == aurora::ErrorKind::Network);
  CHECK(message == "No schedulers detected in devcluster!");
}

TEST_CASE("a missing serverset path is a configuration error naming the path and cluster") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  const auto [kind, message] = resolution_error(zookeeper_cluster(server, path), kShortTimeout);
  CHECK(kind == aurora::ErrorKind::InvalidConfiguration);
  CHECK(message.find(path) != std::string::npos);
  CHECK(message.find("\"devcluster\"") != std::string::npos);
}

TEST_CASE("a leader whose data is not JSON is a configuration error naming its znode") {
  auto& server = shared_zookeeper_server();
  const std::string path = fresh_serverset_path();
  ServersetAnnouncer announcer(server.connect_string());
  announcer.create_path(path);
  const auto broken = announcer.announce_raw(path, "127.0.0.1:8081");
  announcer.announce(path, {.port = 18082});
  const auto [kind, message] = resolution_error(zookeeper_cluster(server, path), kShortTimeout);
  CHECK(kind == aurora::ErrorKind::InvalidConfiguration);
  CHECK(message.find(broken) != std::string::npos);
}

TEST_CASE("a stopped ZooKeeper is a network error, and the C client stays quiet without -v") {
  aurora::testing::ZooKeeperServer server;
  const Cluster cluster = zookeeper_cluster(server, "/aurora/scheduler");
  server.stop();
  CHECK_FALSE(server.healthy());

  CapturedStderr captured;
  const auto [kind, message] = resolution_error(cluster, {std::chrono::milliseconds(1500), false});
  const std::string printed = captured.text();
  CHECK(kind == aurora::ErrorKind::Network);
  CHECK(message.find("Failed to connect to Zookeeper within 1.5 seconds.") == 0);
  CHECK(message.find(server.connect_string()) != std::string::npos);
  CHECK(printed.empty());
}
