#pragma once
// CPython 2.7's dict iteration order, emulated: the real client's JSON key order depends on it.

#include <cstdint>
#include <string>
#include <vector>

namespace aurora::config::templating {

// hash(str) in CPython 2.7 on a 64-bit build without hash randomisation.
int64_t py2_string_hash(const std::string& s);
// hash(int) in CPython 2.7.
inline int64_t py2_int_hash(int64_t v) { return v == -1 ? -2 : v; }

// The order in which a dict built by inserting `hashes` one by one (dict(pairs), d[k] = v) iterates.
// Returns indices into `hashes`.  Keys must be distinct.
std::vector<size_t> py2_insertion_order(const std::vector<int64_t>& hashes);

}  // namespace aurora::config::templating
