#pragma once
// Small pieces shared by the HTTP code in api/: header text helpers and the Ctrl-C hook.

#include <curl/curl.h>

#include <string>
#include <string_view>

#include "errors/interrupt.hpp"

namespace aurora::api {

// `text` with ASCII letters in lower case (header names, URL schemes).
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `text` without the spaces, tabs and line ends around it (HTTP header values, netrc tokens).
inline std::string trim_whitespace(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n\f\v");
  return std::string(text.substr(first, last - first + 1));
}

// A CURLOPT_XFERINFOFUNCTION: libcurl calls it at least once a second, also while connecting or
// waiting for an answer, so Ctrl-C ends a transfer promptly.
inline int abort_when_interrupted(void*, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return interrupt::requested() ? 1 : 0;
}

}  // namespace aurora::api
