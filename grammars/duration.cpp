#include "grammars/duration.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <limits>

#include "grammars/grammar_error.hpp"
#include "grammars/text.hpp"

namespace aurora::grammars {

int64_t parse_duration_seconds(std::string_view text) {
  static constexpr struct {
    char unit;
    int64_t seconds;
  } kUnits[] = {{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
  auto invalid = [&] { return GrammarError::message("Invalid time span: " + std::string(text)); };

  int64_t total = 0;
  size_t pos = 0;
  size_t next_unit = 0;
  bool any = false;
  while (pos < text.size()) {
    const size_t digits_start = pos;
    int64_t amount = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (amount > std::numeric_limits<int64_t>::max() / 10 - 9) throw invalid();
      amount = amount * 10 + (text[pos++] - '0');
    }
    if (pos == digits_start || pos == text.size()) throw invalid();
    const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text[pos++])));
    while (next_unit < 4 && kUnits[next_unit].unit != unit) ++next_unit;
    if (next_unit == 4) throw invalid();
    // Checked before adding: a signed overflow is undefined, never a negative total to test.
    if (amount > (std::numeric_limits<int64_t>::max() - total) / kUnits[next_unit].seconds) {
      throw invalid();
    }
    total += amount * kUnits[next_unit].seconds;
    ++next_unit;
    any = true;
  }
  if (!any) throw invalid();
  return total;
}

std::vector<int64_t> parse_duration_list(std::string_view text) {
  std::vector<int64_t> values;
  for (const auto& item : split(text, ',')) values.push_back(parse_duration_seconds(item));
  std::sort(values.begin(), values.end());
  return values;
}

std::string format_duration(int64_t seconds) {
  if (seconds % 86400 == 0) return std::to_string(seconds / 86400) + " days";
  if (seconds % 3600 == 0) return std::to_string(seconds / 3600) + " hrs";
  if (seconds % 60 == 0) return std::to_string(seconds / 60) + " mins";
  return std::to_string(seconds) + " secs";
}

std::vector<double> parse_percentiles(std::string_view text) {
  std::vector<double> values;
  for (const auto& item : split(text, ',')) {
    auto invalid = [&] {
      return GrammarError::message("Invalid percentile value:" + item +
                                   ". Must be between 0.0 and 100.0 exclusive.");
    };
    // Python's float(): surrounding whitespace allowed, no hex floats.
    std::string trimmed = item;
    trimmed.erase(0, trimmed.find_first_not_of(" \t\n\r\f\v"));
    trimmed.erase(trimmed.find_last_not_of(" \t\n\r\f\v") + 1);
    if (trimmed.empty() || trimmed.find_first_of("xX(") != std::string::npos) throw invalid();
    char* end = nullptr;
    const double value = std::strtod(trimmed.c_str(), &end);
    if (end != trimmed.c_str() + trimmed.size()) throw invalid();
    // Unlike upstream, NaN is refused too (it compares false with both bounds).
    if (!(value > 0.0 && value < 100.0)) throw invalid();
    values.push_back(value);
  }
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace aurora::grammars
