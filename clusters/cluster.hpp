#pragma once
// One entry of clusters.json: how to reach a scheduler and where its task sandboxes live.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace aurora::clusters {

struct Cluster {
  std::string name;
  // ZooKeeper discovery; wins over scheduler_uri when set.
  std::optional<std::string> zk;  // comma-separated host names, without ports
  int zk_port = 2181;
  std::optional<std::string> scheduler_zk_path;
  // Direct mode.
  std::optional<std::string> scheduler_uri;
  // Base of display URLs, only with ZooKeeper discovery.
  std::optional<std::string> proxy_url;
  std::string auth_mechanism = "UNAUTHENTICATED";
  // Sandbox location on the agents, for task run/ssh/scp.
  std::optional<std::string> slave_root;
  std::optional<std::string> slave_run_directory;
  std::string docker_registry = "https://registry-1.docker.io";

  // Our additions (absent upstream).
  std::optional<std::string> protocol;    // "binary" (default) or "json"
  std::optional<std::string> ca_file;     // CA bundle that verifies the scheduler's TLS certificate
  std::optional<std::string> token_file;  // file holding a bearer token
  std::vector<std::string> hooks_dir;     // extra directories of hook executables
  int rpc_retry_interval_secs = 5;        // pause between retries of a retried call
  int rpc_max_wait_secs = 600;            // how long a retried call may keep trying
  int rpc_timeout_secs = 120;             // one HTTP exchange's limit; 0 waits forever (upstream)
  int zk_timeout_secs = 10;               // ZooKeeper connect and session timeout

  // Every key of the entry as written, unknown ones included (upstream keeps and ignores them).
  nlohmann::json raw = nlohmann::json::object();
  // The clusters.json this entry came from, for error messages.
  std::string source;
};

}  // namespace aurora::clusters
