#include "grammars/grammar_error.hpp"

namespace aurora::grammars {

std::string python_str_repr(std::string_view text) {
  const bool use_double = text.find('\'') != std::string_view::npos &&
                          text.find('"') == std::string_view::npos;
  const char quote = use_double ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(quote)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7f) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += quote;
  return out;
}

GrammarError::GrammarError(std::string detail, std::string argparse_text)
    : Error(ErrorKind::Usage, detail), argparse_text_(std::move(argparse_text)) {}

GrammarError GrammarError::message(std::string text) { return GrammarError(text, text); }

GrammarError GrammarError::invalid_value(std::string type_name, std::string_view raw,
                                         std::string detail) {
  std::string argparse = "invalid " + type_name + " value: " + python_str_repr(raw);
  return GrammarError(detail.empty() ? argparse : detail, argparse);
}

}  // namespace aurora::grammars
