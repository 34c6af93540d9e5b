#include "devcluster/cron_schedule.hpp"

#include <ctime>
#include <set>
#include <sstream>
#include <vector>

namespace aurora::devcluster {
namespace {

// One crontab field as the set of values it allows; nullopt if malformed.
std::optional<std::set<int>> parse_field(const std::string& field, int low, int high) {
  std::set<int> values;
  std::stringstream parts(field);
  std::string part;
  while (std::getline(parts, part, ',')) {
    int step = 1;
    auto slash = part.find('/');
    if (slash != std::string::npos) {
      try {
        step = std::stoi(part.substr(slash + 1));
      } catch (...) {
        return std::nullopt;
      }
      if (step <= 0) return std::nullopt;
      part = part.substr(0, slash);
    }
    int first = low;
    int last = high;
    if (part != "*") {
      auto dash = part.find('-');
      try {
        std::size_t used = 0;
        first = std::stoi(part, &used);
        if (dash == std::string::npos) {
          if (used != part.size()) return std::nullopt;
          last = slash == std::string::npos ? first : high;
        } else {
          last = std::stoi(part.substr(dash + 1));
        }
      } catch (...) {
        return std::nullopt;
      }
    }
    if (first < low || last > high || first > last) return std::nullopt;
    for (int value = first; value <= last; value += step) values.insert(value);
  }
  if (values.empty()) return std::nullopt;
  return values;
}

struct ParsedSchedule {
  std::set<int> minutes, hours, days, months, weekdays;
};

std::optional<ParsedSchedule> parse(const std::string& schedule) {
  std::stringstream in(schedule);
  std::vector<std::string> fields;
  std::string field;
  while (in >> field) fields.push_back(field);
  if (fields.size() != 5) return std::nullopt;
  auto minutes = parse_field(fields[0], 0, 59);
  auto hours = parse_field(fields[1], 0, 23);
  auto days = parse_field(fields[2], 1, 31);
  auto months = parse_field(fields[3], 1, 12);
  auto weekdays = parse_field(fields[4], 0, 7);
  if (!minutes || !hours || !days || !months || !weekdays) return std::nullopt;
  if (weekdays->count(7) > 0) weekdays->insert(0);
  return ParsedSchedule{*minutes, *hours, *days, *months, *weekdays};
}

}  // namespace

bool is_valid_cron_schedule(const std::string& schedule) { return parse(schedule).has_value(); }

std::optional<int64_t> next_cron_run_ms(const std::string& schedule, int64_t after_ms) {
  auto parsed = parse(schedule);
  if (!parsed) return std::nullopt;
  std::time_t minute = static_cast<std::time_t>(after_ms / 60000 + 1) * 60;
  for (int step = 0; step < 366 * 24 * 60; ++step, minute += 60) {
    std::tm utc{};
    gmtime_r(&minute, &utc);
    if (parsed->minutes.count(utc.tm_min) && parsed->hours.count(utc.tm_hour) &&
        parsed->days.count(utc.tm_mday) && parsed->months.count(utc.tm_mon + 1) &&
        parsed->weekdays.count(utc.tm_wday)) {
      return static_cast<int64_t>(minute) * 1000;
    }
  }
  return std::nullopt;
}

}  // namespace aurora::devcluster
