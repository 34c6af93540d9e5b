#include "devcluster/devcluster_app.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "AuroraAdmin.h"
#include "devcluster/api_endpoint.hpp"
#include "devcluster/http_server.hpp"
#include "devcluster/leader_election.hpp"
#include "devcluster/local_executor.hpp"
#include "devcluster/scheduler.hpp"
#include "devcluster/thrift_handler.hpp"

namespace aurora::devcluster {
namespace {

// --verbose: one stderr line per Thrift call, to follow what a client does.
class CallLogger : public apache::thrift::TProcessorEventHandler {
 public:
  void* getContext(const char* function, void*) override {
    std::cerr << "aurora-devcluster: call " << function << std::endl;
    return nullptr;
  }
};

void write_port_file(const std::string& path, int port) {
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << port << "\n";
    if (!out) throw std::runtime_error("cannot write port file " + temp);
  }
  std::filesystem::rename(temp, path);
}

HttpResponse text(int status, const std::string& body) {
  HttpResponse response;
  response.status = status;
  response.body = body;
  return response;
}

// Absolute: task processes run with their sandbox as working directory, so a root relative to
// ours would point elsewhere from there.
std::filesystem::path default_sandbox_root(const DevclusterOptions& options) {
  if (!options.sandbox_root.empty()) return std::filesystem::absolute(options.sandbox_root);
  if (!options.run_tasks) return {};
  if (!options.state_dir.empty()) {
    return std::filesystem::absolute(std::filesystem::path(options.state_dir) / "sandboxes");
  }
  return std::filesystem::temp_directory_path() /
         ("aurora-devcluster-sandboxes-" + std::to_string(getpid()));
}

}  // namespace

DevclusterApp::DevclusterApp(const DevclusterOptions& options) : options_(options) {
  SandboxLayout layout;
  layout.root = default_sandbox_root(options);
  SchedulerSettings settings;
  settings.cluster_name = options.cluster_name;
  settings.hostname = options.hostname;
  settings.agent_id = layout.agent_id;
  settings.speed = options.speed > 0 ? options.speed : 1.0;
  settings.tasks_run_processes = options.run_tasks;
  settings.max_tasks_per_job = options.max_tasks_per_job;
  executor_ = std::make_unique<LocalExecutor>(layout, options.run_tasks);
  std::optional<StateFile> state_file;
  if (!options.state_dir.empty()) {
    state_lock_ = std::make_unique<StateDirectoryLock>(options.state_dir);
    state_file.emplace(options.state_dir);
  }
  scheduler_ = std::make_unique<Scheduler>(settings, clock_, *executor_, std::move(state_file));
  handler_ = std::make_shared<ThriftHandler>(*scheduler_, options.cluster_name);
  auto processor = std::make_shared<gen::AuroraAdminProcessor>(handler_);
  if (options.verbose) processor->setEventHandler(std::make_shared<CallLogger>());
  endpoint_ = std::make_unique<ApiEndpoint>(processor);
  server_ =
      std::make_unique<HttpServer>(options.hostname, options.port,
                                   [this](const HttpRequest& request) { return route(request); });
  if (!options.port_file.empty()) write_port_file(options.port_file, server_->port());
  std::cerr << "aurora-devcluster: cluster " << options.cluster_name << " serving http://"
            << options.hostname << ":" << server_->port() << "/api" << std::endl;
  if (!options.zk.empty()) {
    ElectionSettings election;
    election.connect_string = options.zk;
    election.path = options.zk_path;
    election.host = options.hostname;
    election.port = server_->port();
    election.session_timeout_ms = options.zk_session_timeout_ms;
    election_ = std::make_unique<LeaderElection>(election);
  }
  ticker_ = std::thread([this] { tick_loop(); });
}

DevclusterApp::~DevclusterApp() {
  stopping_ = true;
  if (ticker_.joinable()) ticker_.join();
  election_.reset();
  server_->stop();
}

int DevclusterApp::port() const { return server_->port(); }

void DevclusterApp::tick_loop() {
  double speed = options_.speed > 0 ? options_.speed : 1.0;
  auto interval = std::chrono::milliseconds(
      std::clamp(static_cast<int64_t>(250 / speed), int64_t{2}, int64_t{100}));
  while (!stopping_) {
    try {
      scheduler_->tick();
    } catch (const std::exception& error) {
      std::cerr << "aurora-devcluster: tick failed: " << error.what() << std::endl;
    }
    std::this_thread::sleep_for(interval);
  }
}

HttpResponse DevclusterApp::route(const HttpRequest& request) const {
  const std::string path = request.path();
  if (path == "/api") {
    bool bypass = request.header("bypass-leader-redirect").value_or("") == "true";
    if (election_ && !bypass) {
      Leadership leadership = election_->leadership();
      if (leadership.role == Leadership::Role::Follower) {
        HttpResponse redirect = text(307, "");
        redirect.extra_headers["Location"] = leadership.leader_url + request.target;
        return redirect;
      }
      if (leadership.role == Leadership::Role::NoLeader) {
        return text(503, "No leading scheduler found.");
      }
    }
    return endpoint_->handle(request);
  }
  if (path == "/health") return text(200, "OK");
  if (path == "/leaderhealth") {
    bool leading = !election_ || election_->leadership().role == Leadership::Role::Leader;
    return leading ? text(200, "OK") : text(503, "not the leader");
  }
  if (path == "/") {
    return text(200, "aurora-devcluster: a local Aurora scheduler. Thrift API at /api.\n");
  }
  return text(404, "Not Found");
}

}  // namespace aurora::devcluster
