// Arithmetic, comparison and identity with Python 2 semantics on 64-bit ints.

#include <cmath>

#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/stack_guard.hpp"
#include "config/lang/string_format.hpp"

namespace aurora::config::lang {
namespace {

const char* dunder(Op op) {
  switch (op) {
    case Op::Add: return "__add__";
    case Op::Sub: return "__sub__";
    case Op::Mul: return "__mul__";
    case Op::Div: return "__div__";
    case Op::FloorDiv: return "__floordiv__";
    case Op::Mod: return "__mod__";
    case Op::Pow: return "__pow__";
    default: return nullptr;
  }
}

[[noreturn]] void unsupported(Op op, const Value& a, const Value& b) {
  if (op == Op::Add && (a.is(Type::List) || a.is(Type::Tuple))) {
    throw_py("TypeError", "can only concatenate " + type_name(a) + " (not \"" + type_name(b) + "\") to " + type_name(a));
  }
  if (op == Op::Add && a.is_str()) {
    throw_py("TypeError", "cannot concatenate 'str' and '" + type_name(b) + "' objects");
  }
  throw_py("TypeError", std::string("unsupported operand type(s) for ") + op_symbol(op) + ": '" +
                            type_name(a) + "' and '" + type_name(b) + "'");
}

[[noreturn]] void overflow() { throw_py("OverflowError", "integer overflow (integers are 64-bit)"); }

int64_t floor_div(int64_t a, int64_t b) {
  if (b == 0) throw_py("ZeroDivisionError", "integer division or modulo by zero");
  if (a == INT64_MIN && b == -1) overflow();
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t floor_mod(int64_t a, int64_t b) {
  if (b == 0) throw_py("ZeroDivisionError", "integer division or modulo by zero");
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

double float_mod(double a, double b) {
  if (b == 0) throw_py("ZeroDivisionError", "float modulo");
  double r = std::fmod(a, b);
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

Value int_pow(Interpreter&, int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0) throw_py("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return Value::real(std::pow(static_cast<double>(base), static_cast<double>(exp)));
  }
  int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, base, &result)) overflow();
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
  }
  return Value::integer(result);
}

template <class Seq>
Value repeat(Interpreter& in, const Seq& items, int64_t n, bool tuple) {
  std::vector<Value> out;
  if (n > 0) {
    size_t total = 0;
    if (__builtin_mul_overflow(items.size(), static_cast<size_t>(n), &total)) total = SIZE_MAX;
    in.check_size(total);
    out.reserve(items.size() * static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  }
  return tuple ? make_tuple(std::move(out)) : make_list(std::move(out));
}

Value sequence_binary(Interpreter& in, Op op, const Value& a, const Value& b) {
  if (op == Op::Add) {
    if (a.is_str() && b.is_str()) {
      in.check_size(a.as_str().size() + b.as_str().size());
      return Value::str(a.as_str() + b.as_str());
    }
    if (a.is(Type::List) && b.is(Type::List)) {
      std::vector<Value> out = a.as<ListObj>()->items;
      const auto& more = b.as<ListObj>()->items;
      in.check_size(out.size() + more.size());
      out.insert(out.end(), more.begin(), more.end());
      return make_list(std::move(out));
    }
    if (a.is(Type::Tuple) && b.is(Type::Tuple)) {
      std::vector<Value> out = a.as<TupleObj>()->items;
      const auto& more = b.as<TupleObj>()->items;
      out.insert(out.end(), more.begin(), more.end());
      return make_tuple(std::move(out));
    }
  }
  if (op == Op::Mul) {
    const Value& seq = a.is_intlike() ? b : a;
    const Value& count = a.is_intlike() ? a : b;
    if (count.is_intlike()) {
      int64_t n = count.as_int();
      if (seq.is_str()) {
        std::string out;
        if (n > 0) {
          size_t total = 0;
          if (__builtin_mul_overflow(seq.as_str().size(), static_cast<size_t>(n), &total)) total = SIZE_MAX;
          in.check_size(total);
          out.reserve(seq.as_str().size() * static_cast<size_t>(n));
          for (int64_t i = 0; i < n; ++i) out += seq.as_str();
        }
        return Value::str(std::move(out));
      }
      if (seq.is(Type::List)) return repeat(in, seq.as<ListObj>()->items, n, false);
      if (seq.is(Type::Tuple)) return repeat(in, seq.as<TupleObj>()->items, n, true);
    }
  }
  if (a.is(Type::Set) && b.is(Type::Set)) {
    const auto& x = a.as<SetObj>()->table;
    const auto& y = b.as<SetObj>()->table;
    Value out = make_set();
    auto& t = out.as<SetObj>()->table;
    switch (op) {
      case Op::BitOr:
        x.each([&](const Value& k, const Value&) { t.set(k, Value()); });
        y.each([&](const Value& k, const Value&) { t.set(k, Value()); });
        return out;
      case Op::BitAnd:
        x.each([&](const Value& k, const Value&) { if (y.find(k)) t.set(k, Value()); });
        return out;
      case Op::Sub:
        x.each([&](const Value& k, const Value&) { if (!y.find(k)) t.set(k, Value()); });
        return out;
      case Op::BitXor:
        x.each([&](const Value& k, const Value&) { if (!y.find(k)) t.set(k, Value()); });
        y.each([&](const Value& k, const Value&) { if (!x.find(k)) t.set(k, Value()); });
        return out;
      default:
        break;
    }
  }
  return Value::none();
}

}  // namespace

const char* op_symbol(Op op) {
  static const char* names[] = {"+",  "-",  "*",  "/",  "//", "%",      "**",     "<<", ">>", "&",
                                "|",  "^",  "<",  "<=", ">",  ">=",     "==",     "!=", "in", "not in",
                                "is", "is not", "-", "+", "~", "not", "and", "or"};
  return names[static_cast<int>(op)];
}

Value Interpreter::binary(Op op, const Value& a, const Value& b) {
  if (a.is_intlike() && b.is_intlike()) {
    int64_t x = a.as_int(), y = b.as_int(), r = 0;
    switch (op) {
      case Op::Add: if (__builtin_add_overflow(x, y, &r)) overflow(); return Value::integer(r);
      case Op::Sub: if (__builtin_sub_overflow(x, y, &r)) overflow(); return Value::integer(r);
      case Op::Mul: if (__builtin_mul_overflow(x, y, &r)) overflow(); return Value::integer(r);
      case Op::Div:
        if (!frames_.empty() && frame().unit && frame().unit->true_division) {
          if (y == 0) throw_py("ZeroDivisionError", "division by zero");
          return Value::real(static_cast<double>(x) / static_cast<double>(y));
        }
        return Value::integer(floor_div(x, y));
      case Op::FloorDiv: return Value::integer(floor_div(x, y));
      case Op::Mod: return Value::integer(floor_mod(x, y));
      case Op::Pow: return int_pow(*this, x, y);
      case Op::LShift:
        if (y < 0) throw_py("ValueError", "negative shift count");
        if (y >= 63 || (x != 0 && (x > (INT64_MAX >> y) || x < (INT64_MIN >> y)))) {
          if (x == 0) return Value::integer(0);
          overflow();
        }
        return Value::integer(x << y);
      case Op::RShift:
        if (y < 0) throw_py("ValueError", "negative shift count");
        return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
      case Op::BitAnd: return a.is_bool() && b.is_bool() ? Value::boolean(x & y) : Value::integer(x & y);
      case Op::BitOr: return a.is_bool() && b.is_bool() ? Value::boolean(x | y) : Value::integer(x | y);
      case Op::BitXor: return a.is_bool() && b.is_bool() ? Value::boolean(x ^ y) : Value::integer(x ^ y);
      default: break;
    }
  }
  if (a.is_number() && b.is_number()) {
    double x = a.as_float(), y = b.as_float();
    switch (op) {
      case Op::Add: return Value::real(x + y);
      case Op::Sub: return Value::real(x - y);
      case Op::Mul: return Value::real(x * y);
      case Op::Div:
        if (y == 0) throw_py("ZeroDivisionError", "float division by zero");
        return Value::real(x / y);
      case Op::FloorDiv:
        if (y == 0) throw_py("ZeroDivisionError", "float divmod()");
        return Value::real(std::floor(x / y));
      case Op::Mod: return Value::real(float_mod(x, y));
      case Op::Pow:
        if (x == 0 && y < 0) throw_py("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        if (x < 0 && std::floor(y) != y)
          throw_py("ValueError", "negative number cannot be raised to a fractional power");
        return Value::real(std::pow(x, y));
      default: break;
    }
  }
  // str % x is str.__mod__, which Python tries before any reflected operator of x.
  if (op == Op::Mod && a.is_str()) return Value::str(percent_format(*this, a.as_str(), b));
  if (a.is(Type::Host)) {
    if (auto r = a.as<HostObject>()->binary_op(*this, op_symbol(op), b, false)) return *r;
  }
  if (b.is(Type::Host)) {
    if (auto r = b.as<HostObject>()->binary_op(*this, op_symbol(op), a, true)) return *r;
  }
  if (a.is(Type::Instance) && dunder(op)) {
    if (auto m = try_getattr(a, dunder(op))) {
      CallArgs args;
      args.positional.push_back(b);
      return call(*m, std::move(args));
    }
  }
  if (b.is(Type::Instance) && dunder(op)) {
    std::string rname = std::string("__r") + (dunder(op) + 2);
    if (auto m = try_getattr(b, rname)) {
      CallArgs args;
      args.positional.push_back(a);
      return call(*m, std::move(args));
    }
  }
  Value r = sequence_binary(*this, op, a, b);
  if (!r.is_none()) return r;
  unsupported(op, a, b);
}

Value Interpreter::unary(Op op, const Value& v) {
  switch (op) {
    case Op::Not:
      return Value::boolean(!truthy(v));
    case Op::Neg:
      if (v.is_intlike()) {
        if (v.as_int() == INT64_MIN) overflow();
        return Value::integer(-v.as_int());
      }
      if (v.is_float()) return Value::real(-v.as_float());
      break;
    case Op::Pos:
      if (v.is_intlike()) return Value::integer(v.as_int());
      if (v.is_float()) return v;
      break;
    case Op::Invert:
      if (v.is_intlike()) return Value::integer(~v.as_int());
      break;
    default:
      break;
  }
  throw_py("TypeError", std::string("bad operand type for unary ") + op_symbol(op) + ": '" +
                            type_name(v) + "'");
}

bool Interpreter::equals(const Value& a, const Value& b) {
  check_stack();
  if (a.is(Type::Instance)) {
    if (auto m = try_getattr(a, "__eq__")) {
      CallArgs args;
      args.positional.push_back(b);
      return truthy(call(*m, std::move(args)));
    }
  }
  if ((a.is(Type::List) && b.is(Type::List)) || (a.is(Type::Tuple) && b.is(Type::Tuple))) {
    const auto& x = a.is(Type::List) ? a.as<ListObj>()->items : a.as<TupleObj>()->items;
    const auto& y = b.is(Type::List) ? b.as<ListObj>()->items : b.as<TupleObj>()->items;
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!equals(x[i], y[i])) return false;
    return true;
  }
  return values_equal(a, b);
}

namespace {
// Python 2 orders unrelated types: None first, then numbers, then by type name.
int type_rank(const Value& v) {
  if (v.is_none()) return 0;
  if (v.is_number()) return 1;
  return 2;
}
}  // namespace

bool Interpreter::less(const Value& a, const Value& b) {
  check_stack();
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.as_float() < b.as_float();
    return a.as_int() < b.as_int();
  }
  if (a.is_str() && b.is_str()) return a.as_str() < b.as_str();
  if ((a.is(Type::List) && b.is(Type::List)) || (a.is(Type::Tuple) && b.is(Type::Tuple))) {
    const auto& x = a.is(Type::List) ? a.as<ListObj>()->items : a.as<TupleObj>()->items;
    const auto& y = b.is(Type::List) ? b.as<ListObj>()->items : b.as<TupleObj>()->items;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (equals(x[i], y[i])) continue;
      return less(x[i], y[i]);
    }
    return x.size() < y.size();
  }
  if (a.is(Type::Set) && b.is(Type::Set)) {
    const auto& x = a.as<SetObj>()->table;
    const auto& y = b.as<SetObj>()->table;
    bool subset = x.size() < y.size();
    x.each([&](const Value& k, const Value&) { if (!y.find(k)) subset = false; });
    return subset;
  }
  if (a.is(Type::Instance)) {
    if (auto m = try_getattr(a, "__lt__")) {
      CallArgs args;
      args.positional.push_back(b);
      return truthy(call(*m, std::move(args)));
    }
  }
  if (a.is(Type::Host)) {
    if (auto r = a.as<HostObject>()->binary_op(*this, "<", b, false)) return truthy(*r);
  }
  int ra = type_rank(a), rb = type_rank(b);
  if (ra != rb) return ra < rb;
  if (a.type() == b.type()) {
    if (a.is_none()) return false;
    return a.object_ptr() < b.object_ptr();
  }
  return type_name(a) < type_name(b);
}

bool Interpreter::compare(Op op, const Value& a, const Value& b) {
  switch (op) {
    case Op::Eq: return equals(a, b);
    case Op::Ne: return !equals(a, b);
    case Op::Lt: return less(a, b);
    case Op::Gt: return less(b, a);
    case Op::Le: return !less(b, a);
    case Op::Ge: return !less(a, b);
    case Op::In: return contains(b, a);
    case Op::NotIn: return !contains(b, a);
    case Op::Is:
    case Op::IsNot: {
      bool same;
      if (a.type() != b.type()) same = false;
      else if (a.is_none()) same = true;
      else if (a.is_intlike()) same = a.as_int() == b.as_int();
      else if (a.is_float()) same = a.as_float() == b.as_float();
      else if (a.is_str()) same = a.object_ptr() == b.object_ptr() || a.as_str() == b.as_str();
      else same = a.object_ptr() == b.object_ptr();
      return op == Op::Is ? same : !same;
    }
    default:
      return false;
  }
}

}  // namespace aurora::config::lang
