#include "config/lang/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace aurora::config::lang {
namespace {

std::string non_finite(double d) {
  if (std::isnan(d)) return "nan";
  return d < 0 ? "-inf" : "inf";
}

// Lays out significant digits and a decimal exponent the way Python's repr does.
std::string layout(bool negative, const std::string& digits, int exp10, int max_exp10) {
  // value = 0.d1d2d3... * 10^(exp10) convention: here exp10 is the exponent of the first digit.
  std::string out = negative ? "-" : "";
  int ndigits = static_cast<int>(digits.size());
  if (exp10 < -4 || exp10 >= max_exp10) {
    out += digits[0];
    if (ndigits > 1) out += "." + digits.substr(1);
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    return out + buf;
  }
  if (exp10 < 0) {
    out += "0." + std::string(-exp10 - 1, '0') + digits;
    return out;
  }
  if (ndigits <= exp10 + 1) {
    return out + digits + std::string(exp10 + 1 - ndigits, '0') + ".0";
  }
  out += digits.substr(0, exp10 + 1) + "." + digits.substr(exp10 + 1);
  return out;
}

std::string layout_scientific(bool negative, const std::string& sci, int max_exp10) {
  size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exp10 = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (char c : mantissa)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return layout(negative, digits, exp10, max_exp10);
}

}  // namespace

std::string float_repr(double d) {
  if (!std::isfinite(d)) return non_finite(d);
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  return layout_scientific(d < 0, std::string(buf, res.ptr), 16);
}

std::string float_str(double d) {
  if (!std::isfinite(d)) return non_finite(d);
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.11e", std::fabs(d));
  // Python's 'g' with a forced ".0" switches to exponent form one digit early.
  return layout_scientific(d < 0, buf, 11);
}

std::string format_double(double d, char conv, int precision, bool alternate) {
  if (!std::isfinite(d)) return non_finite(d);
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, "%%%s.%d%c", alternate ? "#" : "", precision, conv);
  int n = std::snprintf(nullptr, 0, fmt, d);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, d);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string string_repr(const std::string& s) {
  char quote = '\'';
  if (s.find('\'') != std::string::npos && s.find('"') == std::string::npos) quote = '"';
  std::string out(1, quote);
  for (unsigned char c : s) {
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
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += quote;
  return out;
}

std::string unicode_repr(std::string_view text) {
  std::vector<uint32_t> code_points;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80           ? 1
                 : (byte >> 5) == 0x6  ? 2
                 : (byte >> 4) == 0xe  ? 3
                 : (byte >> 3) == 0x1e ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) {  // not UTF-8: show the byte as it is
      code_points.push_back(byte);
      ++i;
      continue;
    }
    uint32_t cp = length == 1 ? byte : byte & (0x7f >> length);
    for (int k = 1; k < length; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    code_points.push_back(cp);
    i += length;
  }
  const bool use_double =
      text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos;
  const char quote = use_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  auto hex = [&](uint32_t v, int digits) {
    std::string out;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xf];
    return out;
  };
  std::string out = "u";
  out += quote;
  for (uint32_t cp : code_points) {
    if (cp == '\\')
      out += "\\\\";
    else if (cp == '\n')
      out += "\\n";
    else if (cp == '\r')
      out += "\\r";
    else if (cp == '\t')
      out += "\\t";
    else if (cp == static_cast<uint32_t>(quote))
      out += std::string("\\") + quote;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0x100))
      out += "\\x" + hex(cp, 2);
    else if (cp >= 0x100 && cp < 0x10000)
      out += "\\u" + hex(cp, 4);
    else if (cp >= 0x10000)
      out += "\\U" + hex(cp, 8);
    else
      out += static_cast<char>(cp);
  }
  out += quote;
  return out;
}

}  // namespace aurora::config::lang
