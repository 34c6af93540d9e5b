// The `re` module on std::regex, translating the Python-only syntax ((?P<name>...), \A, \Z).

#include <regex>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"

namespace aurora::config::lang {
namespace {

constexpr int64_t kIgnoreCase = 2, kMultiline = 8, kDotAll = 16, kVerbose = 64;

struct Compiled {
  std::string pattern;
  std::regex regex;
  std::vector<std::string> group_names;  // index = group number; "" if unnamed
  int64_t flags = 0;
};

std::shared_ptr<Compiled> compile(const std::string& pattern, int64_t flags) {
  auto c = std::make_shared<Compiled>();
  c->pattern = pattern;
  c->flags = flags;
  c->group_names.push_back("");
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char ch = pattern[i];
    if (ch == '\\' && i + 1 < pattern.size()) {
      char n = pattern[i + 1];
      if (n == 'A') out += '^';
      else if (n == 'Z') out += '$';
      else out += pattern.substr(i, 2);
      ++i;
      continue;
    }
    if (ch == '[') {
      size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
      out += pattern.substr(i, j - i + 1);
      i = j;
      continue;
    }
    if (ch == '(') {
      if (pattern.compare(i, 4, "(?P<") == 0) {
        size_t close = pattern.find('>', i);
        if (close == std::string::npos) throw_py("ValueError", "invalid regular expression " + pattern + ": unterminated group name");
        c->group_names.push_back(pattern.substr(i + 4, close - i - 4));
        out += '(';
        i = close;
        continue;
      }
      if (pattern.compare(i, 4, "(?P=") == 0) {
        size_t close = pattern.find(')', i);
        if (close == std::string::npos) throw_py("ValueError", "invalid regular expression " + pattern + ": unterminated group reference");
        std::string name = pattern.substr(i + 4, close - i - 4);
        for (size_t g = 1; g < c->group_names.size(); ++g)
          if (c->group_names[g] == name) out += "\\" + std::to_string(g);
        i = close;
        continue;
      }
      if (i + 1 >= pattern.size() || pattern[i + 1] != '?') c->group_names.push_back("");
    }
    if (flags & kVerbose) {
      if (std::isspace(static_cast<unsigned char>(ch))) continue;
      if (ch == '#') {
        while (i < pattern.size() && pattern[i] != '\n') ++i;
        continue;
      }
    }
    if (ch == '.' && (flags & kDotAll)) {
      out += "[\\s\\S]";
      continue;
    }
    out += ch;
  }
  auto syntax = std::regex::ECMAScript;
  if (flags & kIgnoreCase) syntax |= std::regex::icase;
  if (flags & kMultiline) syntax |= std::regex::multiline;
  try {
    c->regex = std::regex(out, syntax);
  } catch (const std::regex_error& e) {
    throw_py("ValueError", "invalid regular expression " + pattern + ": " + e.what());
  }
  return c;
}

class MatchObject : public HostObject {
 public:
  MatchObject(std::shared_ptr<Compiled> re, std::string subject, const std::smatch& m, size_t offset)
      : re_(std::move(re)), subject_(std::move(subject)) {
    for (size_t i = 0; i < m.size(); ++i) {
      if (m[i].matched) spans_.emplace_back(offset + m.position(i), offset + m.position(i) + m.length(i));
      else spans_.emplace_back(-1, -1);
    }
  }
  std::string type_name() const override { return "_sre.SRE_Match"; }

  Value group_value(Interpreter& in, const Value& which) {
    size_t g = index_of(in, which);
    auto [s, e] = spans_[g];
    if (s < 0) return Value();
    return Value::str(subject_.substr(s, e - s));
  }

