#include "clusters/discovery/scheduler_resolution.hpp"

#include "clusters/discovery/serverset_member.hpp"
#include "clusters/discovery/url_join.hpp"
#include "clusters/discovery/zookeeper_session.hpp"
#include "errors/error.hpp"

namespace aurora::clusters {
namespace {

// A member can vanish between listing and reading it (a leader stepping down); list again.
constexpr int kListingAttempts = 3;

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

SchedulerEndpoint endpoint_from(const std::string& scheduler_url, const std::string& display_base) {
  return SchedulerEndpoint{url_join(scheduler_url, "api"), display_base, scheduler_url};
}

SchedulerEndpoint resolve_through_zookeeper(const Cluster& cluster, const ResolveOptions& options) {
  if (!cluster.scheduler_zk_path) {
    throw Error(ErrorKind::InvalidConfiguration,
                "Cluster \"" + cluster.name + "\" sets zk but not scheduler_zk_path.");
  }
  const std::string connect_string = zookeeper_connect_string(cluster);
  const std::string path = normalize_zookeeper_path(*cluster.scheduler_zk_path);

  ZooKeeperSession session(connect_string, {options.zookeeper_timeout, options.verbose});
  for (int attempt = 1;; ++attempt) {
    const auto children = session.children(path);
    if (!children) {
      throw Error(ErrorKind::InvalidConfiguration,
                  "Zookeeper path " + path + " (scheduler_zk_path of cluster \"" + cluster.name +
                      "\") does not exist on " + connect_string + ".");
    }
    const auto leader = leading_member(*children);
    if (!leader) {
      throw Error(ErrorKind::Network, "No schedulers detected in " + cluster.name + "!");
    }
    const std::string member_path = (path == "/" ? "" : path) + "/" + *leader;
    const auto data = session.data(member_path);
    if (!data) {
      if (attempt < kListingAttempts) continue;
      throw Error(ErrorKind::Network, "No schedulers detected in " + cluster.name +
                                          "! (the leader's node " + member_path +
                                          " keeps disappearing)");
    }
    const std::string scheduler_url = member_base_url(parse_serverset_member(*data, member_path));
    return endpoint_from(scheduler_url, cluster.proxy_url.value_or(scheduler_url));
  }
}

}  // namespace

std::string zookeeper_connect_string(const Cluster& cluster) {
  std::string connect_string;
  const std::string hosts = cluster.zk.value_or("");
  std::size_t start = 0;
  while (start <= hosts.size()) {
    const auto comma = std::min(hosts.find(',', start), hosts.size());
    const std::string host = trimmed(std::string_view(hosts).substr(start, comma - start));
    if (!host.empty()) {
      if (!connect_string.empty()) connect_string += ",";
      connect_string += host + ":" + std::to_string(cluster.zk_port);
    }
    start = comma + 1;
  }
  if (connect_string.empty()) {
    throw Error(ErrorKind::InvalidConfiguration,
                "Cluster \"" + cluster.name + "\" has an empty zk host list.");
  }
  return connect_string;
}

std::string normalize_zookeeper_path(std::string_view path) {
  std::string normalized;
  std::size_t start = 0;
  while (start < path.size()) {
    const auto slash = std::min(path.find('/', start), path.size());
    if (slash > start) normalized += "/" + std::string(path.substr(start, slash - start));
    start = slash + 1;
  }
  return normalized.empty() ? "/" : normalized;
}

SchedulerEndpoint resolve_scheduler(const Cluster& cluster, const ResolveOptions& options) {
  // Upstream tests truthiness: an empty zk falls through to scheduler_uri.
  if (cluster.zk && !trimmed(*cluster.zk).empty())
    return resolve_through_zookeeper(cluster, options);
  if (cluster.scheduler_uri && !cluster.scheduler_uri->empty()) {
    return endpoint_from(*cluster.scheduler_uri, *cluster.scheduler_uri);
  }
  throw Error(ErrorKind::InvalidConfiguration,
              "\"" + cluster.name + "\" does not specify zk or scheduler_uri");
}

}  // namespace aurora::clusters
