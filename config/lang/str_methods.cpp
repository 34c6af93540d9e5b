// Methods of str (Python 2 byte strings; unicode is the same type here).

#include <algorithm>
#include <cctype>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/string_format.hpp"

namespace aurora::config::lang {
namespace {

const std::string& self_str(const CallArgs& a) { return a.self.as_str(); }

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string strip_chars(const std::string& s, const Value& chars, bool left, bool right, const char* name) {
  if (!chars.is_none() && !chars.is_str())
    throw_py("TypeError", std::string(name) + " arg must be None, str or unicode");
  auto strip_this = [&](char c) {
    if (chars.is_none()) return is_space(c);
    return chars.as_str().find(c) != std::string::npos;
  };
  size_t b = 0, e = s.size();
  if (left)
    while (b < e && strip_this(s[b])) ++b;
  if (right)
    while (e > b && strip_this(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Resolves optional start/end arguments like Python's slice rules.
std::pair<size_t, size_t> bounds(const CallArgs& a, size_t first, size_t len) {
  auto get = [&](size_t i, int64_t def) {
    if (i >= a.positional.size() || a.positional[i].is_none()) return def;
    int64_t v = int_arg(a.positional[i], "find");
    if (v < 0) v = std::max<int64_t>(0, v + static_cast<int64_t>(len));
    return std::min<int64_t>(v, static_cast<int64_t>(len));
  };
  return {static_cast<size_t>(get(first, 0)), static_cast<size_t>(get(first + 1, static_cast<int64_t>(len)))};
}

int64_t find_in(const CallArgs& a, bool reverse) {
  const std::string& s = self_str(a);
  const std::string& sub = str_arg(a.positional.at(0), "find");
  auto [b, e] = bounds(a, 1, s.size());
  if (b > e || sub.size() > e - b) return -1;
  std::string_view view(s.data() + b, e - b);
  size_t pos = reverse ? view.rfind(sub) : view.find(sub);
  return pos == std::string_view::npos ? -1 : static_cast<int64_t>(pos + b);
}

Value split(Interpreter& in, const CallArgs& a, bool from_right) {
  const std::string& s = self_str(a);
  Value sep = arg_or(a, 0, "sep", Value());
  int64_t maxsplit = arg_or(a, 1, "maxsplit", Value::integer(-1)).as_int();
  std::vector<std::string> parts;
  if (sep.is_none()) {
    if (!from_right) {
      size_t i = 0;
      while (true) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size()) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
          size_t e = s.size();
          while (e > i && is_space(s[e - 1])) --e;
          parts.push_back(s.substr(i, e - i));
          break;
        }
        size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        parts.push_back(s.substr(i, j - i));
        i = j;
      }
    } else {
      size_t i = s.size();
      while (true) {
        while (i > 0 && is_space(s[i - 1])) --i;
        if (i == 0) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
          parts.push_back(s.substr(0, i));
          break;
        }
        size_t j = i;
        while (j > 0 && !is_space(s[j - 1])) --j;
        parts.push_back(s.substr(j, i - j));
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    const std::string& d = str_arg(sep, "split");
    if (d.empty()) throw_py("ValueError", "empty separator");
    if (!from_right) {
      size_t start = 0;
      while (true) {
        size_t pos = s.find(d, start);
        if (pos == std::string::npos || (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit)) {
          parts.push_back(s.substr(start));
          break;
        }
        parts.push_back(s.substr(start, pos - start));
        start = pos + d.size();
      }
    } else {
      size_t end = s.size();
      while (true) {
        size_t pos = end >= d.size() ? s.rfind(d, end - d.size()) : std::string::npos;
        if (pos == std::string::npos || (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit)) {
          parts.push_back(s.substr(0, end));
          break;
        }
        parts.push_back(s.substr(pos + d.size(), end - pos - d.size()));
        end = pos;
      }
      std::reverse(parts.begin(), parts.end());
    }
  }
  std::vector<Value> out;
  out.reserve(parts.size());
  for (auto& p : parts) out.push_back(Value::str(std::move(p)));
  in.check_size(out.size());
  return make_list(std::move(out));
}

Value prefix_test(const CallArgs& a, bool suffix) {
  const std::string& s = self_str(a);
  auto [b, e] = bounds(a, 1, s.size());
  std::string_view view = b <= e ? std::string_view(s).substr(b, e - b) : std::string_view();
  auto test = [&](const Value& p) {
    const std::string& x = str_arg(p, suffix ? "endswith" : "startswith");
    if (x.size() > view.size()) return false;
    return suffix ? view.substr(view.size() - x.size()) == x : view.substr(0, x.size()) == x;
  };
  const Value& arg = a.positional.at(0);
  if (arg.is(Type::Tuple)) {
    for (const Value& p : arg.as<TupleObj>()->items)
      if (test(p)) return Value::boolean(true);
    return Value::boolean(false);
  }
  return Value::boolean(test(arg));
}

template <class Pred>
Value all_chars(const CallArgs& a, Pred pred) {
  const std::string& s = self_str(a);
  if (s.empty()) return Value::boolean(false);
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return Value::boolean(false);
  return Value::boolean(true);
}

std::string map_chars(const std::string& s, int (*f)(int)) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(f(static_cast<unsigned char>(c)));
  return out;
}

Value justify(Interpreter&, CallArgs& a, char how) {
  expect_args(a, how == '<' ? "ljust" : how == '>' ? "rjust" : "center", 1, 2);
  const std::string& s = self_str(a);
  int64_t width = int_arg(a.positional[0], "ljust");
  std::string fill = a.positional.size() > 1 ? str_arg(a.positional[1], "ljust") : " ";
  if (fill.size() != 1) throw_py("TypeError", "must be char, not str");
  if (width <= static_cast<int64_t>(s.size())) return a.self;
  size_t n = static_cast<size_t>(width) - s.size();
  if (how == '<') return Value::str(s + std::string(n, fill[0]));
  if (how == '>') return Value::str(std::string(n, fill[0]) + s);
  // CPython's center puts the extra space on the right unless both len and width are odd.
  size_t left = n / 2 + (n & static_cast<size_t>(width) & 1);
  return Value::str(std::string(left, fill[0]) + s + std::string(n - left, fill[0]));
}

MethodTable build() {
  MethodTable t;
  t["join"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "join", 1, 1);
    std::string out;
    bool first = true;
    size_t index = 0;
    in.for_each(a.positional[0], [&](const Value& v) {
      if (!v.is_str()) {
        throw_py("TypeError", "sequence item " + std::to_string(index) + ": expected string, " + type_name(v) + " found");
      }
      ++index;
      if (!first) out += self_str(a);
      first = false;
      out += v.as_str();
      if (out.size() > in.options().max_collection_size) in.check_size(out.size());
      return true;
    });
    return Value::str(std::move(out));
  };
  t["split"] = [](Interpreter& in, CallArgs& a) { return split(in, a, false); };
  t["rsplit"] = [](Interpreter& in, CallArgs& a) { return split(in, a, true); };
  t["strip"] = [](Interpreter&, CallArgs& a) { return Value::str(strip_chars(self_str(a), arg_or(a, 0, "chars", Value()), true, true, "strip")); };
  t["lstrip"] = [](Interpreter&, CallArgs& a) { return Value::str(strip_chars(self_str(a), arg_or(a, 0, "chars", Value()), true, false, "lstrip")); };
  t["rstrip"] = [](Interpreter&, CallArgs& a) { return Value::str(strip_chars(self_str(a), arg_or(a, 0, "chars", Value()), false, true, "rstrip")); };
  t["replace"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "replace", 2, 3);
    const std::string& s = self_str(a);
    const std::string& from = str_arg(a.positional[0], "replace");
    const std::string& to = str_arg(a.positional[1], "replace");
    int64_t count = a.positional.size() > 2 ? int_arg(a.positional[2], "replace") : -1;
    std::string out;
    if (from.empty()) {
      for (size_t i = 0; i < s.size(); ++i) {
        if (count < 0 || static_cast<int64_t>(i) < count) out += to;
        out += s[i];
      }
      if (count < 0 || static_cast<int64_t>(s.size()) < count) out += to;
      return Value::str(std::move(out));
    }
    size_t start = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
      size_t pos = s.find(from, start);
      if (pos == std::string::npos) break;
      out.append(s, start, pos - start);
      out += to;
      start = pos + from.size();
      ++done;
      in.check_size(out.size());
    }
    out.append(s, start, std::string::npos);
    return Value::str(std::move(out));
  };
  t["upper"] = [](Interpreter&, CallArgs& a) { return Value::str(map_chars(self_str(a), ::toupper)); };
  t["lower"] = [](Interpreter&, CallArgs& a) { return Value::str(map_chars(self_str(a), ::tolower)); };
  t["swapcase"] = [](Interpreter&, CallArgs& a) {
    std::string s = self_str(a);
    for (char& c : s) c = std::isupper(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : static_cast<char>(std::toupper(c));
    return Value::str(std::move(s));
  };
  t["title"] = [](Interpreter&, CallArgs& a) {
    std::string s = self_str(a);
    bool prev_cased = false;
    for (char& c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      c = static_cast<char>(prev_cased ? std::tolower(u) : std::toupper(u));
      prev_cased = std::isalpha(u) != 0;
    }
    return Value::str(std::move(s));
  };
  t["capitalize"] = [](Interpreter&, CallArgs& a) {
    std::string s = map_chars(self_str(a), ::tolower);
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return Value::str(std::move(s));
  };
  t["startswith"] = [](Interpreter&, CallArgs& a) { expect_args(a, "startswith", 1, 3); return prefix_test(a, false); };
  t["endswith"] = [](Interpreter&, CallArgs& a) { expect_args(a, "endswith", 1, 3); return prefix_test(a, true); };
  t["find"] = [](Interpreter&, CallArgs& a) { expect_args(a, "find", 1, 3); return Value::integer(find_in(a, false)); };
  t["rfind"] = [](Interpreter&, CallArgs& a) { expect_args(a, "rfind", 1, 3); return Value::integer(find_in(a, true)); };
  t["index"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "index", 1, 3);
    int64_t r = find_in(a, false);
    if (r < 0) throw_py("ValueError", "substring not found");
    return Value::integer(r);
  };
  t["rindex"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "rindex", 1, 3);
    int64_t r = find_in(a, true);
    if (r < 0) throw_py("ValueError", "substring not found");
    return Value::integer(r);
  };
  t["count"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "count", 1, 3);
    const std::string& s = self_str(a);
    const std::string& sub = str_arg(a.positional[0], "count");
    auto [b, e] = bounds(a, 1, s.size());
    if (b > e) return Value::integer(0);
    std::string_view view(s.data() + b, e - b);
    if (sub.empty()) return Value::integer(static_cast<int64_t>(view.size() + 1));
    int64_t n = 0;
    for (size_t pos = view.find(sub); pos != std::string_view::npos; pos = view.find(sub, pos + sub.size())) ++n;
    return Value::integer(n);
  };
  t["splitlines"] = [](Interpreter&, CallArgs& a) {
    const std::string& s = self_str(a);
    bool keep = !a.positional.empty() && a.positional[0].as_bool();
    std::vector<Value> out;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\n' && s[i] != '\r') continue;
      size_t end = i;
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out.push_back(Value::str(s.substr(start, (keep ? i + 1 : end) - start)));
      start = i + 1;
    }
    if (start < s.size()) out.push_back(Value::str(s.substr(start)));
    return make_list(std::move(out));
  };
  t["zfill"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "zfill", 1, 1);
    std::string s = self_str(a);
    int64_t width = int_arg(a.positional[0], "zfill");
    if (width <= static_cast<int64_t>(s.size())) return a.self;
    size_t n = static_cast<size_t>(width) - s.size();
    size_t at = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    s.insert(at, n, '0');
    return Value::str(std::move(s));
  };
  t["ljust"] = [](Interpreter& in, CallArgs& a) { return justify(in, a, '<'); };
  t["rjust"] = [](Interpreter& in, CallArgs& a) { return justify(in, a, '>'); };
  t["center"] = [](Interpreter& in, CallArgs& a) { return justify(in, a, '^'); };
  t["isdigit"] = [](Interpreter&, CallArgs& a) { return all_chars(a, ::isdigit); };
  t["isalpha"] = [](Interpreter&, CallArgs& a) { return all_chars(a, ::isalpha); };
  t["isalnum"] = [](Interpreter&, CallArgs& a) { return all_chars(a, ::isalnum); };
  t["isspace"] = [](Interpreter&, CallArgs& a) { return all_chars(a, ::isspace); };
  auto cased = [](bool upper) {
    return [upper](Interpreter&, CallArgs& a) {
      bool any = false;
      for (char c : self_str(a)) {
        unsigned char u = static_cast<unsigned char>(c);
        if (upper ? std::islower(u) : std::isupper(u)) return Value::boolean(false);
        if (std::isalpha(u)) any = true;
      }
      return Value::boolean(any);
    };
  };
  t["isupper"] = cased(true);
  t["islower"] = cased(false);
  t["format"] = [](Interpreter& in, CallArgs& a) { return Value::str(str_format(in, self_str(a), a)); };
  t["partition"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "partition", 1, 1);
    const std::string& s = self_str(a);
    const std::string& sep = str_arg(a.positional[0], "partition");
    size_t pos = s.find(sep);
    if (pos == std::string::npos) return make_tuple({a.self, Value::str(""), Value::str("")});
    return make_tuple({Value::str(s.substr(0, pos)), a.positional[0], Value::str(s.substr(pos + sep.size()))});
  };
  t["rpartition"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "rpartition", 1, 1);
    const std::string& s = self_str(a);
    const std::string& sep = str_arg(a.positional[0], "rpartition");
    size_t pos = s.rfind(sep);
    if (pos == std::string::npos) return make_tuple({Value::str(""), Value::str(""), a.self});
    return make_tuple({Value::str(s.substr(0, pos)), a.positional[0], Value::str(s.substr(pos + sep.size()))});
  };
  t["expandtabs"] = [](Interpreter&, CallArgs& a) {
    int64_t size = a.positional.empty() ? 8 : int_arg(a.positional[0], "expandtabs");
    std::string out;
    size_t col = 0;
    for (char c : self_str(a)) {
      if (c == '\t') {
        size_t n = size > 0 ? static_cast<size_t>(size) - col % static_cast<size_t>(size) : 0;
        out.append(n, ' ');
        col += n;
      } else {
        out += c;
        col = c == '\n' ? 0 : col + 1;
      }
    }
    return Value::str(std::move(out));
  };
  auto identity = [](Interpreter&, CallArgs& a) { return a.self; };
  t["encode"] = identity;
  t["decode"] = identity;
  return t;
}

}  // namespace

const MethodTable& str_methods() {
  static const MethodTable table = build();
  return table;
}

}  // namespace aurora::config::lang
