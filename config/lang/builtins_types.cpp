// The builtin types as callables (int, str, list, dict, ...) and type(); also conversions.

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/number_format.hpp"

namespace aurora::config::lang {

Value float_to_integer(double d) {
  if (!std::isfinite(d)) throw_py(std::isnan(d) ? "ValueError" : "OverflowError", "cannot convert float " + float_repr(d) + " to integer");
  if (std::fabs(d) >= 9.2233720368547758e18) throw_py("OverflowError", "integer overflow (integers are 64-bit)");
  return Value::integer(static_cast<int64_t>(d));
}

namespace {

std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\n\r\f\v");
  return s.substr(b, e - b + 1);
}

Value parse_int(const std::string& text, int64_t base) {
  std::string s = strip(text);
  std::string body = s;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body = body.substr(1);
  }
  if (body.size() > 1 && body.back() == 'L') body.pop_back();
  int b = static_cast<int>(base);
  if ((b == 16 || b == 0) && body.size() > 2 && body[0] == '0' && (body[1] | 0x20) == 'x') {
    body = body.substr(2);
    b = 16;
  } else if ((b == 8 || b == 0) && body.size() > 2 && body[0] == '0' && (body[1] | 0x20) == 'o') {
    body = body.substr(2);
    b = 8;
  } else if ((b == 2 || b == 0) && body.size() > 2 && body[0] == '0' && (body[1] | 0x20) == 'b') {
    body = body.substr(2);
    b = 2;
  } else if (b == 0) {
    b = body.size() > 1 && body[0] == '0' ? 8 : 10;
  }
  auto invalid = [&]() -> Value {
    throw_py("ValueError", "invalid literal for int() with base " + std::to_string(base) + ": " +
                               string_repr(text));
  };
  if (body.empty()) return invalid();
  int64_t value = 0;
  for (char c : body) {
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : std::isalpha(static_cast<unsigned char>(c)) ? (c | 0x20) - 'a' + 10
                                                          : 99;
    if (d >= b) return invalid();
    if (__builtin_mul_overflow(value, b, &value) || __builtin_add_overflow(value, d, &value)) {
      throw_py("OverflowError", "integer overflow (integers are 64-bit)");
    }
  }
  return Value::integer(negative ? -value : value);
}

Value to_int(Interpreter& in, CallArgs& a) {
  expect_args(a, "int", 0, 2);
  if (a.positional.empty()) return Value::integer(0);
  const Value& v = a.positional[0];
  if (a.positional.size() == 2) {
    if (!v.is_str()) throw_py("TypeError", "int() can't convert non-string with explicit base");
    return parse_int(v.as_str(), int_arg(a.positional[1], "int"));
  }
  if (v.is_intlike()) return Value::integer(v.as_int());
  if (v.is_float()) return float_to_integer(v.as_float());
  if (v.is_str()) return parse_int(v.as_str(), 10);
  if (v.is(Type::Instance)) {
    if (auto m = in.try_getattr(v, "__int__")) return in.call(*m, {});
  }
  throw_py("TypeError", "int() argument must be a string or a number, not '" + type_name(v) + "'");
}

Value to_float(Interpreter&, CallArgs& a) {
  expect_args(a, "float", 0, 1);
  if (a.positional.empty()) return Value::real(0);
  const Value& v = a.positional[0];
  if (v.is_number()) return Value::real(v.as_float());
  if (v.is_str()) {
    std::string s = strip(v.as_str());
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string unsigned_part = lower.empty() || (lower[0] != '+' && lower[0] != '-') ? lower : lower.substr(1);
    if (unsigned_part == "inf" || unsigned_part == "infinity" || unsigned_part == "nan") {
      double d = unsigned_part == "nan" ? NAN : INFINITY;
      return Value::real(lower[0] == '-' ? -d : d);
    }
    bool ok = !s.empty();
    for (char c : s)
      if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' ||
            c == '+' || c == '-'))
        ok = false;
    char* end = nullptr;
    double d = ok ? std::strtod(s.c_str(), &end) : 0;
    if (!ok || end != s.c_str() + s.size()) {
      throw_py("ValueError", "could not convert string to float: " + v.as_str());
    }
    return Value::real(d);
  }
  throw_py("TypeError", "float() argument must be a string or a number");
}

Value to_dict(Interpreter& in, CallArgs& a) {
  expect_args(a, "dict", 0, 1);
  Value d = make_dict();
  auto& table = d.as<DictObj>()->table;
  if (!a.positional.empty()) {
    const Value& src = a.positional[0];
    if (src.is(Type::Dict)) {
      src.as<DictObj>()->table.each([&](const Value& k, const Value& v) { table.set(k, v); });
    } else {
      int64_t index = 0;
      in.for_each(src, [&](const Value& pair) {
        std::vector<Value> kv = in.iterate(pair);
        if (kv.size() != 2) {
          throw_py("ValueError", "dictionary update sequence element #" + std::to_string(index) +
                                     " has length " + std::to_string(kv.size()) + "; 2 is required");
        }
        table.set(kv[0], kv[1]);
        ++index;
        return true;
      });
    }
  }
  for (auto& [k, v] : a.keywords) table.set(Value::str(k), v);
  return d;
}