  std::optional<Value> getattr(Interpreter&, std::string_view name) override {
    auto self = std::static_pointer_cast<MatchObject>(shared_from_this_value());
    std::string n(name);
    if (name == "group") {
      return Interpreter::make_native(n, [self](Interpreter& in, CallArgs& a) {
        if (a.positional.size() <= 1) return self->group_value(in, a.positional.empty() ? Value::integer(0) : a.positional[0]);
        std::vector<Value> out;
        for (const Value& w : a.positional) out.push_back(self->group_value(in, w));
        return make_tuple(std::move(out));
      });
    }
    if (name == "groups") {
      return Interpreter::make_native(n, [self](Interpreter& in, CallArgs& a) {
        std::vector<Value> out;
        for (size_t g = 1; g < self->spans_.size(); ++g) {
          Value v = self->group_value(in, Value::integer(static_cast<int64_t>(g)));
          out.push_back(v.is_none() && !a.positional.empty() ? a.positional[0] : v);
        }
        return make_tuple(std::move(out));
      });
    }
    if (name == "groupdict") {
      return Interpreter::make_native(n, [self](Interpreter& in, CallArgs&) {
        Value d = make_dict();
        for (size_t g = 1; g < self->re_->group_names.size() && g < self->spans_.size(); ++g) {
          if (self->re_->group_names[g].empty()) continue;
          d.as<DictObj>()->table.set(Value::str(self->re_->group_names[g]),
                                     self->group_value(in, Value::integer(static_cast<int64_t>(g))));
        }
        return d;
      });
    }
    if (name == "start" || name == "end" || name == "span") {
      return Interpreter::make_native(n, [self, n](Interpreter& in, CallArgs& a) {
        auto [s, e] = self->spans_[self->index_of(in, a.positional.empty() ? Value::integer(0) : a.positional[0])];
        if (n == "start") return Value::integer(s);
        if (n == "end") return Value::integer(e);
        return make_tuple({Value::integer(s), Value::integer(e)});
      });
    }
    if (name == "string") return Value::str(subject_);
    return std::nullopt;
  }

  std::vector<std::pair<int64_t, int64_t>> spans_;

 private:
  size_t index_of(Interpreter&, const Value& which) {
    if (which.is_intlike() && which.as_int() >= 0 && static_cast<size_t>(which.as_int()) < spans_.size())
      return static_cast<size_t>(which.as_int());
    if (which.is_str()) {
      for (size_t g = 1; g < re_->group_names.size(); ++g)
        if (re_->group_names[g] == which.as_str()) return g;
    }
    throw_py("IndexError", "no such group");
  }
  std::shared_ptr<Object> shared_from_this_value() { return self_.lock(); }

 public:
  std::weak_ptr<Object> self_;

