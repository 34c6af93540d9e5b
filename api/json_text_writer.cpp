#include "api/json_text_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace aurora::api {
namespace {

void append_escape(std::string& out, uint32_t code_unit) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\u%04x", code_unit);
  out += buffer;
}

// Decodes one UTF-8 sequence at `text[i]`; returns its length, or 0 when it is not valid UTF-8.
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
      const size_t length = decode_utf8(value, i, code_point);
      if (length == 0) {
        append_escape(out, 0xfffd);
        ++i;
        continue;
      }
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

void JsonTextWriter::newline(size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonTextWriter::before_value() {
  constexpr size_t kChunk = size_t{1} << 20;
  if (sink_ && out_.size() >= kChunk) {
    sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_ += ',';
  if (indent_ >= 0) newline(counts_.size());
}

void JsonTextWriter::finish() {
  if (!sink_) return;
  out_ += '\n';
  sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  sink_->flush();
  out_.clear();
}

void JsonTextWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonTextWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  counts_.push_back(0);
}

void JsonTextWriter::close(char bracket) {
  const bool empty = counts_.back() == 0;
  counts_.pop_back();
  if (!empty && indent_ >= 0) newline(counts_.size());
  out_ += bracket;
}

void JsonTextWriter::scalar(std::string_view literal) {
  before_value();
  out_ += literal;
}

void JsonTextWriter::string(std::string_view value) {
  before_value();
  append_json_string(out_, value);
}

void JsonTextWriter::integer(int64_t value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  scalar(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

void JsonTextWriter::number(double value) {
  if (!std::isfinite(value)) return null();
  // Shortest round-trip digits first ("d.ddde+XX"), then Python's layout: fixed notation for
  // exponents -4..15, else d.ddde+XX with at least two exponent digits.
  char scientific[32];
  const auto end = std::to_chars(scientific, scientific + sizeof scientific, value,
                                 std::chars_format::scientific).ptr;
  const std::string_view text(scientific, static_cast<size_t>(end - scientific));
  const size_t e = text.find('e');
  const bool negative = text.front() == '-';
  std::string digits;
  for (char c : text.substr(negative ? 1 : 0, e - (negative ? 1 : 0))) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
  std::string out = negative ? "-" : "";
  if (exponent >= -4 && exponent <= 15) {
    const int point = exponent + 1;  // digits before the decimal point
    if (point <= 0) {
      out += "0." + std::string(static_cast<size_t>(-point), '0') + digits;
    } else if (static_cast<size_t>(point) >= digits.size()) {
      out += digits + std::string(static_cast<size_t>(point) - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
    }
  } else {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    const std::string magnitude = std::to_string(exponent < 0 ? -exponent : exponent);
    out += std::string(exponent < 0 ? "e-" : "e+") + (magnitude.size() < 2 ? "0" : "") + magnitude;
  }
  scalar(out);
}

}  // namespace aurora::api
