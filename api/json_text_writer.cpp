#include "api/json_text_writer.hpp"

#include "grammars/json_string.hpp"

#include <charconv>
#include <cmath>

namespace aurora::api {
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
  grammars::append_json_string(out_, name);
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
  grammars::append_json_string(out_, value);
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
