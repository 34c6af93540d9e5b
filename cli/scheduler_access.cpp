#include "cli/scheduler_access.hpp"

#include <cstdlib>
#include <string_view>

#include "api/auth.hpp"
#include "api/wire_protocol.hpp"
#include "cli/application.hpp"

namespace aurora::cli {

SchedulerAccess::SchedulerAccess(const Logger& log, bool verbose) : log_(log), verbose_(verbose) {}

clusters::SchedulerEndpoint SchedulerAccess::resolve(const clusters::Cluster& cluster) {
  clusters::ResolveOptions options;
  options.verbose = verbose_;
  options.zookeeper_timeout = std::chrono::seconds(cluster.zk_timeout_secs);
  auto endpoint = clusters::resolve_scheduler(cluster, options);
  endpoints_[cluster.name] = endpoint;
  return endpoint;
}

std::string SchedulerAccess::display_base_url(const clusters::Cluster& cluster) {
  auto it = endpoints_.find(cluster.name);
  if (it != endpoints_.end()) return it->second.display_base_url;
  return resolve(cluster).display_base_url;
}

api::SchedulerClient& SchedulerAccess::client(const clusters::Cluster& cluster) {
  auto it = clients_.find(cluster.name);
  if (it != clients_.end()) return *it->second;

  api::SchedulerClientOptions options;
  auto& transport = options.transport;
  transport.protocol =
      api::parse_wire_protocol(protocol_override.value_or(cluster.protocol.value_or("binary")))
          .value_or(api::WireProtocol::Binary);
  options.retry_interval = std::chrono::seconds(cluster.rpc_retry_interval_secs);
  options.max_wait = std::chrono::seconds(cluster.rpc_max_wait_secs);
  transport.request_timeout = std::chrono::seconds(cluster.rpc_timeout_secs);
  if (cluster.ca_file) transport.ca_file = *cluster.ca_file;
  transport.auth.mechanism = api::parse_auth_mechanism(cluster.auth_mechanism);
  std::optional<std::filesystem::path> token_file;
  if (cluster.token_file) token_file = *cluster.token_file;
  transport.auth.bearer_token = api::resolve_bearer_token(token_file);
  transport.client_version = client_version();
  // libcurl for http:// too: a way around the plain HTTP client if it ever misbehaves.
  if (const char* client = std::getenv("AURORA_HTTP_CLIENT");
      client != nullptr && std::string_view(client) == "libcurl") {
    transport.libcurl_for_http = true;
  }
  const Logger* log = &log_;
  if (verbose_) transport.trace = [log](std::string_view line) { log->debug(line); };
  options.warn = [log](std::string_view line) { log->warn(line); };
  options.debug = [log](std::string_view line) { log->debug(line); };
  if (adjust_options) adjust_options(options);

  const clusters::Cluster* entry = &cluster;
  auto client = std::make_unique<api::SchedulerClient>(
      cluster.name, [this, entry] { return resolve(*entry).api_url; }, std::move(options));
  auto& ref = *client;
  clients_[cluster.name] = std::move(client);
  return ref;
}

}  // namespace aurora::cli
