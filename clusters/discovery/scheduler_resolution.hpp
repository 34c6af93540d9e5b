#pragma once
// Turns a cluster into the URL of its leading scheduler, directly or through a ZooKeeper serverset.

#include <chrono>
#include <string>
#include <string_view>

#include "clusters/cluster.hpp"

namespace aurora::clusters {

struct ResolveOptions {
  // Bounds connecting to ZooKeeper; also the session timeout asked of it.
  std::chrono::milliseconds zookeeper_timeout{std::chrono::seconds(10)};
  // Lets the ZooKeeper C client log to stderr (upstream: Kazoo logs only with -v).
  bool verbose = false;
};

struct SchedulerEndpoint {
  std::string api_url;           // where Thrift calls go: ".../api"
  std::string display_base_url;  // base of web UI links (§5.3)
  std::string
      scheduler_url;  // the scheduler itself: scheduler_uri or the leader's http(s)://host:port
};

// Resolves `cluster`: ZooKeeper when `zk` is set (it wins), else scheduler_uri. Opens at most one
// ZooKeeper session and closes it before returning. Throws Error: InvalidConfiguration for an
// unusable cluster entry, a missing serverset path or a malformed announcement; Network when
// ZooKeeper is unreachable or no scheduler is announced.
SchedulerEndpoint resolve_scheduler(const Cluster& cluster, const ResolveOptions& options = {});

// "h1:2181,h2:2181" from zk "h1,h2" and zk_port 2181.
std::string zookeeper_connect_string(const Cluster& cluster);

// scheduler_zk_path without empty segments: "/a//b/" → "/a/b", "a" → "/a".
std::string normalize_zookeeper_path(std::string_view path);

}  // namespace aurora::clusters
