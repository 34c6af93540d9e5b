#include "config/lang/string_format.hpp"

#include <cmath>
#include <cstdint>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/number_format.hpp"

namespace aurora::config::lang {
namespace {

// Reads the decimal digits at fmt[i] as a width or precision. Python stops at its integer range
// ("width too big"); the evaluator's size limit applies below that, as for any other string.
size_t read_count(Interpreter& in, const std::string& fmt, size_t& i, const char* too_big) {
  size_t n = 0;
  while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) {
    n = n * 10 + static_cast<size_t>(fmt[i++] - '0');
    if (n > static_cast<size_t>(INT32_MAX)) throw_py("ValueError", too_big);
  }
  in.check_size(n);
  return n;
}

// A `*` width or precision taken from the arguments, within the same limits.
int64_t checked_star(Interpreter& in, int64_t n, const char* too_big) {
  const uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  if (magnitude > static_cast<uint64_t>(INT32_MAX)) throw_py("ValueError", too_big);
  in.check_size(static_cast<size_t>(magnitude));
  return n;
}

std::string pad(const std::string& s, size_t width, char align, char fill) {
  if (s.size() >= width) return s;
  size_t n = width - s.size();
  if (align == '<') return s + std::string(n, fill);
  if (align == '^') return std::string(n / 2, fill) + s + std::string(n - n / 2, fill);
  return std::string(n, fill) + s;
}

std::string group_thousands(const std::string& digits) {
  std::string out;
  int count = 0;
  for (size_t i = digits.size(); i-- > 0;) {
    out.insert(out.begin(), digits[i]);
    if (++count % 3 == 0 && i > 0) out.insert(out.begin(), ',');
  }
  return out;
}

std::string int_digits(int64_t v, char conv) {
  uint64_t u = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : conv == 'b' ? 2 : 10;
  const char* digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[u % base]);
    u /= base;
  } while (u);
  return out;
}

// Applies sign, zero padding and width to a formatted number.
std::string finish_number(bool negative, std::string body, char sign_flag, size_t width, char align,
                          char fill, bool zero_pad) {
  std::string sign = negative ? "-" : sign_flag == '+' ? "+" : sign_flag == ' ' ? " " : "";
  if (zero_pad && body.size() + sign.size() < width) body = std::string(width - body.size() - sign.size(), '0') + body;
  if (align == '=') {
    return sign + pad(body, width > sign.size() ? width - sign.size() : 0, '>', fill);
  }
  return pad(sign + body, width, align, fill);
}

std::string format_float_conv(double d, char conv, int precision, bool alternate) {
  char lower = static_cast<char>(std::tolower(conv));
  std::string s;
  if (lower == 'r') return float_repr(d);
  if (lower == 's') return float_str(d);
  s = format_double(std::fabs(d), lower == 'f' || lower == 'e' || lower == 'g' ? conv : 'g', precision, alternate);
  return s;
}

}  // namespace

