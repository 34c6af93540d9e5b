// The builtin functions a configuration can call (Python 2 behaviour: map/filter/zip/range are lists).

#include "config/lang/builtins.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/number_format.hpp"
#include "config/lang/string_format.hpp"

namespace aurora::config::lang {

void install_type_builtins(Interpreter& in);  // builtins_types.cpp

void expect_args(const CallArgs& args, const char* fname, size_t min, size_t max) {
  size_t n = args.positional.size();
  if (n >= min && n <= max) return;
  std::string how = min == max ? "exactly" : n < min ? "at least" : "at most";
  size_t count = n < min ? min : max;
  throw_py("TypeError", std::string(fname) + "() takes " + how + " " + std::to_string(count) +
                            " argument" + (count == 1 ? "" : "s") + " (" + std::to_string(n) +
                            " given)");
}

const Value& arg_or(const CallArgs& args, size_t i, const char* keyword, const Value& fallback) {
  if (i < args.positional.size()) return args.positional[i];
  for (const auto& [k, v] : args.keywords)
    if (k == keyword) return v;
  return fallback;
}

int64_t int_arg(const Value& v, const char* fname) {
  if (!v.is_intlike()) {
    if (v.is_float()) throw_py("TypeError", std::string(fname) + "() integer argument expected, got float");
    throw_py("TypeError", std::string(fname) + "() expected an integer, got " + type_name(v));
  }
  return v.as_int();
}

const std::string& str_arg(const Value& v, const char* fname) {
  if (!v.is_str()) throw_py("TypeError", std::string(fname) + "() argument must be string, not " + type_name(v));
  return v.as_str();
}

namespace {

std::vector<Value> range_values(Interpreter& in, CallArgs& args, const char* fname) {
  expect_args(args, fname, 1, 3);
  int64_t start = 0, stop, step = 1;
  if (args.positional.size() == 1) {
    stop = int_arg(args.positional[0], fname);
  } else {
    start = int_arg(args.positional[0], fname);
    stop = int_arg(args.positional[1], fname);
    if (args.positional.size() == 3) step = int_arg(args.positional[2], fname);
  }
  if (step == 0) throw_py("ValueError", std::string(fname) + "() step argument must not be zero");
  std::vector<Value> out;
  double count = std::ceil((static_cast<double>(stop) - static_cast<double>(start)) / static_cast<double>(step));
  if (count > 0) {
    in.check_size(static_cast<size_t>(count));
    out.reserve(static_cast<size_t>(count));
  }
  if (step > 0)
    for (int64_t i = start; i < stop; i += step) out.push_back(Value::integer(i));
  else
    for (int64_t i = start; i > stop; i += step) out.push_back(Value::integer(i));
  return out;
}

Value min_max(Interpreter& in, CallArgs& args, bool want_max) {
  const char* fname = want_max ? "max" : "min";
  if (args.positional.empty()) expect_args(args, fname, 1, 1);
  std::vector<Value> items =
      args.positional.size() == 1 ? in.iterate(args.positional[0]) : args.positional;
  if (items.empty()) throw_py("ValueError", std::string(fname) + "() arg is an empty sequence");
  Value key = arg_or(args, 99, "key", Value());
  Value best = items[0];
  Value best_key = key.is_none() ? best : in.call(key, CallArgs{{best}, {}, {}});
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = key.is_none() ? items[i] : in.call(key, CallArgs{{items[i]}, {}, {}});
    if (want_max ? in.less(best_key, k) : in.less(k, best_key)) {
      best = items[i];
      best_key = k;
    }
  }
  return best;
}

Value builtin_sorted(Interpreter& in, CallArgs& args) {
  expect_args(args, "sorted", 1, 4);
  std::vector<Value> items = in.iterate(args.positional[0]);
  Value cmp = arg_or(args, 1, "cmp", Value());
  Value key = arg_or(args, 2, "key", Value());
  bool reverse = in.truthy(arg_or(args, 3, "reverse", Value::boolean(false)));
  std::vector<std::pair<Value, Value>> keyed;
  keyed.reserve(items.size());
  for (const Value& v : items) keyed.emplace_back(key.is_none() ? v : in.call(key, CallArgs{{v}, {}, {}}), v);
  auto before = [&](const Value& a, const Value& b) {
    if (!cmp.is_none()) {
      Value r = in.call(cmp, CallArgs{{a, b}, {}, {}});
      return r.is_intlike() ? r.as_int() < 0 : r.as_float() < 0;
    }
    return in.less(a, b);
  };
  // Python sorts reverse=True stably by reversing around an ascending stable sort.
  if (reverse) std::reverse(keyed.begin(), keyed.end());
  std::stable_sort(keyed.begin(), keyed.end(),
                   [&](const auto& a, const auto& b) { return before(a.first, b.first); });
  if (reverse) std::reverse(keyed.begin(), keyed.end());
  std::vector<Value> out;
  out.reserve(keyed.size());
  for (auto& kv : keyed) out.push_back(std::move(kv.second));
  return make_list(std::move(out));
}

Value builtin_map(Interpreter& in, CallArgs& args) {
  if (args.positional.size() < 2) throw_py("TypeError", "map() requires at least two args");
  const Value& f = args.positional[0];
  std::vector<std::vector<Value>> seqs;
  size_t longest = 0;
  for (size_t i = 1; i < args.positional.size(); ++i) {
    seqs.push_back(in.iterate(args.positional[i]));
    longest = std::max(longest, seqs.back().size());
  }
  std::vector<Value> out;
  out.reserve(longest);
  for (size_t i = 0; i < longest; ++i) {
    CallArgs call_args;
    for (const auto& s : seqs) call_args.positional.push_back(i < s.size() ? s[i] : Value());
    if (f.is_none()) {
      out.push_back(seqs.size() == 1 ? call_args.positional[0] : make_tuple(std::move(call_args.positional)));
    } else {
      out.push_back(in.call(f, std::move(call_args)));
    }
  }
  return make_list(std::move(out));
}

Value builtin_filter(Interpreter& in, CallArgs& args) {
  expect_args(args, "filter", 2, 2);
  const Value& f = args.positional[0];
  const Value& seq = args.positional[1];
  auto keep = [&](const Value& v) { return in.truthy(f.is_none() ? v : in.call(f, CallArgs{{v}, {}, {}})); };
  if (seq.is_str()) {
    std::string out;
    for (char c : seq.as_str())
      if (keep(Value::str(std::string(1, c)))) out += c;
    return Value::str(std::move(out));
  }
  std::vector<Value> out;
  for (const Value& v : in.iterate(seq))
    if (keep(v)) out.push_back(v);
  return seq.is(Type::Tuple) ? make_tuple(std::move(out)) : make_list(std::move(out));
}

Value builtin_zip(Interpreter& in, CallArgs& args) {
  std::vector<std::vector<Value>> seqs;
  size_t shortest = SIZE_MAX;
  for (const Value& v : args.positional) {
    seqs.push_back(in.iterate(v));
    shortest = std::min(shortest, seqs.back().size());
  }
  std::vector<Value> out;
  if (seqs.empty()) return make_list();
  for (size_t i = 0; i < shortest; ++i) {
    std::vector<Value> row;
    for (const auto& s : seqs) row.push_back(s[i]);
    out.push_back(make_tuple(std::move(row)));
  }
  return make_list(std::move(out));
}

Value builtin_sum(Interpreter& in, CallArgs& args) {
  expect_args(args, "sum", 1, 2);
  Value total = arg_or(args, 1, "start", Value::integer(0));
  if (total.is_str()) throw_py("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
  for (const Value& v : in.iterate(args.positional[0])) total = in.binary(Op::Add, total, v);
  return total;
}

Value builtin_round(Interpreter&, CallArgs& args) {
  expect_args(args, "round", 1, 2);
  const Value& x = args.positional[0];
  if (!x.is_number()) throw_py("TypeError", "a float is required");
  int64_t digits = args.positional.size() > 1 ? int_arg(args.positional[1], "round") : 0;
  double d = x.as_float();
  if (!std::isfinite(d)) return Value::real(d);
  if (digits == 0) return Value::real(std::round(d));
  if (digits > 0 && digits < 20) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(digits), d);
    return Value::real(std::strtod(buf, nullptr));
  }
  double scale = std::pow(10.0, static_cast<double>(-digits));
  return Value::real(std::round(d / scale) * scale);
}

