#pragma once
// CPython 2.7's dict iteration order, emulated: the real client's JSON key order depends on it.

#include <cstdint>
#include <string>
#include <vector>

#include "config/template/model.hpp"

namespace aurora::config::templating {

// hash(str) in CPython 2.7 on a 64-bit build without hash randomisation.
int64_t py2_string_hash(const std::string& s);
// hash(int) in CPython 2.7.
inline int64_t py2_int_hash(int64_t v) { return v == -1 ? -2 : v; }
// hash(float) in CPython 2.7 (_Py_HashDouble): integral floats hash as the int.
int64_t py2_float_hash(double v);
// hash() of plain data as CPython 2.7 computes it: str, int, bool, float and tuples of those.
// Other keys (None, objects) hash by address in CPython, which no emulation can reproduce; they
// get their str()'s hash.
int64_t py2_hash(const Data& key);

// The order in which a dict built by inserting `hashes` one by one (dict(pairs), d[k] = v) iterates.
// `presized` is the entry count of a `{...}` display, which CPython 2.7 sizes its table for up
// front (0: not a display).  Returns indices into `hashes`.  Keys must be distinct.
std::vector<size_t> py2_insertion_order(const std::vector<int64_t>& hashes, size_t presized = 0);

}  // namespace aurora::config::templating