 private:
  std::shared_ptr<Compiled> re_;
  std::string subject_;
};

Value make_match(const std::shared_ptr<Compiled>& re, const std::string& s, const std::smatch& m, size_t offset) {
  auto obj = std::make_shared<MatchObject>(re, s, m, offset);
  obj->self_ = obj;
  return Value::object(obj);
}

// std::regex matches recursively, so very long subjects could exhaust the stack.
constexpr size_t kMaxSubject = 20000;

void check_subject(const std::string& s) {
  if (s.size() > kMaxSubject) {
    throw_py("ValueError", "re: strings longer than " + std::to_string(kMaxSubject) +
                               " characters are not supported in configurations");
  }
}

Value do_search(const std::shared_ptr<Compiled>& re, const std::string& s, bool anchored, bool full) {
  check_subject(s);
  std::smatch m;
  auto flags = anchored ? std::regex_constants::match_continuous : std::regex_constants::match_default;
  if (!std::regex_search(s, m, re->regex, flags)) return Value();
  if (full && m.length(0) != static_cast<std::ptrdiff_t>(s.size())) return Value();
  return make_match(re, s, m, 0);
}

std::string expand_template(const std::string& repl, const std::smatch& m, const Compiled& re) {
  std::string out;
  for (size_t i = 0; i < repl.size(); ++i) {
    if (repl[i] != '\\' || i + 1 >= repl.size()) {
      out += repl[i];
      continue;
    }
    char n = repl[++i];
    if (std::isdigit(static_cast<unsigned char>(n))) {
      size_t g = static_cast<size_t>(n - '0');
      if (i + 1 < repl.size() && std::isdigit(static_cast<unsigned char>(repl[i + 1])) && g * 10 + (repl[i + 1] - '0') < m.size())
        g = g * 10 + static_cast<size_t>(repl[++i] - '0');
      if (g < m.size()) out += m[g].str();
    } else if (n == 'g' && i + 1 < repl.size() && repl[i + 1] == '<') {
      size_t close = repl.find('>', i);
      if (close == std::string::npos) throw_py("ValueError", "unterminated group name in replacement");
      std::string name = repl.substr(i + 2, close - i - 2);
      size_t g = 0;
      if (!name.empty() && std::isdigit(static_cast<unsigned char>(name[0]))) g = std::stoul(name);
      else
        for (size_t k = 1; k < re.group_names.size(); ++k)
          if (re.group_names[k] == name) g = k;
      if (g < m.size()) out += m[g].str();
      i = close;
    } else if (n == 'n') {
      out += '\n';
    } else if (n == 't') {
      out += '\t';
    } else if (n == '\\') {
      out += '\\';
    } else {
      out += '\\';
      out += n;
    }
  }
  return out;
}

Value do_sub(Interpreter& in, const std::shared_ptr<Compiled>& re, const Value& repl, const std::string& s, int64_t count) {
  check_subject(s);
  std::string out;
  auto begin = s.cbegin();
  int64_t done = 0;
  std::smatch m;
  auto flags = std::regex_constants::match_default;
  while ((count <= 0 || done < count) && std::regex_search(begin, s.cend(), m, re->regex, flags)) {
    out.append(begin, m[0].first);
    if (repl.is_str()) {
      out += expand_template(repl.as_str(), m, *re);
    } else {
      Value r = in.call(repl, CallArgs{{make_match(re, s, m, static_cast<size_t>(begin - s.cbegin()))}, {}, {}});
      out += in.str(r);
    }
    ++done;
    if (m[0].length() == 0) {
      if (m[0].second == s.cend()) {
        begin = s.cend();
        break;
      }
      out += *m[0].second;
      begin = m[0].second + 1;
    } else {
      begin = m[0].second;
    }
    flags = std::regex_constants::match_prev_avail;
  }
  out.append(begin, s.cend());
  return Value::str(std::move(out));
}

Value do_findall(const std::shared_ptr<Compiled>& re, const std::string& s) {
  check_subject(s);
  std::vector<Value> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re->regex); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (m.size() == 1) out.push_back(Value::str(m[0].str()));
    else if (m.size() == 2) out.push_back(Value::str(m[1].str()));
    else {
      std::vector<Value> groups;
      for (size_t g = 1; g < m.size(); ++g) groups.push_back(Value::str(m[g].str()));
      out.push_back(make_tuple(std::move(groups)));
    }
  }
  return make_list(std::move(out));
}

Value do_split(const std::shared_ptr<Compiled>& re, const std::string& s, int64_t maxsplit) {
  check_subject(s);
  std::vector<Value> out;
  size_t last = 0;
  int64_t done = 0;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re->regex); it != std::sregex_iterator(); ++it) {
    if (maxsplit > 0 && done >= maxsplit) break;
    const std::smatch& m = *it;
    if (m.length(0) == 0) continue;
    out.push_back(Value::str(s.substr(last, m.position(0) - last)));
    for (size_t g = 1; g < m.size(); ++g) out.push_back(m[g].matched ? Value::str(m[g].str()) : Value());
    last = m.position(0) + m.length(0);
    ++done;
  }
  out.push_back(Value::str(s.substr(last)));
  return make_list(std::move(out));
}

