// Pinning {{docker.image[NAME][TAG]}} against a real HTTP registry on 127.0.0.1: the v2 probe,
// the manifest HEAD, anonymous Bearer tokens, and every way the registry can fail.

#include "api/docker_registry.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>

#include "errors/error.hpp"
#include "scripted_http_server.hpp"

using aurora::Error;
using aurora::ErrorKind;
using aurora::api::DockerRegistryOptions;
using aurora::api::resolve_docker_image;
using aurora::testing::RecordedRequest;
using aurora::testing::ScriptedHttpServer;

namespace {

const std::string kDigest = "sha256:" + std::string(64, 'e');

DockerRegistryOptions quick_options() {
  setenv("no_proxy", "127.0.0.1,localhost", 1);  // a proxy from the environment must not interfere
  DockerRegistryOptions options;
  options.connect_timeout = std::chrono::milliseconds(2'000);
  options.request_timeout = std::chrono::milliseconds(2'000);
  return options;
}

// The scripted server's url() names its Thrift path; a registry is addressed by its root.
std::string root(const ScriptedHttpServer& server) {
  return "http://127.0.0.1:" + std::to_string(server.port());
}

std::string path_of(const RecordedRequest& request) {
  return request.target.substr(0, request.target.find('?'));
}

// Resolves and returns the error it throws (the test fails if nothing is thrown).
Error failure(const std::string& registry, const std::string& name, const std::string& tag) {
  try {
    resolve_docker_image(registry, name, tag, quick_options());
  } catch (const Error& e) {
    return e;
  }
  FAIL("resolving " << name << ":" << tag << " did not fail");
  return Error(ErrorKind::Unknown, "");
}

}  // namespace

TEST_CASE("an open registry pins NAME:TAG to NAME@digest prefixed with its host and port") {
  ScriptedHttpServer registry([](const RecordedRequest& r) -> std::optional<std::string> {
    if (r.method == "HEAD" && r.target == "/v2/") return ScriptedHttpServer::response("200 OK");
    if (r.method == "HEAD" && r.target == "/v2/library/python/manifests/2.7-slim")
      return ScriptedHttpServer::response("200 OK", "Docker-Content-Digest: " + kDigest + "\r\n");
    return ScriptedHttpServer::response("404 Not Found");
  });
  std::string pinned =
      resolve_docker_image(root(registry), "library/python", "2.7-slim", quick_options());
  CHECK(pinned == "127.0.0.1:" + std::to_string(registry.port()) + "/library/python@" + kDigest);

  auto requests = registry.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].target == "/v2/");
  CHECK(requests[1].header("accept") ==
        std::optional<std::string>("application/vnd.docker.distribution.manifest.v2+json"));
  CHECK_FALSE(requests[1].header("authorization"));
}

TEST_CASE("Bearer challenges are answered with anonymous tokens from the realm, scope included") {
  std::unique_ptr<ScriptedHttpServer> registry;
  registry = std::make_unique<ScriptedHttpServer>([&](const RecordedRequest& r)
                                                      -> std::optional<std::string> {
    const std::string realm = root(*registry) + "/token";
    auto auth = r.header("authorization");
    if (path_of(r) == "/token") {
      bool for_pull = r.target.find("scope=repository%3Ateam%2Fapp%3Apull") != std::string::npos;
      return ScriptedHttpServer::response(
          "200 OK", "Content-Type: application/json\r\n",
          for_pull ? R"({"token": "pull-token"})" : R"({"token": "probe-token"})");
    }
    if (r.target == "/v2/") {
      if (auth == std::optional<std::string>("Bearer probe-token"))
        return ScriptedHttpServer::response("200 OK");
      return ScriptedHttpServer::response(
          "401 Unauthorized",
          "Www-Authenticate: Bearer realm=\"" + realm + "\",service=\"registry.test\"\r\n");
    }
    if (r.target == "/v2/team/app/manifests/v1") {
      if (auth == std::optional<std::string>("Bearer pull-token"))
        return ScriptedHttpServer::response("200 OK", "Docker-Content-Digest: " + kDigest + "\r\n");
      return ScriptedHttpServer::response(
          "401 Unauthorized", "Www-Authenticate: Bearer realm=\"" + realm +
                                  "\",service=\"registry.test\",scope=\"repository:team/app:pull\","
                                  "error=\"insufficient_scope\"\r\n");
    }
    return ScriptedHttpServer::response("404 Not Found");
  });
  std::string pinned = resolve_docker_image(root(*registry), "team/app", "v1", quick_options());
  CHECK(pinned == "127.0.0.1:" + std::to_string(registry->port()) + "/team/app@" + kDigest);

  auto requests = registry->requests();
  REQUIRE(requests.size() == 6);  // probe, token, probe; manifest, token, manifest
  CHECK(requests[1].method == "GET");
  CHECK(requests[1].target.find("service=registry.test") != std::string::npos);
  CHECK(requests[1].target.find("realm") == std::string::npos);
  CHECK(requests[4].target.find("error") ==
        std::string::npos);  // the error parameter is not sent back
  CHECK(requests[5].header("accept") ==
        std::optional<std::string>("application/vnd.docker.distribution.manifest.v2+json"));
}

