// json.dumps / json.loads with Python 2.7's default output format.

#include <cmath>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/stack_guard.hpp"
#include "config/lang/number_format.hpp"
#include "grammars/json_string.hpp"

namespace aurora::config::lang {
namespace {

struct DumpOptions {
  bool sort_keys = false;
  int indent = -1;
  std::string item_sep = ", ", key_sep = ": ";
};

void dump(Interpreter& in, const Value& v, const DumpOptions& o, int level, std::string& out) {
  check_stack();
  auto newline = [&](int l) {
    if (o.indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(o.indent * l), ' ');
  };
  switch (v.type()) {
    case Type::None: out += "null"; return;
    case Type::Bool: out += v.as_bool() ? "true" : "false"; return;
    case Type::Int: out += std::to_string(v.as_int()); return;
    case Type::Float: {
      double d = v.as_float();
      out += std::isnan(d) ? "NaN" : std::isinf(d) ? (d < 0 ? "-Infinity" : "Infinity") : float_repr(d);
      return;
    }
    case Type::Str: out += grammars::json_string(v.as_str()); return;
    case Type::List:
    case Type::Tuple: {
      const auto& items = v.is(Type::List) ? v.as<ListObj>()->items : v.as<TupleObj>()->items;
      if (items.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += o.item_sep;
        newline(level + 1);
        dump(in, items[i], o, level + 1, out);
      }
      newline(level);
      out += ']';
      return;
    }
    case Type::Dict: {
      auto items = v.as<DictObj>()->table.items();
      if (items.empty()) {
        out += "{}";
        return;
      }
      std::vector<std::pair<std::string, Value>> entries;
      for (auto& [k, val] : items) {
        std::string key;
        if (k.is_str()) key = k.as_str();
        else if (k.is_float()) key = float_repr(k.as_float());
        else if (k.is_bool()) key = k.as_bool() ? "true" : "false";
        else if (k.is_int()) key = std::to_string(k.as_int());
        else if (k.is_none()) key = "null";
        else throw_py("TypeError", "key " + in.repr(k) + " is not a string");
        entries.emplace_back(std::move(key), val);
      }
      if (o.sort_keys) {
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      }
      out += '{';
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i) out += o.item_sep;
        newline(level + 1);
        out += grammars::json_string(entries[i].first) + o.key_sep;
        dump(in, entries[i].second, o, level + 1, out);
      }
      newline(level);
      out += '}';
      return;
    }
    default:
      throw_py("TypeError", in.repr(v) + " is not JSON serializable");
  }
}

class JsonParser {
 public:
  explicit JsonParser(const std::string& s) : s_(s) {}
  Value parse_document() {
    Value v = parse();
    skip();
    if (i_ != s_.size()) fail("Extra data");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw_py("ValueError", what + ": char " + std::to_string(i_));
  }
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool literal(const char* word) {
    size_t n = std::strlen(word);
    if (s_.compare(i_, n, word) != 0) return false;
    i_ += n;
    return true;
  }
  Value parse() {
    check_stack();
    skip();
    if (i_ >= s_.size()) fail("No JSON object could be decoded");
    char c = s_[i_];
    if (c == '{') {
      ++i_;
      Value d = make_dict();
      skip();
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, d;
      while (true) {
        skip();
        if (i_ >= s_.size() || s_[i_] != '"') fail("Expecting property name enclosed in double quotes");
        Value key = Value::str(parse_string());
        skip();
        if (i_ >= s_.size() || s_[i_] != ':') fail("Expecting ':' delimiter");
        ++i_;
        d.as<DictObj>()->table.set(key, parse());
        skip();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        if (i_ < s_.size() && s_[i_] == '}') { ++i_; return d; }
        fail("Expecting ',' delimiter");
      }
    }
    if (c == '[') {
      ++i_;
      Value l = make_list();
      skip();
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, l;
      while (true) {
        l.as<ListObj>()->items.push_back(parse());
        skip();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        if (i_ < s_.size() && s_[i_] == ']') { ++i_; return l; }
        fail("Expecting ',' delimiter");
      }
    }
    if (c == '"') return Value::str(parse_string());
    if (literal("true")) return Value::boolean(true);
    if (literal("false")) return Value::boolean(false);
    if (literal("null")) return Value();
    if (literal("NaN")) return Value::real(NAN);
    if (literal("Infinity")) return Value::real(INFINITY);
    if (literal("-Infinity")) return Value::real(-INFINITY);
    size_t start = i_;
    if (s_[i_] == '-') ++i_;
    bool is_float = false;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == 'e' ||
                              s_[i_] == 'E' || ((s_[i_] == '+' || s_[i_] == '-') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E')))) {
      if (!std::isdigit(static_cast<unsigned char>(s_[i_]))) is_float = true;
      ++i_;
    }
    std::string num = s_.substr(start, i_ - start);
    if (num.empty() || num == "-") fail("No JSON object could be decoded");
    if (is_float) return Value::real(std::strtod(num.c_str(), nullptr));
    errno = 0;
    long long v = std::strtoll(num.c_str(), nullptr, 10);
    if (errno == ERANGE) throw_py("OverflowError", "integer overflow (integers are 64-bit)");
    return Value::integer(v);
  }
  std::string parse_string() {
    ++i_;
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail("Unterminated string starting at");
      char c = s_[i_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) fail("Unterminated string starting at");
      char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          uint32_t cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && s_.compare(i_, 2, "\\u") == 0) {
            i_ += 2;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          encode(cp, out);
          break;
        }
        default: out += e;
      }
    }
  }
  uint32_t hex4() {
    if (i_ + 4 > s_.size()) fail("Invalid \\uXXXX escape");
    uint32_t v = static_cast<uint32_t>(std::stoul(s_.substr(i_, 4), nullptr, 16));
    i_ += 4;
    return v;
  }
  static void encode(uint32_t cp, std::string& out) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else { out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  }
  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace

Value make_json_module(Interpreter&) {
  std::vector<std::pair<std::string, Value>> a;
  a.emplace_back("dumps", Interpreter::make_native("dumps", [](Interpreter& in, CallArgs& args) {
    expect_args(args, "dumps", 1, 1);
    DumpOptions o;
    o.sort_keys = in.truthy(arg_or(args, 99, "sort_keys", Value::boolean(false)));
    Value indent = arg_or(args, 99, "indent", Value());
    if (indent.is_intlike()) o.indent = static_cast<int>(indent.as_int());
    Value seps = arg_or(args, 99, "separators", Value());
    if (seps.is(Type::Tuple) || seps.is(Type::List)) {
      std::vector<Value> s = in.iterate(seps);
      if (s.size() == 2 && s[0].is_str() && s[1].is_str()) {
        o.item_sep = s[0].as_str();
        o.key_sep = s[1].as_str();
      }
    }
    std::string out;
    dump(in, args.positional[0], o, 0, out);
    return Value::str(std::move(out));
  }));
  a.emplace_back("loads", Interpreter::make_native("loads", [](Interpreter&, CallArgs& args) {
    expect_args(args, "loads", 1, 1);
    return JsonParser(str_arg(args.positional[0], "loads")).parse_document();
  }));
  return Interpreter::make_module("json", std::move(a));
}

}  // namespace aurora::config::lang
