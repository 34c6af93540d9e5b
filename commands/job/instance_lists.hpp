#pragma once
// Instance ids as upstream prints them in messages: Python's repr of a list of ints.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace aurora::commands::job {

// [0, 1, 2], in the given order.
std::string python_int_list(const std::vector<int32_t>& ids);
// Ascending, as CPython prints a small-int set converted to a list.
std::string python_int_list(const std::set<int32_t>& ids);

// A JSON array of the ids, for -o json documents.
nlohmann::ordered_json json_int_list(const std::vector<int32_t>& ids);
nlohmann::ordered_json json_int_list(const std::set<int32_t>& ids);

}  // namespace aurora::commands::job
