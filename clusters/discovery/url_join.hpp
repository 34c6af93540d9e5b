#pragma once
// Upstream builds every scheduler URL with Python's urljoin; RFC 3986 resolution gives the same
// URLs.

#include <string>
#include <string_view>

namespace aurora::clusters {

// Resolves `relative` against `base` (RFC 3986 §5.2), e.g. ("http://h:8081/x", "api") →
// "http://h:8081/api".
std::string url_join(std::string_view base, std::string_view relative);

}  // namespace aurora::clusters
