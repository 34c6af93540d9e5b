#pragma once
// The parts of an http(s) URL the transport needs, parsed without libcurl, so that deciding how
// to reach a scheduler (and naming it in messages) does not load libcurl.

#include <optional>
#include <string>
#include <string_view>

namespace aurora::api {

struct HttpUrl {
  std::string scheme;    // lower case: "http" or "https"
  std::string userinfo;  // "user:password" as written, or empty
  std::string host;      // IPv6 literals without their brackets
  int port = 0;          // as written, else the scheme's default
  std::string target;    // path and query, "/" when the URL has none

  // Nullopt for anything but an absolute http or https URL with a host.
  static std::optional<HttpUrl> parse(std::string_view url);

  // host[:port] as a Host header or a connection key names it (IPv6 in brackets).
  std::string authority() const;
};

// A credential-free copy of `url` (user and password removed) for messages and traces.
std::string url_without_credentials(const std::string& url);

// `location` (a redirect's Location, absolute or path-absolute) resolved against `base`.
std::string resolve_location(const std::string& base, const std::string& location);

}  // namespace aurora::api
