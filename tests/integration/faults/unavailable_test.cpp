// A scheduler that answers too slowly, or answers 503 (no leader) again and again: reads retry
// until rpc_max_wait_secs (exit 9), changes are not repeated (exit 7), and the messages say what
// happened and whether the change took effect.
#include <doctest/doctest.h>

#include "tests/integration/faults/fault_cluster.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

std::set<int32_t> running_instances(const DevclusterServer& server) {
  std::set<int32_t> ids;
  for (const auto& task : SeededCluster(server).tasks("hello", {gen::ScheduleStatus::RUNNING})) {
    ids.insert(task.assignedTask.instanceId);
  }
  return ids;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a read slower than rpc_timeout_secs is retried, then ends with exit 9") {
  FaultCluster cluster(retrying(1, 3).timeout(1));
  SeededCluster(cluster.server()).create(service_job("hello", 1));
  cluster.proxy().inject("getJobs", Fault::delay_by(std::chrono::seconds(3)));
  const auto result = cluster.aurora({"job", "list", "devcluster/www-data"});
  CHECK(result.exit_code == 9);
  CHECK(result.out.empty());
  CHECK(contains(result.err, "WARN] Transport error communicating with scheduler: Unknown error "
                             "talking to " + cluster.proxy().url() + "/api: Operation timed out"));
  CHECK(contains(result.err, "(no answer within the cluster's rpc_timeout_secs, 1 s), retrying..."));
  CHECK(contains(result.err, "Timed out attempting to issue getJobs to devcluster (retried for 3 s"));
  CHECK(cluster.proxy().count("getJobs") >= 2);
}

TEST_CASE("a slow answer within rpc_timeout_secs is waited for") {
  FaultCluster cluster(ClientTimings().timeout(3));
  SeededCluster(cluster.server()).create(service_job("hello", 1));
  cluster.proxy().inject("getJobs", Fault::delay_by(std::chrono::milliseconds(1500)));
  const auto result = cluster.aurora({"job", "list", "devcluster/www-data"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == kHello + "\n");
  CHECK(cluster.proxy().count("getJobs") == 1);
}

TEST_CASE("a kill whose answer is slower than rpc_timeout_secs exits 7 and says how to check") {
  FaultCluster cluster(ClientTimings().timeout(1));
  SeededCluster(cluster.server()).create(service_job("hello", 2));
  SeededCluster(cluster.server()).wait_running("hello", 2);
  cluster.proxy().inject("killTasks", Fault::delay_by(std::chrono::seconds(3)));
  const auto result = cluster.aurora({"job", "kill", kHello + "/1", "--no-batching"});
  CHECK(result.exit_code == 7);
  CHECK(contains(result.err, "Transport error communicating with scheduler during non-idempotent "
                             "operation: Unknown error talking to " +
                                 cluster.proxy().url() + "/api: Operation timed out"));
  CHECK(contains(result.err, "not retrying.\nThe scheduler may have carried out killTasks before "
                             "its answer was lost: check with 'aurora job status' before running "
                             "the command again.\n"));
  CHECK(cluster.proxy().count("killTasks") == 1);
  // It did: the scheduler got the request before the answer was given up on.
  CHECK(eventually([&] { return running_instances(cluster.server()) == std::set<int32_t>{0}; }));
}

TEST_CASE("a 503 storm on a read is retried until rpc_max_wait_secs, then exit 9") {
  FaultCluster cluster(retrying(1, 2));
  cluster.proxy().inject("*", Fault::answer_status(503));
  const auto result = cluster.aurora({"job", "status", kHello});
  CHECK(result.exit_code == 9);
  CHECK(contains(result.err, "WARN] Transport error communicating with scheduler: Unknown error "
                             "talking to " + cluster.proxy().url() + "/api: 503 Server Error: "
                             "Service Unavailable for url: " + cluster.proxy().url() + "/api, "
                             "retrying...\n"));
  CHECK(contains(result.err, "Timed out attempting to issue getTasksWithoutConfigs to devcluster "
                             "(retried for 2 s, the cluster's rpc_max_wait_secs; last error: "
                             "Unknown error talking to " + cluster.proxy().url() + "/api: 503 "));
  CHECK(cluster.proxy().count("getTasksWithoutConfigs") >= 2);
  CHECK(cluster.proxy().count("getTasksWithoutConfigs") <= 4);
}

TEST_CASE("a read that meets a few 503s succeeds once the scheduler has a leader again") {
  FaultCluster cluster(retrying(1, 10));
  SeededCluster(cluster.server()).create(service_job("hello", 1));
  cluster.proxy().inject("getJobs", Fault::answer_status(503), 2);
  const auto result = cluster.aurora({"job", "list", "devcluster/www-data"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == kHello + "\n");
  CHECK(cluster.proxy().count("getJobs") == 3);
}

TEST_CASE("a kill answered 503 is not repeated: exit 7, and nothing was killed") {
  FaultCluster cluster;
  SeededCluster(cluster.server()).create(service_job("hello", 2));
  SeededCluster(cluster.server()).wait_running("hello", 2);
  cluster.proxy().inject("killTasks", Fault::answer_status(503));
  const auto result = cluster.aurora({"job", "kill", kHello + "/1"});
  CHECK(result.exit_code == 7);
  CHECK(contains(result.err, "503 Server Error: Service Unavailable for url: " +
                                 cluster.proxy().url() + "/api, not retrying.\n"
                                 "The scheduler did not carry out killTasks.\n"));
  CHECK(cluster.proxy().count("killTasks") == 1);
  CHECK(running_instances(cluster.server()) == std::set<int32_t>{0, 1});
}

TEST_CASE("startJobUpdate and restartShards are retried through 503s, as upstream does") {
  DevclusterOptions slow;
  slow.speed = 10;
  FaultCluster cluster(retrying(1, 10), slow);
  REQUIRE(cluster.create_hello());
  cluster.proxy().inject("startJobUpdate", Fault::answer_status(503), 2);
  const auto update =
      cluster.aurora({"update", "start", kHello, cluster.hello_config("v2.aurora", 2, "sleep 601")});
  CHECK(update.exit_code == 0);
  CHECK(contains(update.out, "Job update has started."));
  CHECK(cluster.proxy().count("startJobUpdate") == 3);
  REQUIRE(cluster.aurora({"update", "wait", kHello, "--interval", "1s"}).exit_code == 0);

  cluster.proxy().inject("restartShards", Fault::answer_status(503), 1);
  const auto restart = cluster.aurora({"job", "restart", kHello, "--batch-size", "2",
                                       "--watch-secs", "1", "--healthcheck-interval-seconds", "1"});
  CHECK(restart.exit_code == 0);
  CHECK(cluster.proxy().count("restartShards") == 2);
}
