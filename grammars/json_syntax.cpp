#include "grammars/json_syntax.hpp"

namespace aurora::grammars {

JsonSyntaxError locate_json_syntax_error(std::string_view text, size_t byte, std::string_view what) {
  JsonSyntaxError error;
  const size_t offset = byte > 0 ? byte - 1 : 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++error.line;
      error.column = 1;
    } else {
      ++error.column;
    }
  }
  const size_t colon = what.find(": ");
  error.reason = std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
  return error;
}

}  // namespace aurora::grammars
