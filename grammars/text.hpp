#pragma once
// Python str.split('/') and int() as upstream's parsers use them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aurora::grammars {

// Splits on every occurrence of `sep`, keeping empty pieces (Python's str.split(sep)).
inline std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t pos = text.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.emplace_back(text.substr(start));
      return parts;
    }
    parts.emplace_back(text.substr(start, pos - start));
    start = pos + 1;
  }
}

// Python's int(text) for base 10: surrounding whitespace and one sign allowed. nullopt when it
// would raise ValueError or does not fit 64 bits.
std::optional<int64_t> parse_python_int(std::string_view text);

}  // namespace aurora::grammars
