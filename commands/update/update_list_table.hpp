#pragma once
// What `update list` prints: upstream's fixed-width table, and its JSON entries.

#include <nlohmann/json.hpp>
#include <string>

#include "aurora_api_types.h"

namespace aurora::commands::update {

// The header row, padded like the data rows (so it ends in spaces).
std::string update_list_header();

// One row: JOB (cluster/role/env/name), UPDATE ID, STATUS, CREATED BY, STARTED, LAST MODIFIED,
// left-aligned in columns of 47, 36, 15, 11, 19 and 19 characters; longer values are not cut.
std::string update_list_row(const std::string& cluster, const gen::JobUpdateSummary& summary);

// {"status", "started", "job", "last_modified", "user", "id"}, in upstream's key order.
nlohmann::ordered_json update_list_entry(const std::string& cluster,
                                         const gen::JobUpdateSummary& summary);

}  // namespace aurora::commands::update
