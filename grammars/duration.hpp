#pragma once
// Time spans written XdYhZmWs (sla --durations, and our --timeout/--interval options).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aurora::grammars {

// "2d6h" → 194400 seconds. Units in the order d, h, m, s, each at most once, integer amounts,
// case-insensitive. Throws GrammarError "Invalid time span: <text>".
int64_t parse_duration_seconds(std::string_view text);

// A comma-separated list of spans, sorted ascending (upstream's parse_time_values).
std::vector<int64_t> parse_duration_list(std::string_view text);

// The largest unit that divides the span exactly: 90 → "90 secs", 120 → "2 mins",
// 194400 → "54 hrs", 172800 → "2 days".
std::string format_duration(int64_t seconds);

// Comma-separated floats strictly inside (0, 100), sorted ascending (sla --percentiles).
std::vector<double> parse_percentiles(std::string_view text);

}  // namespace aurora::grammars
