#pragma once
// A clusters.json whose "devcluster" scheduler is down (tier backfill falls back to the default
// tiers), a temp dir for configs, and the aurora binary run in it.

#include <string>
#include <vector>

#include "scripted_http_server.hpp"
#include "tests/integration/fixtures/run_process.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"

namespace {

using aurora::testing::RecordedRequest;
using aurora::testing::ScriptedHttpServer;

const char* kDockerJob = R"(
jobs = [Service(cluster='devcluster', role='www-data', environment='devel', name='py',
                task=SimpleTask('py', 'python -m http.server'),
                container=Docker(image='{{docker.image[library/python][3.11-slim]}}'))]
)";

std::string root(const ScriptedHttpServer& server) {
  return "http://127.0.0.1:" + std::to_string(server.port());
}

// A loopback URL nobody listens on: a server's port, after the server is gone.
std::string closed_url() {
  ScriptedHttpServer gone([](const RecordedRequest&) { return std::optional<std::string>(); });
  return root(gone);
}

// A clusters.json with one cluster "devcluster" whose scheduler is down, plus a config file.
struct Setup {
  aurora::testing::TempDir dir{"aurora-inspect-"};

  explicit Setup(const std::string& docker_registry = "") {
    std::string cluster = R"({"name": "devcluster", "scheduler_uri": ")" + closed_url() + R"(")";
    if (!docker_registry.empty()) cluster += R"(, "docker_registry": ")" + docker_registry + R"(")";
    dir.write_file("clusters.json", "[" + cluster + "}]\n");
    dir.write_file("docker.aurora", kDockerJob);
  }

  ProcessResult aurora(std::vector<std::string> args) const {
    args.insert(args.begin(), AURORA_BINARY);
    return run_process(args, {{"AURORA_CONFIG_ROOT", dir.path().string()},
                              {"HOME", dir.path().string()},
                              {"USER", "aurora"},
                              {"LOGNAME", "aurora"},
                              {"no_proxy", "127.0.0.1,localhost"}});
  }
  std::string docker_config() const { return path("docker.aurora"); }
  std::string path(const std::string& file) const { return (dir.path() / file).string(); }
};

}  // namespace
