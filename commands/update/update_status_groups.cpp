// Status names and groups for `update list --status`.
#include "commands/update/update_status_groups.hpp"

#include <stdexcept>

#include "commands/scheduler_terms.hpp"

namespace aurora::commands::update {

using Status = gen::JobUpdateStatus;

const std::vector<std::string>& status_filter_choices() {
  // Computed by iterating upstream's STATUS_GROUPS dict under CPython 2.7.
  static const std::vector<std::string> choices = {"all",
                                                   "ROLLED_BACK",
                                                   "ROLLING_FORWARD",
                                                   "succeeded",
                                                   "FAILED",
                                                   "ROLLED_FORWARD",
                                                   "ROLLING_BACK",
                                                   "ROLL_FORWARD_AWAITING_PULSE",
                                                   "ROLL_BACK_PAUSED",
                                                   "paused",
                                                   "failed",
                                                   "inactive",
                                                   "ABORTED",
                                                   "ERROR",
                                                   "active",
                                                   "ROLL_BACK_AWAITING_PULSE",
                                                   "ROLL_FORWARD_PAUSED",
                                                   "blocked"};
  return choices;
}

std::optional<std::set<Status::type>> statuses_for_filter(std::string_view value) {
  std::set<Status::type> every;
  for (const auto& [number, name] : gen::_JobUpdateStatus_VALUES_TO_NAMES) {
    every.insert(static_cast<Status::type>(number));
    if (value == name) return std::set<Status::type>{static_cast<Status::type>(number)};
  }
  const auto& active = active_update_states();
  if (value == "active") return active;
  if (value == "all") return every;
  if (value == "blocked") {
    return std::set<Status::type>{Status::ROLL_FORWARD_AWAITING_PULSE,
                                  Status::ROLL_BACK_AWAITING_PULSE};
  }
  if (value == "failed") {
    return std::set<Status::type>{Status::ERROR, Status::FAILED, Status::ROLLED_BACK};
  }
  if (value == "inactive") {
    std::set<Status::type> inactive;
    for (auto status : every) {
      if (active.count(status) == 0) inactive.insert(status);
    }
    return inactive;
  }
  if (value == "paused") {
    return std::set<Status::type>{Status::ROLL_FORWARD_PAUSED, Status::ROLL_BACK_PAUSED};
  }
  if (value == "succeeded") return std::set<Status::type>{Status::ROLLED_FORWARD};
  return std::nullopt;
}

std::set<Status::type> statuses_for_filters(const std::vector<std::string>& values) {
  std::set<Status::type> all;
  for (const auto& value : values) {
    const auto statuses = statuses_for_filter(value);
    if (!statuses) throw std::invalid_argument(value);
    all.insert(statuses->begin(), statuses->end());
  }
  return all;
}

}  // namespace aurora::commands::update
