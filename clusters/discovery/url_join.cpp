#include "clusters/discovery/url_join.hpp"

#include <optional>
#include <vector>

namespace aurora::clusters {
namespace {

// The five components of RFC 3986 Appendix B; query and fragment keep "present but empty" apart
// from "absent" so that "http://h/?" round-trips.
struct UrlParts {
  std::optional<std::string> scheme;
  std::optional<std::string> authority;
  std::string path;
  std::optional<std::string> query;
  std::optional<std::string> fragment;
};

bool is_scheme_char(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  const auto hash = url.find('#');
  if (hash != std::string_view::npos) {
    parts.fragment = std::string(url.substr(hash + 1));
    url = url.substr(0, hash);
  }
  const auto question = url.find('?');
  if (question != std::string_view::npos) {
    parts.query = std::string(url.substr(question + 1));
    url = url.substr(0, question);
  }
  const auto colon = url.find(':');
  const auto slash = url.find('/');
  if (colon != std::string_view::npos && colon > 0 &&
      (slash == std::string_view::npos || colon < slash)) {
    bool valid = true;
    for (std::size_t i = 0; i < colon; ++i) valid = valid && is_scheme_char(url[i], i == 0);
    if (valid) {
      parts.scheme = std::string(url.substr(0, colon));
      url = url.substr(colon + 1);
    }
  }
  if (url.starts_with("//")) {
    url = url.substr(2);
    const auto end = url.find('/');
    parts.authority = std::string(url.substr(0, end));
    url = end == std::string_view::npos ? std::string_view() : url.substr(end);
  }
  parts.path = std::string(url);
  return parts;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.remove_prefix(3);
    } else if (input.starts_with("./")) {
      input.remove_prefix(2);
    } else if (input.starts_with("/./")) {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../") || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      const auto last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      const auto next = input.find('/', input.front() == '/' ? 1 : 0);
      const auto segment = input.substr(0, next);
      output += segment;
      input.remove_prefix(segment.size());
    }
  }
  return output;
}

// RFC 3986 §5.2.3.
std::string merge_paths(const UrlParts& base, std::string_view relative_path) {
  if (base.authority && base.path.empty()) return "/" + std::string(relative_path);
  const auto last_slash = base.path.rfind('/');
  if (last_slash == std::string::npos) return std::string(relative_path);
  return base.path.substr(0, last_slash + 1) + std::string(relative_path);
}

std::string recompose(const UrlParts& parts) {
  std::string url;
  if (parts.scheme) url += *parts.scheme + ":";
  if (parts.authority) url += "//" + *parts.authority;
  url += parts.path;
  if (parts.query) url += "?" + *parts.query;
  if (parts.fragment) url += "#" + *parts.fragment;
  return url;
}

}  // namespace

std::string url_join(std::string_view base, std::string_view relative) {
  // Python's urljoin returns the other argument when one is empty.
  if (base.empty()) return std::string(relative);
  if (relative.empty()) return std::string(base);

  const UrlParts base_parts = split_url(base);
  const UrlParts ref = split_url(relative);
  UrlParts target;
  if (ref.scheme) {
    target = ref;
    target.path = remove_dot_segments(ref.path);
  } else {
    target.scheme = base_parts.scheme;
    if (ref.authority) {
      target.authority = ref.authority;
      target.path = remove_dot_segments(ref.path);
      target.query = ref.query;
    } else {
      target.authority = base_parts.authority;
      if (ref.path.empty()) {
        target.path = base_parts.path;
        target.query = ref.query ? ref.query : base_parts.query;
      } else {
        target.path = ref.path.front() == '/'
                          ? remove_dot_segments(ref.path)
                          : remove_dot_segments(merge_paths(base_parts, ref.path));
        target.query = ref.query;
      }
    }
  }
  target.fragment = ref.fragment;
  return recompose(target);
}

}  // namespace aurora::clusters