std::string format_with_spec(Interpreter& in, const Value& v, const std::string& spec) {
  if (v.is(Type::Host) || v.is(Type::Instance)) {
    if (auto m = in.try_getattr(v, "__format__")) {
      CallArgs args;
      args.positional.push_back(Value::str(spec));
      return in.str(in.call(*m, std::move(args)));
    }
  }
  if (spec.empty()) return in.str(v);
  // [[fill]align][sign][#][0][width][,][.precision][type]
  size_t i = 0;
  char fill = ' ', align = 0, sign = '-';
  bool alternate = false, zero = false, comma = false;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (spec.size() >= 2 && is_align(spec[1])) {
    fill = spec[0];
    align = spec[1];
    i = 2;
  } else if (!spec.empty() && is_align(spec[0])) {
    align = spec[0];
    i = 1;
  }
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) sign = spec[i++];
  if (i < spec.size() && spec[i] == '#') alternate = true, ++i;
  if (i < spec.size() && spec[i] == '0') zero = true, ++i;
  const size_t width = read_count(in, spec, i, "Too many decimal digits in format string");
  if (i < spec.size() && spec[i] == ',') comma = true, ++i;
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    precision = static_cast<int>(read_count(in, spec, i, "Too many decimal digits in format string"));
  }
  char type = i < spec.size() ? spec[i++] : 0;
  if (i != spec.size()) throw_py("ValueError", "Invalid conversion specification");
  if (zero && !align) {
    fill = '0';
    align = '=';
  }
  if (v.is_str() || (!v.is_number() && type == 0) || type == 's') {
    if (v.is_number() && type == 's') throw_py("ValueError", "Unknown format code 's' for object of type '" + type_name(v) + "'");
    std::string s = v.is_str() ? v.as_str() : in.str(v);
    if (precision >= 0 && static_cast<size_t>(precision) < s.size()) s = s.substr(0, precision);
    return pad(s, width, align ? (align == '=' ? '<' : align) : '<', fill);
  }
  if (!v.is_number()) {
    throw_py("ValueError", std::string("Unknown format code '") + type + "' for object of type '" + type_name(v) + "'");
  }
  char a = align ? align : '>';
  if (v.is_intlike() && (type == 0 || type == 'd' || type == 'x' || type == 'X' || type == 'o' ||
                         type == 'b' || type == 'n' || type == 'c')) {
    if (type == 'c') return pad(std::string(1, static_cast<char>(v.as_int())), width, a, fill);
    std::string digits = int_digits(v.as_int(), type ? type : 'd');
    if (comma) digits = group_thousands(digits);
    if (alternate && (type == 'x' || type == 'X' || type == 'o' || type == 'b')) {
      digits = std::string("0") + (type == 'o' ? 'o' : type) + digits;
    }
    return finish_number(v.as_int() < 0, digits, sign, width, a, fill, false);
  }
  double d = v.as_float();
  std::string body;
  if (type == '%') {
    body = format_double(std::fabs(d) * 100, 'f', precision < 0 ? 6 : precision, alternate) + "%";
  } else if (type == 0) {
    if (precision < 0) body = v.is_float() ? float_str(std::fabs(d)) : int_digits(v.as_int(), 'd');
    else {
      body = format_double(std::fabs(d), 'g', precision, alternate);
      if (body.find_first_of(".e") == std::string::npos && std::isfinite(d)) body += ".0";
    }
  } else if (std::string("eEfFgGn").find(type) != std::string::npos) {
    char conv = type == 'n' ? 'g' : type;
    body = format_double(std::fabs(d), conv, precision < 0 ? 6 : precision, alternate);
  } else {
    throw_py("ValueError", std::string("Unknown format code '") + type + "' for object of type '" + type_name(v) + "'");
  }
  if (comma) {
    size_t dot = body.find_first_of(".e%");
    body = group_thousands(body.substr(0, dot)) + (dot == std::string::npos ? "" : body.substr(dot));
  }
  return finish_number(std::signbit(d) && !std::isnan(d), body, sign, width, a, fill, false);
}

std::string percent_format(Interpreter& in, const std::string& fmt, const Value& args) {
  std::vector<Value> items;
  bool mapping = args.is(Type::Dict) || args.is(Type::Host) || args.is(Type::Instance);
  if (args.is(Type::Tuple)) items = args.as<TupleObj>()->items;
  else items.push_back(args);
  size_t next = 0;
  auto take = [&]() -> Value {
    if (next >= items.size()) throw_py("TypeError", "not enough arguments for format string");
    return items[next++];
  };
  std::string out;
  bool used_mapping = false;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (++i >= fmt.size()) throw_py("ValueError", "incomplete format");
    Value value;
    bool have_value = false;
    if (fmt[i] == '(') {
      size_t close = fmt.find(')', i);
      if (close == std::string::npos) throw_py("ValueError", "incomplete format key");
      if (!mapping) throw_py("TypeError", "format requires a mapping");
      value = in.getitem(args, Value::str(fmt.substr(i + 1, close - i - 1)));
      have_value = used_mapping = true;
      i = close + 1;
    }
    bool left = false, zero = false, alternate = false;
    char sign = 0;
    for (; i < fmt.size(); ++i) {
      if (fmt[i] == '-') left = true;
      else if (fmt[i] == '0') zero = true;
      else if (fmt[i] == '#') alternate = true;
      else if (fmt[i] == '+') sign = '+';
      else if (fmt[i] == ' ') { if (sign != '+') sign = ' '; }
      else break;
    }
    size_t width = 0;
    if (i < fmt.size() && fmt[i] == '*') {
      const int64_t star = checked_star(in, take().as_int(), "width too big");
      if (star < 0) left = true;  // as Python: a negative * width left-justifies
      width = static_cast<size_t>(star < 0 ? -star : star);
      ++i;
    } else {
      width = read_count(in, fmt, i, "width too big");
    }
    int precision = -1;
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      if (i < fmt.size() && fmt[i] == '*') {
        const int64_t star = checked_star(in, take().as_int(), "prec too big");
        precision = star < 0 ? 0 : static_cast<int>(star);
        ++i;
      } else {
        precision = static_cast<int>(read_count(in, fmt, i, "prec too big"));
      }
    }
    while (i < fmt.size() && (fmt[i] == 'l' || fmt[i] == 'h' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) throw_py("ValueError", "incomplete format");
    char conv = fmt[i];
    if (conv == '%') {
      out += '%';
      continue;
    }
    if (!have_value) value = take();
    std::string piece;
    char align = left ? '<' : '>';
    switch (conv) {
      case 's':
      case 'r': {
        piece = conv == 's' ? in.str(value) : in.repr(value);
        if (precision >= 0 && static_cast<size_t>(precision) < piece.size()) piece = piece.substr(0, precision);
        piece = pad(piece, width, align, ' ');
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        Value n = value;
        if (n.is_float()) n = float_to_integer(n.as_float());
        if (!n.is_intlike()) {
          throw_py("TypeError", std::string("%") + conv + " format: a number is required, not " + type_name(value));
        }
        std::string digits = int_digits(n.as_int(), conv == 'i' || conv == 'u' ? 'd' : conv);
        if (precision > 0 && digits.size() < static_cast<size_t>(precision))
          digits = std::string(precision - digits.size(), '0') + digits;
        if (alternate && conv != 'd' && conv != 'i' && conv != 'u')
          digits = (conv == 'o' ? "0" : conv == 'x' ? "0x" : "0X") + digits;
        piece = finish_number(n.as_int() < 0, digits, sign, width, align, ' ', zero && !left);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        if (!value.is_number()) {
          throw_py("TypeError", "float argument required, not " + type_name(value));
        }
        double d = value.as_float();
        std::string body = format_float_conv(d, conv, precision < 0 ? 6 : precision, alternate);
        piece = finish_number(std::signbit(d) && !std::isnan(d), body, sign, width, align, ' ', zero && !left);
        break;
      }
      case 'c':
        if (value.is_intlike()) piece = std::string(1, static_cast<char>(value.as_int()));
        else if (value.is_str() && value.as_str().size() == 1) piece = value.as_str();
        else throw_py("TypeError", "%c requires int or char");
        piece = pad(piece, width, align, ' ');
        break;
      default: {
        char buf[96];
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", conv,
                      static_cast<unsigned>(static_cast<unsigned char>(conv)), i);
        throw_py("ValueError", buf);
      }
    }
    out += piece;
  }
  if (!used_mapping && next < items.size() && !(mapping && items.size() == 1)) {
    throw_py("TypeError", "not all arguments converted during string formatting");
  }
  return out;
}

