#include "grammars/json_string.hpp"

#include <cstdint>
#include <cstdio>

namespace aurora::grammars {
namespace {

void append_escape(std::string& out, uint32_t code_unit) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\u%04x", code_unit);
  out += buffer;
}

// Decodes one UTF-8 sequence at `text[i]`; returns its length, or 0 when it is not valid UTF-8
// (truncated, overlong, a surrogate, or beyond U+10FFFF).
size_t decode_utf8(std::string_view text, size_t i, uint32_t& code_point) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  size_t length;
  uint32_t minimum;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2, minimum = 0x80, code_point = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3, minimum = 0x800, code_point = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4, minimum = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xc0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(k) & 0x3f);
  }
  if (code_point < minimum || code_point > 0x10ffff ||
      (code_point >= 0xd800 && code_point <= 0xdfff)) {
    return 0;
  }
  return length;
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  for (size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80) {
      uint32_t code_point = 0;
      size_t length = decode_utf8(value, i, code_point);
      if (length == 0) code_point = c, length = 1;  // Latin-1
      if (code_point >= 0x10000) {
        code_point -= 0x10000;
        append_escape(out, 0xd800 + (code_point >> 10));
        append_escape(out, 0xdc00 + (code_point & 0x3ff));
      } else {
        append_escape(out, code_point);
      }
      i += length;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {  // Python escapes all but ' '..'~'
          append_escape(out, c);
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

}  // namespace aurora::grammars
