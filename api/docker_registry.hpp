#pragma once
// Pins `{{docker.image[NAME][TAG]}}` to a digest by asking a Docker Registry (HTTP API v2), so that
// a job keeps running the image it was created with even when the tag moves.

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace aurora::api {

// clusters.json's default `docker_registry`; images from it are not prefixed with a host.
inline constexpr std::string_view kDefaultDockerRegistry = "https://registry-1.docker.io";

struct DockerRegistryOptions {
  // Upstream waited forever; a registry that does not answer must not hang a `job create`.
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds request_timeout{30'000};
  // Extra trusted CA bundle for https; the system store otherwise.
  std::optional<std::filesystem::path> ca_file;
  // One line per HTTP exchange (method, URL, status), for -v.
  std::function<void(std::string_view)> trace;
};

// HEAD <registry>/v2/ (the registry must speak v2), then HEAD <registry>/v2/NAME/manifests/TAG
// asking for a v2 manifest; a Bearer challenge is answered with an anonymous token from its realm.
// Returns "NAME@<Docker-Content-Digest>", prefixed with "<host[:port]>/" unless `registry` is
// the default one.  Throws Error(Network) when the registry cannot be reached and
// Error(InvalidConfiguration) when it refuses; both messages name the image and the registry.
std::string resolve_docker_image(const std::string& registry, const std::string& name,
                                 const std::string& tag, const DockerRegistryOptions& options = {});

}  // namespace aurora::api
