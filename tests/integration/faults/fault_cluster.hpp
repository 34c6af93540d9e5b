#pragma once
// A real aurora-devcluster behind a FaultProxy, and clusters.json files that reach it through the
// proxy or directly, with retry timings short enough to keep the fault tests fast.

#include <memory>
#include <string>
#include <vector>

#include "tests/integration/faults/background_command.hpp"
#include "tests/integration/fixtures/devcluster_server.hpp"
#include "tests/integration/fixtures/fault_proxy.hpp"

namespace aurora::testing {

// The clusters.json timing fields the client is given (see README's clusters.json table).
struct ClientTimings {
  int rpc_retry_interval_secs = 1;
  int rpc_max_wait_secs = 2;
  int rpc_timeout_secs = -1;  // -1: field left out (the default applies)
  std::string protocol;       // "": field left out (TBinary)

  ClientTimings timeout(int secs) const {
    ClientTimings copy = *this;
    copy.rpc_timeout_secs = secs;
    return copy;
  }
  ClientTimings json() const {
    ClientTimings copy = *this;
    copy.protocol = "json";
    return copy;
  }
};

inline ClientTimings retrying(int interval_secs, int max_wait_secs) {
  ClientTimings timings;
  timings.rpc_retry_interval_secs = interval_secs;
  timings.rpc_max_wait_secs = max_wait_secs;
  return timings;
}

// The client's environment: HOME and the clusters.json directory isolated, times in UTC.
std::map<std::string, std::string> client_environment(const DevclusterServer& server,
                                                      const std::filesystem::path& config_root);

// `[{"name": NAME, <location>, timings...}]` where `location` is e.g. `"scheduler_uri": "..."`,
// written to SCRATCH/DIR/clusters.json; returns SCRATCH/DIR (for $AURORA_CONFIG_ROOT).
std::filesystem::path write_clusters_json(const TempDir& scratch, const std::string& dir,
                                          const std::string& name, const std::string& location,
                                          const ClientTimings& timings);

// A service www-data/prod/hello on `cluster`, updated one instance at a time with `watch_secs`
// of watching; written to SCRATCH/configs/FILE, returning the path.
std::string write_service(const TempDir& scratch, const std::string& file,
                          const std::string& cluster, int instances, const std::string& cmdline,
                          int watch_secs = 1);

class FaultCluster {
 public:
  explicit FaultCluster(ClientTimings timings = {}, DevclusterOptions options = {});

  DevclusterServer& server() { return server_; }
  FaultProxy& proxy() { return *proxy_; }

  // The client, through the proxy.
  ProcessResult aurora(const std::vector<std::string>& args) const;
  std::unique_ptr<BackgroundCommand> start(const std::vector<std::string>& args) const;
  // The client, straight at the devcluster (same timings): for crashes, where a proxy in
  // between would turn "connection refused" into "connection closed".
  ProcessResult aurora_direct(const std::vector<std::string>& args) const;
  std::unique_ptr<BackgroundCommand> start_direct(const std::vector<std::string>& args) const;

  // www-data/prod/hello with `instances` instances of `cmdline`, as a file for job create and
  // update start.
  std::string hello_config(const std::string& file, int instances, const std::string& cmdline,
                           int watch_secs = 1) const;
  // `job create --wait-until RUNNING` of hello (2 instances of `sleep 600`), straight at the
  // devcluster; true when it exits 0.
  bool create_hello() const;
  // `update start` of hello to `sleep 601`, watching each instance `watch_secs`; true on exit 0.
  bool start_hello_update(int watch_secs) const;

 private:
  std::filesystem::path proxied_root() const { return server_.scratch().path() / "proxied"; }
  std::filesystem::path direct_root() const { return server_.scratch().path() / "direct"; }

  DevclusterServer server_;
  std::unique_ptr<FaultProxy> proxy_;
};

// "devcluster/www-data/prod/hello"
inline const std::string kHello = "devcluster/www-data/prod/hello";

}  // namespace aurora::testing
