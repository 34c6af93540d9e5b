#pragma once
// Where a JSON document stopped parsing, said for people: line, column and the reason, without
// the parser library's exception prefix.

#include <cstddef>
#include <string>
#include <string_view>

namespace aurora::grammars {

struct JsonSyntaxError {
  size_t line = 1, column = 1;  // 1-based
  std::string reason;
};

// `byte` is the parser's 1-based offset just past the offending character (nlohmann's
// parse_error::byte) and `what` its message "[json.exception...] parse error at ...: reason".
JsonSyntaxError locate_json_syntax_error(std::string_view text, size_t byte, std::string_view what);

}  // namespace aurora::grammars