std::string str_format(Interpreter& in, const std::string& fmt, const CallArgs& args) {
  std::string out;
  size_t auto_index = 0;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') ++i;
      else throw_py("ValueError", "Single '}' encountered in format string");
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    int depth = 1;
    size_t j = i + 1;
    for (; j < fmt.size() && depth; ++j) {
      if (fmt[j] == '{') ++depth;
      else if (fmt[j] == '}') --depth;
    }
    if (depth) throw_py("ValueError", "Single '{' encountered in format string");
    std::string field = fmt.substr(i + 1, j - i - 2);
    i = j - 1;
    std::string spec;
    char conversion = 0;
    size_t colon = field.find(':');
    if (colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    size_t bang = field.find('!');
    if (bang != std::string::npos) {
      conversion = bang + 1 < field.size() ? field[bang + 1] : 0;
      field = field.substr(0, bang);
    }
    // Field name: first part is an index or a keyword, then .attr and [key] parts.
    size_t k = 0;
    while (k < field.size() && field[k] != '.' && field[k] != '[') ++k;
    std::string head = field.substr(0, k);
    Value v;
    if (head.empty()) {
      if (auto_index >= args.positional.size()) throw_py("IndexError", "tuple index out of range");
      v = args.positional[auto_index++];
    } else if (std::isdigit(static_cast<unsigned char>(head[0]))) {
      size_t index = std::stoul(head);
      if (index >= args.positional.size()) throw_py("IndexError", "tuple index out of range");
      v = args.positional[index];
    } else {
      bool found = false;
      for (const auto& [name, value] : args.keywords) {
        if (name == head) {
          v = value;
          found = true;
        }
      }
      if (!found) throw PyException{new_exception(builtin_exception_class("KeyError"), {Value::str(head)}), {}};
    }
    while (k < field.size()) {
      if (field[k] == '.') {
        size_t e = k + 1;
        while (e < field.size() && field[e] != '.' && field[e] != '[') ++e;
        v = in.getattr(v, field.substr(k + 1, e - k - 1));
        k = e;
      } else {
        size_t e = field.find(']', k);
        if (e == std::string::npos) throw_py("ValueError", "Missing ']' in format string");
        std::string key = field.substr(k + 1, e - k - 1);
        bool numeric = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
        v = in.getitem(v, numeric ? Value::integer(std::stoll(key)) : Value::str(key));
        k = e + 1;
      }
    }
    if (conversion == 'r') v = Value::str(in.repr(v));
    else if (conversion == 's') v = Value::str(in.str(v));
    if (spec.find('{') != std::string::npos) spec = str_format(in, spec, args);
    out += format_with_spec(in, v, spec);
  }
  return out;
}

}  // namespace aurora::config::lang
