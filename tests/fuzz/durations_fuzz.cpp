// Time spans (XdYhZmWs, and comma-separated lists of them) and percentile lists. The first byte picks
// the parser. Only aurora::Error may escape; results must be in range and sorted.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grammars/duration.hpp"
#include "grammars/grammar_error.hpp"

namespace {

using namespace aurora::grammars;

void require(bool holds) {
  if (!holds) __builtin_trap();
}

void run(uint8_t selector, std::string_view text) {
  switch (selector % 3) {
    case 0: {
      const int64_t seconds = parse_duration_seconds(text);
      require(seconds >= 0);
      require(!format_duration(seconds).empty());
      break;
    }
    case 1: {
      const auto spans = parse_duration_list(text);
      require(std::is_sorted(spans.begin(), spans.end()));
      for (int64_t s : spans) require(s >= 0);
      break;
    }
    case 2: {
      const auto values = parse_percentiles(text);
      require(std::is_sorted(values.begin(), values.end()));
      for (double v : values) require(v > 0.0 && v < 100.0);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  try {
    run(data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  } catch (const aurora::Error&) {
  }
  return 0;
}
