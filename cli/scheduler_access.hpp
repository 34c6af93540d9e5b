#pragma once
// One scheduler client per cluster per command, built from the cluster's clusters.json entry.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "api/scheduler_client.hpp"
#include "cli/log.hpp"
#include "clusters/cluster.hpp"
#include "clusters/discovery/scheduler_resolution.hpp"

namespace aurora::cli {

class SchedulerAccess {
 public:
  SchedulerAccess(const Logger& log, bool verbose);

  // The client for `cluster`, created on first use.
  api::SchedulerClient& client(const clusters::Cluster& cluster);
  // Base of web UI links: scheduler_uri, or proxy_url/the leader with ZooKeeper (resolves).
  std::string display_base_url(const clusters::Cluster& cluster);

  // Builds the client options for `cluster`; tests shorten the retry timings through it.
  std::function<void(api::SchedulerClientOptions&)> adjust_options;
  // --protocol: overrides every cluster's `protocol` field.
  std::optional<std::string> protocol_override;

 private:
  clusters::SchedulerEndpoint resolve(const clusters::Cluster& cluster);

  const Logger& log_;
  bool verbose_;
  std::map<std::string, std::unique_ptr<api::SchedulerClient>> clients_;
  std::map<std::string, clusters::SchedulerEndpoint> endpoints_;
};

}  // namespace aurora::cli