class PatternObject : public HostObject {
 public:
  explicit PatternObject(std::shared_ptr<Compiled> re) : re_(std::move(re)) {}
  std::string type_name() const override { return "_sre.SRE_Pattern"; }
  std::optional<Value> getattr(Interpreter&, std::string_view name) override {
    auto re = re_;
    std::string n(name);
    if (name == "pattern") return Value::str(re->pattern);
    if (name == "flags") return Value::integer(re->flags);
    if (name == "match" || name == "search" || name == "fullmatch") {
      return Interpreter::make_native(n, [re, n](Interpreter&, CallArgs& a) {
        expect_args(a, n.c_str(), 1, 1);
        return do_search(re, str_arg(a.positional[0], n.c_str()), n != "search", n == "fullmatch");
      });
    }
    if (name == "sub") {
      return Interpreter::make_native(n, [re](Interpreter& in, CallArgs& a) {
        expect_args(a, "sub", 2, 3);
        return do_sub(in, re, a.positional[0], str_arg(a.positional[1], "sub"),
                      int_arg(arg_or(a, 2, "count", Value::integer(0)), "sub"));
      });
    }
    if (name == "findall") {
      return Interpreter::make_native(n, [re](Interpreter&, CallArgs& a) {
        expect_args(a, "findall", 1, 1);
        return do_findall(re, str_arg(a.positional[0], "findall"));
      });
    }
    if (name == "split") {
      return Interpreter::make_native(n, [re](Interpreter&, CallArgs& a) {
        expect_args(a, "split", 1, 2);
        return do_split(re, str_arg(a.positional[0], "split"), int_arg(arg_or(a, 1, "maxsplit", Value::integer(0)), "split"));
      });
    }
    return std::nullopt;
  }

 private:
  std::shared_ptr<Compiled> re_;
};

std::shared_ptr<Compiled> pattern_arg(const Value& v, int64_t flags) {
  return compile(str_arg(v, "compile"), flags);
}

}  // namespace

Value make_re_module(Interpreter&) {
  std::vector<std::pair<std::string, Value>> a;
  for (auto [name, value] : {std::pair{"I", kIgnoreCase}, {"IGNORECASE", kIgnoreCase}, {"M", kMultiline},
                             {"MULTILINE", kMultiline}, {"S", kDotAll}, {"DOTALL", kDotAll},
                             {"X", kVerbose}, {"VERBOSE", kVerbose}}) {
    a.emplace_back(name, Value::integer(value));
  }
  auto flags_of = [](const CallArgs& c, size_t i) { return arg_or(c, i, "flags", Value::integer(0)).as_int(); };
  a.emplace_back("compile", Interpreter::make_native("compile", [flags_of](Interpreter&, CallArgs& c) {
    expect_args(c, "compile", 1, 2);
    return Value::object(std::make_shared<PatternObject>(pattern_arg(c.positional[0], flags_of(c, 1))));
  }));
  for (const char* fn : {"match", "search", "fullmatch"}) {
    std::string n = fn;
    a.emplace_back(fn, Interpreter::make_native(fn, [n, flags_of](Interpreter&, CallArgs& c) {
      expect_args(c, n.c_str(), 2, 3);
      return do_search(pattern_arg(c.positional[0], flags_of(c, 2)), str_arg(c.positional[1], n.c_str()),
                       n != "search", n == "fullmatch");
    }));
  }
  a.emplace_back("sub", Interpreter::make_native("sub", [flags_of](Interpreter& in, CallArgs& c) {
    expect_args(c, "sub", 3, 5);
    return do_sub(in, pattern_arg(c.positional[0], flags_of(c, 4)), c.positional[1],
                  str_arg(c.positional[2], "sub"), int_arg(arg_or(c, 3, "count", Value::integer(0)), "sub"));
  }));
  a.emplace_back("findall", Interpreter::make_native("findall", [flags_of](Interpreter&, CallArgs& c) {
    expect_args(c, "findall", 2, 3);
    return do_findall(pattern_arg(c.positional[0], flags_of(c, 2)), str_arg(c.positional[1], "findall"));
  }));
  a.emplace_back("split", Interpreter::make_native("split", [flags_of](Interpreter&, CallArgs& c) {
    expect_args(c, "split", 2, 4);
    return do_split(pattern_arg(c.positional[0], flags_of(c, 3)), str_arg(c.positional[1], "split"),
                    int_arg(arg_or(c, 2, "maxsplit", Value::integer(0)), "split"));
  }));
  a.emplace_back("escape", Interpreter::make_native("escape", [](Interpreter&, CallArgs& c) {
    expect_args(c, "escape", 1, 1);
    std::string out;
    for (char ch : str_arg(c.positional[0], "escape")) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') out += '\\';
      out += ch;
    }
    return Value::str(std::move(out));
  }));
  return Interpreter::make_module("re", std::move(a));
}

}  // namespace aurora::config::lang
