#include "api/http_url.hpp"

#include <charconv>

#include "api/http_text.hpp"

namespace aurora::api {
namespace {

// Where the authority ends: at the first '/', '?' or '#' after "scheme://".
size_t authority_end(std::string_view url, size_t start) {
  const size_t end = url.find_first_of("/?#", start);
  return end == std::string_view::npos ? url.size() : end;
}

}  // namespace

std::optional<HttpUrl> HttpUrl::parse(std::string_view url) {
  const size_t separator = url.find("://");
  if (separator == std::string_view::npos) return std::nullopt;
  HttpUrl parsed;
  parsed.scheme = ascii_lower(url.substr(0, separator));
  if (parsed.scheme != "http" && parsed.scheme != "https") return std::nullopt;
  const size_t start = separator + 3;
  const size_t end = authority_end(url, start);
  std::string_view authority = url.substr(start, end - start);
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    parsed.userinfo = std::string(authority.substr(0, at));
    authority.remove_prefix(at + 1);
  }
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    parsed.host = std::string(authority.substr(1, close - 1));
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port_text = rest.substr(1);
    }
  } else {
    const size_t colon = authority.rfind(':');
    parsed.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (parsed.host.empty()) return std::nullopt;
  parsed.port = parsed.scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    int port = 0;
    const auto [rest, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc() || rest != port_text.data() + port_text.size() || port < 1 ||
        port > 65535) {
      return std::nullopt;
    }
    parsed.port = port;
  }
  std::string_view target = url.substr(end);
  if (const size_t fragment = target.find('#'); fragment != std::string_view::npos) {
    target = target.substr(0, fragment);
  }
  parsed.target = target.empty() || target.front() != '/' ? "/" + std::string(target)
                                                          : std::string(target);
  return parsed;
}

std::string HttpUrl::authority() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string url_without_credentials(const std::string& url) {
  const size_t separator = url.find("://");
  if (separator == std::string::npos) return url;
  const size_t start = separator + 3;
  const size_t end = authority_end(url, start);
  const size_t at = url.rfind('@', end == 0 ? 0 : end - 1);
  if (at == std::string::npos || at < start) return url;
  return url.substr(0, start) + url.substr(at + 1);
}

std::string resolve_location(const std::string& base, const std::string& location) {
  const size_t separator = base.find("://");
  if (location.find("://") != std::string::npos || separator == std::string::npos) return location;
  if (location.rfind("//", 0) == 0) return base.substr(0, separator + 1) + location;
  const size_t origin_end = authority_end(base, separator + 3);
  if (!location.empty() && location.front() == '/') return base.substr(0, origin_end) + location;
  // Relative to the base's directory.
  std::string path = base.substr(origin_end);
  path = path.substr(0, path.find_first_of("?#"));
  const size_t slash = path.rfind('/');
  return base.substr(0, origin_end) + (slash == std::string::npos ? "/" : path.substr(0, slash + 1)) +
         location;
}

}  // namespace aurora::api
