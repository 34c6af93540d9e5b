#include "clusters/discovery/scheduler_resolution.hpp"

#include <doctest/doctest.h>

#include "errors/error.hpp"

using namespace aurora::clusters;

namespace {

Cluster cluster_named(std::string name) {
  Cluster cluster;
  cluster.name = std::move(name);
  return cluster;
}

std::pair<aurora::ErrorKind, std::string> resolution_error(const Cluster& cluster) {
  try {
    resolve_scheduler(cluster);
  } catch (const aurora::Error& error) {
    return {error.kind(), error.what()};
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("direct mode calls scheduler_uri/api and links to scheduler_uri, ignoring proxy_url") {
  Cluster cluster = cluster_named("local");
  cluster.scheduler_uri = "http://h:8081/some/path";
  cluster.proxy_url = "https://proxy.example.com";
  const auto endpoint = resolve_scheduler(cluster);
  CHECK(endpoint.api_url == "http://h:8081/some/api");
  CHECK(endpoint.display_base_url == "http://h:8081/some/path");
  CHECK(endpoint.scheduler_url == "http://h:8081/some/path");
}

TEST_CASE("a cluster with neither zk nor scheduler_uri is a configuration error") {
  const auto [kind, message] = resolution_error(cluster_named("west"));
  CHECK(kind == aurora::ErrorKind::InvalidConfiguration);
  CHECK(message == "\"west\" does not specify zk or scheduler_uri");
}

TEST_CASE("an empty zk falls back to scheduler_uri, as upstream's truthiness test does") {
  Cluster cluster = cluster_named("local");
  cluster.zk = "";
  cluster.scheduler_uri = "http://h:8081";
  CHECK(resolve_scheduler(cluster).api_url == "http://h:8081/api");
}

TEST_CASE("zk without scheduler_zk_path is a configuration error naming the cluster") {
  Cluster cluster = cluster_named("west");
  cluster.zk = "zk1";
  const auto [kind, message] = resolution_error(cluster);
  CHECK(kind == aurora::ErrorKind::InvalidConfiguration);
  CHECK(message.find("\"west\"") != std::string::npos);
  CHECK(message.find("scheduler_zk_path") != std::string::npos);
}

TEST_CASE("every zk host gets zk_port") {
  Cluster cluster = cluster_named("west");
  cluster.zk = "zk1,zk2, zk3";
  cluster.zk_port = 2182;
  CHECK(zookeeper_connect_string(cluster) == "zk1:2182,zk2:2182,zk3:2182");
  cluster.zk = "zk1";
  cluster.zk_port = 2181;
  CHECK(zookeeper_connect_string(cluster) == "zk1:2181");
}

TEST_CASE("the serverset path loses its empty segments") {
  CHECK(normalize_zookeeper_path("/a//b/") == "/a/b");
  CHECK(normalize_zookeeper_path("aurora/scheduler") == "/aurora/scheduler");
  CHECK(normalize_zookeeper_path("/aurora/scheduler") == "/aurora/scheduler");
  CHECK(normalize_zookeeper_path("//") == "/");
  CHECK(normalize_zookeeper_path("") == "/");
}
