// startJobUpdate is retried (as upstream); when the first attempt started the update but its
// answer was lost, the retry must recognise that update as its own rather than start another.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/faults/fault_cluster.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t update_count(const FaultCluster& cluster) {
  const auto list = cluster.aurora_direct({"update", "list", kHello, "-o", "json"});
  REQUIRE(list.exit_code == 0);
  return nlohmann::json::parse(list.out).size();
}

}  // namespace

TEST_CASE("a retried update start whose first answer was lost starts exactly one update") {
  DevclusterOptions slow;
  slow.speed = 2;
  FaultCluster cluster(retrying(1, 10), slow);
  REQUIRE(cluster.create_hello());
  // The scheduler starts the update; its answer never reaches the client.
  cluster.proxy().inject("startJobUpdate", Fault::forward_then_drop(), 1);
  const auto started = cluster.aurora(
      {"update", "start", kHello, cluster.hello_config("v2.aurora", 2, "sleep 601", 20)});
  CHECK(started.exit_code == 0);
  CHECK(contains(started.err, "WARN] Transport error communicating with scheduler: "));
  CHECK(contains(started.out, "Job update has started. View your update progress at " +
                                  cluster.proxy().url() + "/scheduler/www-data/prod/hello/update/"));
  CHECK(cluster.proxy().count("startJobUpdate") == 2);
  CHECK(update_count(cluster) == 1);

  // Another start (a different client, so a different update id) is refused: still one update.
  const auto another = cluster.aurora(
      {"update", "start", kHello, cluster.hello_config("v3.aurora", 2, "sleep 602", 20)});
  CHECK(another.exit_code == 10);
  CHECK(contains(another.err, "Failed to start update due to error:\n\tAn active update already "
                              "exists for this job"));
  CHECK(update_count(cluster) == 1);
}
