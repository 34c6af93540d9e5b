// Scheduler discovery through a real ZooKeeper while things fail: the leader dies during
// `update wait`, ZooKeeper dies, ZooKeeper accepts connections but never answers.
#include <doctest/doctest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/integration/devcluster/devcluster_process.hpp"
#include "tests/integration/faults/fault_cluster.hpp"
#include "tests/integration/fixtures/loopback.hpp"
#include "tests/integration/fixtures/zookeeper_server.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

constexpr int kSessionTimeoutMs = 2000;

bool leads(int port) {
  const auto answer = loopback_exchange(port, "GET /leaderhealth HTTP/1.0\r\n\r\n",
                                        std::chrono::milliseconds(2000));
  return answer.rfind("HTTP/1.1 200", 0) == 0;
}

std::vector<std::string> member_arguments(const std::string& connect_string,
                                          const std::string& path) {
  return {"--zk", connect_string, "--zk-path", path, "--zk-session-timeout-ms",
          std::to_string(kSessionTimeoutMs)};
}

// A devcluster that announces itself at `path`, and a clusters.json that finds it only there.
struct ZooKeeperCluster {
  ZooKeeperCluster(const ZooKeeperServer& zookeeper, const std::string& path, double speed,
                   const ClientTimings& timings)
      : server([&] {
          DevclusterOptions options;
          options.speed = speed;
          options.extra_args = member_arguments(zookeeper.connect_string(), path);
          return options;
        }()) {
    config_root = write_clusters_json(
        server.scratch(), "zk", "devcluster",
        "\"zk\": \"127.0.0.1\", \"zk_port\": " + std::to_string(zookeeper.port()) +
            ", \"scheduler_zk_path\": \"" + path + "\", \"zk_timeout_secs\": 1",
        timings);
  }

  ProcessResult aurora(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {AURORA_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, client_environment(server, config_root));
  }
  std::unique_ptr<BackgroundCommand> start(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {AURORA_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return std::make_unique<BackgroundCommand>(argv, client_environment(server, config_root),
                                               server.scratch().path());
  }
  std::string config(const std::string& file, const std::string& cmdline, int watch_secs) const {
    return write_service(server.scratch(), file, "devcluster", 2, cmdline, watch_secs);
  }
  // hello created and running, then an update to `sleep 601` started; true when both exit 0.
  bool start_hello_update(int watch_secs) const {
    return aurora({"job", "create", kHello, config("v1.aurora", "sleep 600", 1), "--wait-until",
                   "RUNNING"})
                   .exit_code == 0 &&
           aurora({"update", "start", kHello, config("v2.aurora", "sleep 601", watch_secs)})
                   .exit_code == 0;
  }

  DevclusterServer server;
  std::filesystem::path config_root;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("update wait follows a leader change in ZooKeeper and sees the update finish") {
  auto& zookeeper = shared_zookeeper_server();
  const std::string path = "/aurora/faults-leader-change";
  ZooKeeperCluster cluster(zookeeper, path, 4, retrying(1, 30));
  REQUIRE(devcluster::testing::eventually([&] { return leads(cluster.server.port()); }));
  REQUIRE(cluster.start_hello_update(4));
  auto wait = cluster.start({"update", "wait", kHello, "--interval", "1s"});
  REQUIRE(wait->wait_for_out("Current state ROLLING_FORWARD"));

  // The leader dies; another scheduler is elected and takes over its storage, as a real
  // scheduler's replicated log would be taken over, at a new address.
  cluster.server.kill_hard();
  auto arguments = member_arguments(zookeeper.connect_string(), path);
  arguments.insert(arguments.end(), {"--state-dir", cluster.server.state_dir().string(),
                                     "--cluster-name", "devcluster", "--speed", "4"});
  devcluster::testing::DevclusterProcess successor(cluster.server.scratch().path(), arguments);
  REQUIRE(successor.port() != cluster.server.port());

  const auto result = wait->finish();
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "Current state ROLLED_FORWARD\n"));
  CHECK(contains(result.err, "WARN] Transport error communicating with scheduler: "));
  // The update the successor finished is the one the wait started on: there is only one.
  const auto list = cluster.aurora({"update", "list", kHello, "-o", "json"});
  CHECK(list.exit_code == 0);
  CHECK(nlohmann::json::parse(list.out).size() == 1);
}

TEST_CASE("the client needs ZooKeeper only to find the leader: its death spares a running wait, a new command exits 9") {
  ZooKeeperServer zookeeper;
  ZooKeeperCluster cluster(zookeeper, "/aurora/faults-zk-dies", 4,
                           retrying(1, 2));
  REQUIRE(devcluster::testing::eventually([&] { return leads(cluster.server.port()); }));
  REQUIRE(cluster.start_hello_update(2));
  auto wait = cluster.start({"update", "wait", kHello, "--interval", "1s"});
  REQUIRE(wait->wait_for_out("Current state ROLLING_FORWARD"));
  zookeeper.stop();
  const auto waited = wait->finish();
  CHECK(waited.exit_code == 0);
  CHECK(contains(waited.out, "Current state ROLLED_FORWARD\n"));

  const auto listed = cluster.aurora({"job", "list", "devcluster/www-data"});
  CHECK(listed.exit_code == 9);
  CHECK(contains(listed.err, "WARN] Could not connect to scheduler: "));
  CHECK(contains(listed.err, "Timed out trying to connect to scheduler at devcluster (last error: "));
  CHECK(contains(listed.err, "127.0.0.1:" + std::to_string(zookeeper.port())));
}

TEST_CASE("a ZooKeeper that accepts connections but never answers ends in exit 9, not a hang") {
  // A listening socket nobody accepts from: the kernel completes the TCP handshake, and the
  // session request is never answered, as with a frozen or partitioned ZooKeeper.
  const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  REQUIRE(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(silent, 16) == 0);
  REQUIRE(::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &size) == 0);
  const int port = ntohs(address.sin_port);

  TempDir scratch("aurora-faults-zk-");
  const auto root = write_clusters_json(
      scratch, "etc", "devcluster",
      "\"zk\": \"127.0.0.1\", \"zk_port\": " + std::to_string(port) +
          ", \"scheduler_zk_path\": \"/aurora/scheduler\", \"zk_timeout_secs\": 1",
      retrying(1, 2));
  const auto started = std::chrono::steady_clock::now();
  const auto result = run_process({AURORA_BINARY, "job", "list", "devcluster/www-data"},
                                  {{"AURORA_CONFIG_ROOT", root.string()},
                                   {"HOME", scratch.path().string()}});
  const auto took = std::chrono::steady_clock::now() - started;
  ::close(silent);
  CHECK(result.exit_code == 9);
  CHECK(contains(result.err, "Failed to connect to Zookeeper within 1 seconds. (tried 127.0.0.1:" +
                                 std::to_string(port) + ")"));
  CHECK(contains(result.err, "Timed out trying to connect to scheduler at devcluster"));
  CHECK(took < std::chrono::seconds(10));
}