TEST_CASE("an unknown image or tag fails naming the image, the registry and the 404") {
  ScriptedHttpServer registry([](const RecordedRequest& r) -> std::optional<std::string> {
    if (r.target == "/v2/") return ScriptedHttpServer::response("200 OK");
    return ScriptedHttpServer::response("404 Not Found", "Content-Type: application/json\r\n");
  });
  Error e = failure(root(registry), "library/nope", "1.0");
  CHECK(e.kind() == ErrorKind::InvalidConfiguration);
  CHECK(std::string(e.what()).find(
            "Cannot resolve Docker image library/nope:1.0 with the registry " + root(registry)) ==
        0);
  CHECK(std::string(e.what()).find("HTTP 404") != std::string::npos);
}

TEST_CASE(
    "a registry that refuses the v2 probe, asks for Basic auth or keeps the image private fails "
    "clearly") {
  SUBCASE("not a v2 registry") {
    ScriptedHttpServer registry([](const RecordedRequest&) -> std::optional<std::string> {
      return ScriptedHttpServer::response("404 Not Found");
    });
    CHECK(std::string(failure(root(registry), "a", "b").what())
              .find("does not answer as a Docker Registry v2") != std::string::npos);
  }
  SUBCASE("Basic challenge") {
    ScriptedHttpServer registry([](const RecordedRequest&) -> std::optional<std::string> {
      return ScriptedHttpServer::response("401 Unauthorized",
                                          "Www-Authenticate: Basic realm=\"corp\"\r\n");
    });
    CHECK(std::string(failure(root(registry), "a", "b").what())
              .find("Basic authorization is not supported") != std::string::npos);
  }
  SUBCASE("private repository") {
    std::unique_ptr<ScriptedHttpServer> registry;
    registry = std::make_unique<ScriptedHttpServer>(
        [&](const RecordedRequest& r) -> std::optional<std::string> {
          if (r.target == "/v2/") return ScriptedHttpServer::response("200 OK");
          if (path_of(r) == "/token")
            return ScriptedHttpServer::response("200 OK", "", R"({"token": "anonymous"})");
          return ScriptedHttpServer::response(
              "401 Unauthorized",
              "Www-Authenticate: Bearer realm=\"" + root(*registry) + "/token\",service=\"r\"\r\n");
        });
    Error e = failure(root(*registry), "corp/secret", "1");
    CHECK(std::string(e.what()).find("corp/secret:1") != std::string::npos);
    CHECK(std::string(e.what()).find("private") != std::string::npos);
  }
  SUBCASE("an answer without a digest") {
    ScriptedHttpServer registry([](const RecordedRequest&) -> std::optional<std::string> {
      return ScriptedHttpServer::response("200 OK");
    });
    CHECK(std::string(failure(root(registry), "a", "b").what())
              .find("without a Docker-Content-Digest header") != std::string::npos);
  }
}

TEST_CASE(
    "an unreachable registry is a network error naming the image and the registry, never a hang") {
  std::string url;
  {
    ScriptedHttpServer closed([](const RecordedRequest&) { return std::optional<std::string>(); });
    url = root(closed);
  }  // the port is closed now
  auto started = std::chrono::steady_clock::now();
  Error e = failure(url, "library/python", "3");
  CHECK(e.kind() == ErrorKind::Network);
  CHECK(std::string(e.what()).find(
            "Cannot resolve Docker image library/python:3 with the registry " + url) == 0);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("a registry that accepts but never answers times out") {
  ScriptedHttpServer silent([](const RecordedRequest&) { return std::optional<std::string>(); });
  auto started = std::chrono::steady_clock::now();
  Error e = failure(root(silent), "library/python", "3");
  CHECK(e.kind() == ErrorKind::Network);
  CHECK(std::string(e.what()).find("no answer in time") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}
