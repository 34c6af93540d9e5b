// `aurora job inspect` as a user runs it: against a cluster whose scheduler is down (tier
// backfill falls back to the default tiers), with --raw, and with {{docker.image[NAME][TAG]}}
// pinned by a registry on 127.0.0.1.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "inspect_setup.hpp"

namespace {

const std::string kHello = std::string(AURORA_SOURCE_DIR) + "/examples/hello_world.aurora";
const std::string kDigest = "sha256:" + std::string(64, 'a');

}  // namespace

TEST_CASE("job inspect works with the scheduler down: default tiers, a warning, exit 0") {
  Setup setup;
  auto started = std::chrono::steady_clock::now();
  const auto result = setup.aurora({"job", "inspect", "devcluster/www-data/prod/hello", kHello});
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
  CAPTURE(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("Job level information\n  name:       'hello'\n", 0) == 0);
  CHECK(result.out.find("  production: False\n") != std::string::npos);
  CHECK(result.err.find(" WARN] Could not reach the scheduler of devcluster for its tier "
                        "configurations; assuming "
                        "the default tiers (preferred, preemptible, revocable)\n") !=
        std::string::npos);
}

TEST_CASE(
    "job inspect --raw prints the JobConfiguration as the Python client's repr, on one line") {
  Setup setup;
  const auto result =
      setup.aurora({"job", "inspect", "devcluster/www-data/prod/hello", kHello, "--raw"});
  CAPTURE(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.rfind(
            "JobConfiguration(instanceCount=2, cronSchedule=None, cronCollisionPolicy=0, "
            "key=JobKey(environment=u'prod', role=u'www-data', name=u'hello'), "
            "taskConfig=TaskConfig(isService=True, contactEmail=None, taskLinks={}, ",
            0) == 0);
  // Backfilled from the default tiers: a non-production job lands in 'preemptible'.
  CHECK(result.out.find(", tier=u'preemptible', ") != std::string::npos);
  CHECK(result.out.find("namedPort=u'http'") != std::string::npos);
  CHECK(result.out.find("owner=Identity(user='aurora'))\n") != std::string::npos);
  CHECK(result.out.find('\n') == result.out.size() - 1);
}

TEST_CASE("{{docker.image[NAME][TAG]}} is pinned to the digest the cluster's registry reports") {
  std::unique_ptr<ScriptedHttpServer> registry;
  registry = std::make_unique<ScriptedHttpServer>([&](const RecordedRequest& r)
                                                      -> std::optional<std::string> {
    const bool authorized = r.header("authorization") == std::optional<std::string>("Bearer t");
    if (r.target.rfind("/token", 0) == 0)
      return ScriptedHttpServer::response("200 OK", "Content-Type: application/json\r\n",
                                          R"({"token": "t"})");
    if (!authorized)
      return ScriptedHttpServer::response("401 Unauthorized", "Www-Authenticate: Bearer realm=\"" +
                                                                  root(*registry) + "/token\"\r\n");
    if (r.target == "/v2/") return ScriptedHttpServer::response("200 OK");
    if (r.method == "HEAD" && r.target == "/v2/library/python/manifests/3.11-slim")
      return ScriptedHttpServer::response("200 OK", "Docker-Content-Digest: " + kDigest + "\r\n");
    return ScriptedHttpServer::response("404 Not Found");
  });
  Setup setup(root(*registry));
  const auto result = setup.aurora(
      {"job", "inspect", "devcluster/www-data/devel/py", setup.docker_config(), "--thrift"});
  CAPTURE(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string pinned =
      "127.0.0.1:" + std::to_string(registry->port()) + "/library/python@" + kDigest;
  CHECK(nlohmann::json::parse(result.out)["taskConfig"]["container"]["docker"]["image"] == pinned);
  CHECK(result.err.find(" INFO] Resolved library/python:3.11-slim => " + pinned) !=
        std::string::npos);
}

TEST_CASE(
    "an image the registry does not know fails the config with exit 3, naming image and registry") {
  ScriptedHttpServer registry([](const RecordedRequest& r) -> std::optional<std::string> {
    if (r.target == "/v2/") return ScriptedHttpServer::response("200 OK");
    return ScriptedHttpServer::response("404 Not Found");
  });
  Setup setup(root(registry));
  const auto result =
      setup.aurora({"job", "inspect", "devcluster/www-data/devel/py", setup.docker_config()});
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(result.err.find("Error loading configuration: Cannot resolve Docker image "
                        "library/python:3.11-slim with the "
                        "registry " +
                        root(registry) + ": no such image or tag") != std::string::npos);
}

TEST_CASE("an unreachable registry fails the config with exit 3 at once, saying why") {
  const std::string registry = closed_url();
  Setup setup(registry);
  auto started = std::chrono::steady_clock::now();
  const auto result =
      setup.aurora({"job", "inspect", "devcluster/www-data/devel/py", setup.docker_config()});
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
  CHECK(result.exit_code == 3);
  CAPTURE(result.err);
  CHECK(result.err.find("Error loading configuration: Cannot resolve Docker image "
                        "library/python:3.11-slim with the "
                        "registry " +
                        registry + ": HEAD " + registry + "/v2/: ") != std::string::npos);
}