Value builtin_open(Interpreter& in, CallArgs& args) {
  expect_args(args, "open", 1, 3);
  const std::string& path = str_arg(args.positional[0], "open");
  Value mode = arg_or(args, 1, "mode", Value::str("r"));
  if (!mode.is_str() || mode.as_str().find_first_of("wax+") != std::string::npos) {
    throw_py("IOError", "open(): only reading is allowed in configurations (mode '" +
                            (mode.is_str() ? mode.as_str() : std::string("?")) + "')");
  }
  std::string dir = in.current_directory();
  std::string resolved = (path.empty() || path[0] == '/' || dir.empty()) ? path : dir + "/" + path;
  std::optional<std::string> content = in.read_file(resolved);
  if (!content) throw_py("IOError", "[Errno 2] No such file or directory: '" + path + "'");
  in.check_size(content->size());
  auto f = std::make_shared<FileObj>();
  f->name = path;
  f->content = std::move(*content);
  return Value::object(f);
}

Value builtin_print(Interpreter& in, CallArgs& args) {
  Value sep = arg_or(args, 999, "sep", Value());
  Value end = arg_or(args, 999, "end", Value());
  Value file = arg_or(args, 999, "file", Value());
  std::string text;
  for (size_t i = 0; i < args.positional.size(); ++i) {
    if (i) text += sep.is_none() ? " " : in.str(sep);
    text += in.str(args.positional[i]);
  }
  text += end.is_none() ? "\n" : in.str(end);
  if (file.is_none()) {
    in.options().out(text);
  } else {
    CallArgs write_args;
    write_args.positional.push_back(Value::str(text));
    in.call(in.getattr(file, "write"), std::move(write_args));
  }
  return Value();
}

