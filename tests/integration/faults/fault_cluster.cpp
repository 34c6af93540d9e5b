#include "tests/integration/faults/fault_cluster.hpp"

#include <sstream>

namespace aurora::testing {

std::map<std::string, std::string> client_environment(const DevclusterServer& server,
                                                      const std::filesystem::path& config_root) {
  const auto home = server.scratch().path() / "home";
  return {{"AURORA_CONFIG_ROOT", config_root.string()},
          {"HOME", home.string()},
          {"XDG_CONFIG_HOME", (home / ".config").string()},
          {"TZ", "UTC"}};
}

std::filesystem::path write_clusters_json(const TempDir& scratch, const std::string& dir,
                                          const std::string& name, const std::string& location,
                                          const ClientTimings& timings) {
  std::ostringstream entry;
  entry << "[{\"name\": \"" << name << "\", " << location
        << ", \"rpc_retry_interval_secs\": " << timings.rpc_retry_interval_secs
        << ", \"rpc_max_wait_secs\": " << timings.rpc_max_wait_secs;
  if (timings.rpc_timeout_secs >= 0) entry << ", \"rpc_timeout_secs\": " << timings.rpc_timeout_secs;
  if (!timings.protocol.empty()) entry << ", \"protocol\": \"" << timings.protocol << "\"";
  entry << "}]\n";
  return scratch.write_file(std::filesystem::path(dir) / "clusters.json", entry.str()).parent_path();
}

std::string write_service(const TempDir& scratch, const std::string& file,
                          const std::string& cluster, int instances, const std::string& cmdline,
                          int watch_secs) {
  std::ostringstream text;
  text << "main = Process(name = 'main', cmdline = '" << cmdline << "')\n"
       << "task = SequentialTask(processes = [main],\n"
       << "  resources = Resources(cpu = 0.1, ram = 16*MB, disk = 16*MB))\n"
       << "jobs = [Service(cluster = '" << cluster
       << "', role = 'www-data', environment = 'prod', name = 'hello',\n"
       << "  instances = " << instances << ", task = task,\n"
       << "  update_config = UpdateConfig(batch_size = 1, watch_secs = " << watch_secs << "))]\n";
  return scratch.write_file(std::filesystem::path("configs") / file, text.str()).string();
}

FaultCluster::FaultCluster(ClientTimings timings, DevclusterOptions options)
    : server_(std::move(options)), proxy_(std::make_unique<FaultProxy>(server_.port())) {
  write_clusters_json(server_.scratch(), "proxied", server_.cluster_name(),
                      "\"scheduler_uri\": \"" + proxy_->url() + "\"", timings);
  write_clusters_json(server_.scratch(), "direct", server_.cluster_name(),
                      "\"scheduler_uri\": \"" + server_.url() + "\"", timings);
}

ProcessResult FaultCluster::aurora(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {AURORA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, client_environment(server_, proxied_root()));
}

ProcessResult FaultCluster::aurora_direct(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {AURORA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, client_environment(server_, direct_root()));
}

std::unique_ptr<BackgroundCommand> FaultCluster::start(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {AURORA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return std::make_unique<BackgroundCommand>(argv, client_environment(server_, proxied_root()),
                                             server_.scratch().path());
}

std::unique_ptr<BackgroundCommand> FaultCluster::start_direct(
    const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {AURORA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return std::make_unique<BackgroundCommand>(argv, client_environment(server_, direct_root()),
                                             server_.scratch().path());
}

std::string FaultCluster::hello_config(const std::string& file, int instances,
                                       const std::string& cmdline, int watch_secs) const {
  return write_service(server_.scratch(), file, server_.cluster_name(),
                       instances, cmdline, watch_secs);
}

bool FaultCluster::create_hello() const {
  return aurora_direct({"job", "create", kHello, hello_config("v1.aurora", 2, "sleep 600"),
                        "--wait-until", "RUNNING"})
             .exit_code == 0;
}

bool FaultCluster::start_hello_update(int watch_secs) const {
  return aurora_direct({"update", "start", kHello,
                        hello_config("v2.aurora", 2, "sleep 601", watch_secs)})
             .exit_code == 0;
}

}  // namespace aurora::testing
