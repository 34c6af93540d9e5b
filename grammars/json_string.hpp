#pragma once
// JSON string literals as Python's json.dumps writes them with ensure_ascii (its default): every
// character outside ' '..'~' escaped, astral characters as surrogate pairs. Shared by the
// configuration language's json module, pystachio's json_dumps and the Thrift JSON output.

#include <string>
#include <string_view>

namespace aurora::grammars {

// Appends `value` as a quoted JSON string. Bytes that are not UTF-8 (Python 2 would refuse them)
// are taken as Latin-1, so the output stays valid JSON and keeps each byte's value.
void append_json_string(std::string& out, std::string_view value);

inline std::string json_string(std::string_view value) {
  std::string out;
  append_json_string(out, value);
  return out;
}

}  // namespace aurora::grammars
