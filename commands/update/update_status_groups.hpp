#pragma once
// The values `update list --status` accepts: every JobUpdateStatus name plus upstream's groups
// (active, all, blocked, failed, inactive, paused, succeeded).

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::commands::update {

// Every accepted value, in the order upstream's argparse lists them (CPython 2.7 dict order).
const std::vector<std::string>& status_filter_choices();

// The statuses one value stands for; nullopt when it is not an accepted value.
std::optional<std::set<gen::JobUpdateStatus::type>> statuses_for_filter(std::string_view value);

// The union over several values (upstream unions repeated --status options); empty for none.
// Throws std::invalid_argument naming the first value that is not accepted.
std::set<gen::JobUpdateStatus::type> statuses_for_filters(const std::vector<std::string>& values);

}  // namespace aurora::commands::update