Value builtin_reduce(Interpreter& in, CallArgs& args) {
  expect_args(args, "reduce", 2, 3);
  std::vector<Value> items = in.iterate(args.positional[1]);
  size_t i = 0;
  Value acc;
  if (args.positional.size() == 3) {
    acc = args.positional[2];
  } else {
    if (items.empty()) throw_py("TypeError", "reduce() of empty sequence with no initial value");
    acc = items[i++];
  }
  for (; i < items.size(); ++i) acc = in.call(args.positional[0], CallArgs{{acc, items[i]}, {}, {}});
  return acc;
}

void unsupported(Interpreter& in, const char* name) {
  in.define_native(name, [name](Interpreter&, CallArgs&) -> Value {
    throw_py("NotImplementedError",
             std::string(name) + "() is not supported: configurations are evaluated hermetically");
  });
}

}  // namespace

void install_builtins(Interpreter& in) {
  auto def = [&](const char* name, NativeFn fn) {
    in.builtins_[name] = Interpreter::make_native(name, std::move(fn));
  };
  def("len", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "len", 1, 1);
    return Value::integer(in.len(a.positional[0]));
  });
  def("range", [](Interpreter& in, CallArgs& a) { return make_list(range_values(in, a, "range")); });
  def("xrange", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "xrange", 1, 3);
    int64_t start = 0, stop, step = 1;
    if (a.positional.size() == 1) {
      stop = int_arg(a.positional[0], "xrange");
    } else {
      start = int_arg(a.positional[0], "xrange");
      stop = int_arg(a.positional[1], "xrange");
      if (a.positional.size() == 3) step = int_arg(a.positional[2], "xrange");
    }
    if (step == 0) throw_py("ValueError", "xrange() arg 3 must not be zero");
    auto it = std::make_shared<IteratorObj>();
    auto cur = std::make_shared<int64_t>(start);
    it->next = [cur, stop, step]() -> std::optional<Value> {
      if (step > 0 ? *cur >= stop : *cur <= stop) return std::nullopt;
      int64_t v = *cur;
      *cur += step;
      return Value::integer(v);
    };
    (void)in;
    return Value::object(it);
  });
  def("map", builtin_map);
  def("filter", builtin_filter);
  def("zip", builtin_zip);
  def("sorted", builtin_sorted);
  def("sum", builtin_sum);
  def("round", builtin_round);
  def("open", builtin_open);
  def("print", builtin_print);
  def("reduce", builtin_reduce);
  def("min", [](Interpreter& in, CallArgs& a) { return min_max(in, a, false); });
  def("max", [](Interpreter& in, CallArgs& a) { return min_max(in, a, true); });
  def("enumerate", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "enumerate", 1, 2);
    int64_t i = int_arg(arg_or(a, 1, "start", Value::integer(0)), "enumerate");
    std::vector<Value> out;
    for (const Value& v : in.iterate(a.positional[0])) out.push_back(make_tuple({Value::integer(i++), v}));
    return make_iterator(std::move(out));
  });
  def("reversed", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "reversed", 1, 1);
    std::vector<Value> items = in.iterate(a.positional[0]);
    std::reverse(items.begin(), items.end());
    return make_iterator(std::move(items));
  });
  def("iter", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "iter", 1, 1);
    if (a.positional[0].is(Type::Iterator)) return a.positional[0];
    return make_iterator(in.iterate(a.positional[0]));
  });
  def("next", [](Interpreter&, CallArgs& a) {
    expect_args(a, "next", 1, 2);
    if (!a.positional[0].is(Type::Iterator))
      throw_py("TypeError", type_name(a.positional[0]) + " object is not an iterator");
    if (auto v = a.positional[0].as<IteratorObj>()->next()) return *v;
    if (a.positional.size() == 2) return a.positional[1];
    throw_py("StopIteration", "");
  });
  def("any", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "any", 1, 1);
    bool r = false;
    in.for_each(a.positional[0], [&](const Value& v) { return !(r = in.truthy(v)); });
    return Value::boolean(r);
  });
  def("all", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "all", 1, 1);
    bool r = true;
    in.for_each(a.positional[0], [&](const Value& v) { return (r = in.truthy(v)); });
    return Value::boolean(r);
  });
  def("abs", [](Interpreter&, CallArgs& a) {
    expect_args(a, "abs", 1, 1);
    const Value& v = a.positional[0];
    if (v.is_intlike()) {
      if (v.as_int() == INT64_MIN) throw_py("OverflowError", "integer overflow (integers are 64-bit)");
      return Value::integer(v.as_int() < 0 ? -v.as_int() : v.as_int());
    }
    if (v.is_float()) return Value::real(std::fabs(v.as_float()));
    throw_py("TypeError", "bad operand type for abs(): '" + type_name(v) + "'");
  });
  def("isinstance", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "isinstance", 2, 2);
    return Value::boolean(in.isinstance(a.positional[0], a.positional[1]));
  });
  def("issubclass", [](Interpreter&, CallArgs& a) {
    expect_args(a, "issubclass", 2, 2);
    const Value& c = a.positional[0];
    const Value& base = a.positional[1];
    if (!c.is(Type::Class) || !base.is(Type::Class)) {
      throw_py("TypeError", "issubclass() arg 1 must be a class");
    }
    return Value::boolean(c.as<ClassObj>()->is_subclass_of(base.as<ClassObj>()));
  });
  def("getattr", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "getattr", 2, 3);
    const std::string& name = str_arg(a.positional[1], "getattr");
    if (a.positional.size() == 3) {
      if (auto v = in.try_getattr(a.positional[0], name)) return *v;
      return a.positional[2];
    }
    return in.getattr(a.positional[0], name);
  });
  def("hasattr", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "hasattr", 2, 2);
    try {
      return Value::boolean(in.try_getattr(a.positional[0], str_arg(a.positional[1], "hasattr")).has_value());
    } catch (PyException&) {
      return Value::boolean(false);
    }
  });
  def("setattr", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "setattr", 3, 3);
    in.setattr(a.positional[0], str_arg(a.positional[1], "setattr"), a.positional[2]);
    return Value();
  });
  def("repr", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "repr", 1, 1);
    return Value::str(in.repr(a.positional[0]));
  });
  def("id", [](Interpreter&, CallArgs& a) {
    expect_args(a, "id", 1, 1);
    const Value& v = a.positional[0];
    return Value::integer(v.object_ptr() ? static_cast<int64_t>(reinterpret_cast<intptr_t>(v.object_ptr()))
                                         : static_cast<int64_t>(hash_value(v) & 0x7fffffff));
  });
  def("hash", [](Interpreter&, CallArgs& a) {
    expect_args(a, "hash", 1, 1);
    return Value::integer(static_cast<int64_t>(hash_value(a.positional[0]) >> 1));
  });
  def("callable", [](Interpreter&, CallArgs& a) {
    expect_args(a, "callable", 1, 1);
    Type t = a.positional[0].type();
    return Value::boolean(t == Type::Function || t == Type::Builtin || t == Type::Class ||
                          t == Type::BoundMethod || t == Type::Host);
  });
  def("cmp", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "cmp", 2, 2);
    if (in.less(a.positional[0], a.positional[1])) return Value::integer(-1);
    return Value::integer(in.less(a.positional[1], a.positional[0]) ? 1 : 0);
  });
  def("format", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "format", 1, 2);
    std::string spec = a.positional.size() > 1 ? str_arg(a.positional[1], "format") : "";
    return Value::str(format_with_spec(in, a.positional[0], spec));
  });
  for (const auto& [name, cls] : builtin_exception_classes()) in.builtins_[name] = cls;
  install_type_builtins(in);
  for (const char* name : {"eval", "exec", "execfile", "compile", "__import__", "input", "raw_input",
                           "reload", "globals", "locals", "vars", "dir", "exit", "quit"}) {
    unsupported(in, name);
    in.builtins_[name] = *in.get_global(name);
    in.globals_->vars.erase(name);
  }
}

}  // namespace aurora::config::lang
