// Two devclusters sharing only a real ZooKeeper: one leads and announces, the other redirects.

#include <doctest/doctest.h>

#include <chrono>

#include "tests/integration/devcluster/devcluster_client.hpp"
#include "tests/integration/devcluster/devcluster_process.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/fixtures/zookeeper_server.hpp"

using namespace aurora;
using namespace aurora::devcluster::testing;

namespace {

int status_of(int port, const std::string& path) {
  try {
    LoopbackHttp http(port);
    return http.request("GET", path, {}, "").status;
  } catch (const std::exception&) {
    return 0;
  }
}

HttpReply api_call(int port) {
  LoopbackHttp http(port);
  return http.request("POST", "/api", {{"Content-Type", "application/json"}},
                      R"([1,"getTierConfigs",1,0,{}])");
}

}  // namespace

TEST_CASE("a follower answers /api with 307 to the leader, and takes over when the leader dies") {
  auto& zookeeper = aurora::testing::shared_zookeeper_server();
  aurora::testing::TempDir dir("devcluster-zk-");
  const auto session_timeout = std::chrono::milliseconds(4000);
  std::vector<std::string> options = {"--zk",
                                      zookeeper.connect_string(),
                                      "--zk-path",
                                      "/aurora/devcluster-test",
                                      "--zk-session-timeout-ms",
                                      std::to_string(session_timeout.count())};
  auto first_options = options;
  first_options.insert(first_options.end(), {"--state-dir", (dir.path() / "a").string()});
  DevclusterProcess leader(dir.path(), first_options);
  REQUIRE(eventually([&] { return status_of(leader.port(), "/leaderhealth") == 200; }));

  auto second_options = options;
  second_options.insert(second_options.end(), {"--state-dir", (dir.path() / "b").string()});
  DevclusterProcess follower(dir.path(), second_options);
  REQUIRE(eventually([&] { return api_call(follower.port()).status == 307; }));
  auto redirect = api_call(follower.port());
  CHECK(redirect.headers["location"] ==
        "http://127.0.0.1:" + std::to_string(leader.port()) + "/api");
  CHECK(api_call(leader.port()).status == 200);
  CHECK(status_of(follower.port(), "/leaderhealth") == 503);

  leader.kill_hard();
  const auto killed = std::chrono::steady_clock::now();
  // The leader's session expires after the session timeout; then the follower leads.
  REQUIRE(eventually([&] { return status_of(follower.port(), "/leaderhealth") == 200; },
                     std::chrono::seconds(30)));
  const auto failover = std::chrono::steady_clock::now() - killed;
  // ZooKeeper expires sessions on tick boundaries (the fixture's tickTime is 2 s), so expiry comes
  // up to one tick after the timeout; the rest is headroom for a loaded machine.
  const auto tick = std::chrono::seconds(2);
  const auto headroom = std::chrono::seconds(8);
  CHECK(failover <= session_timeout + tick + headroom);
  MESSAGE(
      "failover took " << std::chrono::duration_cast<std::chrono::milliseconds>(failover).count()
                       << " ms");
  CHECK(api_call(follower.port()).status == 200);
}
