#include <doctest/doctest.h>

#include "AuroraAdmin.h"
#include "tests/integration/fixtures/devcluster_server.hpp"
#include "tests/integration/fixtures/loopback.hpp"
#include "tests/integration/fixtures/zookeeper_server.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

// True once `server` answers /leaderhealth with 200 (it leads).
bool leads(const DevclusterServer& server) {
  const auto answer = loopback_exchange(server.port(),
                                        "GET /leaderhealth HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
                                        std::chrono::milliseconds(2000));
  return answer.rfind("HTTP/1.1 200", 0) == 0 || answer.rfind("HTTP/1.0 200", 0) == 0;
}

DevclusterOptions member_of(const ZooKeeperServer& zookeeper) {
  DevclusterOptions options;
  options.cluster_name = "devcluster-zk";
  options.extra_args = {"--zk", zookeeper.connect_string(), "--zk-path", "/aurora/scheduler",
                        "--zk-session-timeout-ms", "2000"};
  return options;
}

}  // namespace

TEST_CASE("a command reaches the ZooKeeper leader, and the next one the new leader") {
  ZooKeeperServer zookeeper;
  DevclusterServer first(member_of(zookeeper));
  REQUIRE(eventually([&] { return leads(first); }));
  DevclusterServer second(member_of(zookeeper));

  // The client finds schedulers only through ZooKeeper.
  const std::string zk_port = std::to_string(zookeeper.port());
  const auto clusters_json = first.scratch().write_file(
      "zk/clusters.json", R"([{"name": "devcluster-zk", "zk": "127.0.0.1", "zk_port": )" +
                              zk_port + R"(, "scheduler_zk_path": "/aurora/scheduler"}])");
  const std::map<std::string, std::string> env = {
      {"AURORA_CONFIG_ROOT", clusters_json.parent_path().string()}};

  SeededCluster(first).create(service_job("on-first", 1));
  const auto before = first.aurora({"job", "list", "devcluster-zk/www-data"}, env);
  CHECK(before.exit_code == 0);
  CHECK(before.out == "devcluster-zk/www-data/prod/on-first\n");

  first.kill_hard();
  REQUIRE(eventually([&] { return leads(second); }, std::chrono::seconds(30)));
  SeededCluster(second).create(service_job("on-second", 1));
  const auto after = first.aurora({"job", "list", "devcluster-zk/www-data"}, env);
  CHECK(after.exit_code == 0);
  CHECK(after.out == "devcluster-zk/www-data/prod/on-second\n");
}
