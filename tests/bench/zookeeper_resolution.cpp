// Prints how long one ZooKeeper leader resolution takes (session, list, read, close) on loopback.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <vector>

#include "clusters/discovery/scheduler_resolution.hpp"
#include "tests/integration/fixtures/serverset_announcer.hpp"
#include "tests/integration/fixtures/zookeeper_server.hpp"

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  try {
    aurora::testing::ZooKeeperServer server;
    const std::string path = "/aurora/scheduler";
    aurora::testing::ServersetAnnouncer announcer(server.connect_string());
    announcer.create_path(path);
    announcer.add_leader_latch_node(path);
    announcer.announce(path, {.port = 18081});
    announcer.announce(path, {.port = 18082});

    aurora::clusters::Cluster cluster;
    cluster.name = "bench";
    cluster.zk = "127.0.0.1";
    cluster.zk_port = server.port();
    cluster.scheduler_zk_path = path;

    aurora::clusters::resolve_scheduler(cluster);  // warm-up: first session pays one-time costs
    std::vector<double> milliseconds;
    for (int round = 0; round < rounds; ++round) {
      const auto start = std::chrono::steady_clock::now();
      aurora::clusters::resolve_scheduler(cluster);
      const std::chrono::duration<double, std::milli> elapsed =
          std::chrono::steady_clock::now() - start;
      milliseconds.push_back(elapsed.count());
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    const auto median =
        milliseconds.size() % 2 == 1
            ? milliseconds[milliseconds.size() / 2]
            : (milliseconds[milliseconds.size() / 2 - 1] + milliseconds[milliseconds.size() / 2]) /
                  2;
    std::printf("ZooKeeper resolution over %d rounds: median %.2f ms, min %.2f ms, max %.2f ms\n",
                rounds, median, milliseconds.front(), milliseconds.back());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "benchmark failed: %s\n", error.what());
    return 1;
  }
  return 0;
}