Value to_set(Interpreter& in, CallArgs& a, bool frozen) {
  expect_args(a, frozen ? "frozenset" : "set", 0, 1);
  Value s = make_set();
  s.as<SetObj>()->frozen = frozen;
  if (!a.positional.empty()) {
    in.for_each(a.positional[0], [&](const Value& v) {
      s.as<SetObj>()->table.set(v, Value());
      return true;
    });
  }
  return s;
}

}  // namespace

void install_type_builtins(Interpreter& in) {
  auto def = [&](const char* name, NativeFn fn) {
    in.builtins_[name] = Interpreter::make_native(name, std::move(fn));
  };
  def("int", to_int);
  def("long", to_int);
  def("float", to_float);
  auto to_str = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "str", 0, 1);
    return a.positional.empty() ? Value::str("") : (a.positional[0].is_str() ? a.positional[0] : Value::str(in.str(a.positional[0])));
  };
  def("str", to_str);
  def("unicode", to_str);
  def("basestring", [](Interpreter&, CallArgs&) -> Value {
    throw_py("TypeError", "The basestring type cannot be instantiated");
  });
  def("bool", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "bool", 0, 1);
    return Value::boolean(!a.positional.empty() && in.truthy(a.positional[0]));
  });
  def("list", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "list", 0, 1);
    return make_list(a.positional.empty() ? std::vector<Value>{} : in.iterate(a.positional[0]));
  });
  def("tuple", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "tuple", 0, 1);
    if (!a.positional.empty() && a.positional[0].is(Type::Tuple)) return a.positional[0];
    return make_tuple(a.positional.empty() ? std::vector<Value>{} : in.iterate(a.positional[0]));
  });
  def("dict", to_dict);
  def("set", [](Interpreter& in, CallArgs& a) { return to_set(in, a, false); });
  def("frozenset", [](Interpreter& in, CallArgs& a) { return to_set(in, a, true); });
  def("object", [](Interpreter&, CallArgs&) {
    auto cls = std::make_shared<ClassObj>();
    cls->name = "object";
    auto inst = std::make_shared<InstanceObj>();
    inst->cls = cls;
    return Value::object(inst);
  });
  def("type", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "type", 1, 1);
    const Value& v = a.positional[0];
    if (v.is(Type::Instance)) return Value::object(v.as<InstanceObj>()->cls);
    std::string name = type_name(v);
    if (name == "NoneType" || v.is(Type::Host)) return Value::str(name);
    auto it = in.builtins_.find(name);
    if (it != in.builtins_.end()) return it->second;
    return Interpreter::make_native(name, [name](Interpreter&, CallArgs&) -> Value {
      throw_py("TypeError", "cannot create '" + name + "' instances");
    });
  });
  def("chr", [](Interpreter&, CallArgs& a) {
    expect_args(a, "chr", 1, 1);
    int64_t c = int_arg(a.positional[0], "chr");
    if (c < 0 || c > 255) throw_py("ValueError", "chr() arg not in range(256)");
    return Value::str(std::string(1, static_cast<char>(c)));
  });
  def("ord", [](Interpreter&, CallArgs& a) {
    expect_args(a, "ord", 1, 1);
    const std::string& s = str_arg(a.positional[0], "ord");
    if (s.size() != 1) {
      throw_py("TypeError", "ord() expected a character, but string of length " + std::to_string(s.size()) + " found");
    }
    return Value::integer(static_cast<unsigned char>(s[0]));
  });
  auto radix = [](int64_t v, int base, const char* prefix) {
    bool neg = v < 0;
    uint64_t u = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    std::string digits;
    do {
      digits.insert(digits.begin(), "0123456789abcdef"[u % base]);
      u /= base;
    } while (u);
    if (base == 8 && digits == "0") return std::string("0");
    return (neg ? "-" : "") + std::string(prefix) + digits;
  };
  def("hex", [radix](Interpreter&, CallArgs& a) {
    expect_args(a, "hex", 1, 1);
    return Value::str(radix(int_arg(a.positional[0], "hex"), 16, "0x"));
  });
  def("oct", [radix](Interpreter&, CallArgs& a) {
    expect_args(a, "oct", 1, 1);
    return Value::str(radix(int_arg(a.positional[0], "oct"), 8, "0"));
  });
  def("bin", [radix](Interpreter&, CallArgs& a) {
    expect_args(a, "bin", 1, 1);
    return Value::str(radix(int_arg(a.positional[0], "bin"), 2, "0b"));
  });
  def("divmod", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "divmod", 2, 2);
    return make_tuple({in.binary(Op::FloorDiv, a.positional[0], a.positional[1]),
                       in.binary(Op::Mod, a.positional[0], a.positional[1])});
  });
  def("pow", [](Interpreter& in, CallArgs& a) {
    expect_args(a, "pow", 2, 3);
    Value r = in.binary(Op::Pow, a.positional[0], a.positional[1]);
    if (a.positional.size() == 3) r = in.binary(Op::Mod, r, a.positional[2]);
    return r;
  });
}

const MethodTable* methods_for(Type t) {
  switch (t) {
    case Type::Str: return &str_methods();
    case Type::List: return &list_methods();
    case Type::Tuple: return &tuple_methods();
    case Type::Dict: return &dict_methods();
    case Type::Set: return &set_methods();
    case Type::File: return &file_methods();
    default: return nullptr;
  }
}

}  // namespace aurora::config::lang
