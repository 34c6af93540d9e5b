// The object protocols every value answers: truth, length, items, slices, iteration, text.

#include <algorithm>

#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/number_format.hpp"
#include "config/lang/stack_guard.hpp"

namespace aurora::config::lang {
namespace {

int64_t normalize_index(int64_t i, size_t size, const char* what) {
  int64_t n = static_cast<int64_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw_py("IndexError", std::string(what) + " index out of range");
  return i;
}

[[noreturn]] void key_error(const Value& key) {
  throw PyException{new_exception(builtin_exception_class("KeyError"), {key}), {}};
}

size_t list_assignment_index(const std::vector<Value>& items, const Value& key) {
  if (!key.is_intlike()) throw_py("TypeError", "list indices must be integers, not " + type_name(key));
  int64_t i = key.as_int();
  if (i < 0) i += static_cast<int64_t>(items.size());
  if (i < 0 || i >= static_cast<int64_t>(items.size())) throw_py("IndexError", "list assignment index out of range");
  return static_cast<size_t>(i);
}

struct SliceBounds {
  int64_t start, stop, step;
};

SliceBounds resolve_slice(const Value& lo, const Value& hi, const Value& st, size_t size) {
  int64_t n = static_cast<int64_t>(size);
  auto as_index = [](const Value& v) {
    if (!v.is_intlike()) {
      throw_py("TypeError", "slice indices must be integers or None or have an __index__ method");
    }
    return v.as_int();
  };
  int64_t step = st.is_none() ? 1 : as_index(st);
  if (step == 0) throw_py("ValueError", "slice step cannot be zero");
  int64_t start, stop;
  if (step > 0) {
    start = lo.is_none() ? 0 : as_index(lo);
    stop = hi.is_none() ? n : as_index(hi);
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
    start = std::min(start, n);
    stop = std::min(stop, n);
  } else {
    start = lo.is_none() ? n - 1 : as_index(lo);
    stop = hi.is_none() ? -1 : as_index(hi);
    if (!lo.is_none() && start < 0) start = std::max<int64_t>(-1, start + n);
    if (!hi.is_none() && stop < 0) stop = std::max<int64_t>(-1, stop + n);
    start = std::min(start, n - 1);
    stop = std::min(stop, n - 1);
  }
  return {start, stop, step};
}

template <class F>
void each_index(const SliceBounds& b, F f) {
  if (b.step > 0)
    for (int64_t i = b.start; i < b.stop; i += b.step) f(i);
  else
    for (int64_t i = b.start; i > b.stop; i += b.step) f(i);
}

}  // namespace

bool Interpreter::truthy(const Value& v) {
  switch (v.type()) {
    case Type::None: return false;
    case Type::Bool:
    case Type::Int: return v.as_int() != 0;
    case Type::Float: return v.as_float() != 0;
    case Type::Str: return !v.as_str().empty();
    case Type::List: return !v.as<ListObj>()->items.empty();
    case Type::Tuple: return !v.as<TupleObj>()->items.empty();
    case Type::Dict: return v.as<DictObj>()->table.size() != 0;
    case Type::Set: return v.as<SetObj>()->table.size() != 0;
    case Type::Host: return v.as<HostObject>()->truthy(*this);
    case Type::Instance:
      if (auto m = try_getattr(v, "__nonzero__")) return truthy(call(*m, {}));
      if (auto m = try_getattr(v, "__len__")) return truthy(call(*m, {}));
      return true;
    default: return true;
  }
}

int64_t Interpreter::len(const Value& v) {
  switch (v.type()) {
    case Type::Str: return static_cast<int64_t>(v.as_str().size());
    case Type::List: return static_cast<int64_t>(v.as<ListObj>()->items.size());
    case Type::Tuple: return static_cast<int64_t>(v.as<TupleObj>()->items.size());
    case Type::Dict: return static_cast<int64_t>(v.as<DictObj>()->table.size());
    case Type::Set: return static_cast<int64_t>(v.as<SetObj>()->table.size());
    case Type::Host:
      if (auto n = v.as<HostObject>()->len(*this)) return *n;
      break;
    case Type::Instance:
      if (auto m = try_getattr(v, "__len__")) {
        Value n = call(*m, {});
        if (n.is_intlike()) return n.as_int();
      }
      break;
    default: break;
  }
  throw_py("TypeError", "object of type '" + type_name(v) + "' has no len()");
}

Value Interpreter::getitem(const Value& obj, const Value& key) {
  switch (obj.type()) {
    case Type::List:
    case Type::Tuple:
    case Type::Str: {
      const char* what = obj.is(Type::List) ? "list" : obj.is(Type::Tuple) ? "tuple" : "string";
      if (!key.is_intlike()) {
        throw_py("TypeError", std::string(obj.is_str() ? "string" : what) +
                                  " indices must be integers, not " + type_name(key));
      }
      if (obj.is(Type::List)) {
        const auto& items = obj.as<ListObj>()->items;
        return items[normalize_index(key.as_int(), items.size(), what)];
      }
      if (obj.is(Type::Tuple)) {
        const auto& items = obj.as<TupleObj>()->items;
        return items[normalize_index(key.as_int(), items.size(), what)];
      }
      const std::string& s = obj.as_str();
      return Value::str(std::string(1, s[normalize_index(key.as_int(), s.size(), what)]));
    }
    case Type::Dict: {
      if (const Value* v = obj.as<DictObj>()->table.find(key)) return *v;
      key_error(key);
    }
    case Type::Host:
      if (auto v = obj.as<HostObject>()->getitem(*this, key)) return *v;
      break;
    case Type::Instance:
      if (auto m = try_getattr(obj, "__getitem__")) {
        CallArgs args;
        args.positional.push_back(key);
        return call(*m, std::move(args));
      }
      break;
    case Type::Module:
      break;
    default:
      break;
  }
  throw_py("TypeError", "'" + type_name(obj) + "' object has no attribute '__getitem__'");
}

void Interpreter::setitem(const Value& obj, const Value& key, const Value& v) {
  if (obj.is(Type::List)) {
    auto& items = obj.as<ListObj>()->items;
    items[list_assignment_index(items, key)] = v;
    return;
  }
  if (obj.is(Type::Dict)) {
    auto& table = obj.as<DictObj>()->table;
    table.set(key, v);
    if ((table.size() & 0xffff) == 0) check_size(table.size());
    return;
  }
  if (obj.is(Type::Host) && obj.as<HostObject>()->setitem(*this, key, v)) return;
  if (obj.is(Type::Instance)) {
    if (auto m = try_getattr(obj, "__setitem__")) {
      CallArgs args;
      args.positional = {key, v};
      call(*m, std::move(args));
      return;
    }
  }
  throw_py("TypeError", "'" + type_name(obj) + "' object does not support item assignment");
}

void Interpreter::delitem(const Value& obj, const Value& key) {
  if (obj.is(Type::Dict)) {
    if (!obj.as<DictObj>()->table.erase(key)) key_error(key);
    return;
  }
  if (obj.is(Type::List)) {
    auto& items = obj.as<ListObj>()->items;
    items.erase(items.begin() + static_cast<int64_t>(list_assignment_index(items, key)));
    return;
  }
  throw_py("TypeError", "'" + type_name(obj) + "' object does not support item deletion");
}

Value Interpreter::get_slice(const Value& obj, const Expr& slice) {
  Value lo = slice.a ? eval(*slice.a) : Value();
  Value hi = slice.b ? eval(*slice.b) : Value();
  Value st = slice.c ? eval(*slice.c) : Value();
  frame().loc = slice.loc;
  if (obj.is_str()) {
    const std::string& s = obj.as_str();
    SliceBounds b = resolve_slice(lo, hi, st, s.size());
    if (b.step == 1) return Value::str(b.stop > b.start ? s.substr(b.start, b.stop - b.start) : "");
    std::string out;
    each_index(b, [&](int64_t i) { out += s[i]; });
    return Value::str(std::move(out));
  }
  if (obj.is(Type::List) || obj.is(Type::Tuple)) {
    const auto& items = obj.is(Type::List) ? obj.as<ListObj>()->items : obj.as<TupleObj>()->items;
    SliceBounds b = resolve_slice(lo, hi, st, items.size());
    std::vector<Value> out;
    each_index(b, [&](int64_t i) { out.push_back(items[i]); });
    return obj.is(Type::List) ? make_list(std::move(out)) : make_tuple(std::move(out));
  }
  if (obj.is(Type::Host)) {
    if (auto v = obj.as<HostObject>()->getitem(*this, make_tuple({lo, hi, st}))) return *v;
  }
  throw_py("TypeError", "'" + type_name(obj) + "' object has no attribute '__getslice__'");
}

void Interpreter::set_slice(const Value& obj, const Expr& slice, const Value& v) {
  Value lo = slice.a ? eval(*slice.a) : Value();
  Value hi = slice.b ? eval(*slice.b) : Value();
  Value st = slice.c ? eval(*slice.c) : Value();
  frame().loc = slice.loc;
  if (!obj.is(Type::List)) {
    throw_py("TypeError", "'" + type_name(obj) + "' object does not support slice assignment");
  }
  auto& items = obj.as<ListObj>()->items;
  SliceBounds b = resolve_slice(lo, hi, st, items.size());
  std::vector<int64_t> indices;
  each_index(b, [&](int64_t i) { indices.push_back(i); });
  if (b.step != 1) {
    if (v.is_none()) {
      std::sort(indices.begin(), indices.end());
      for (size_t k = indices.size(); k-- > 0;) items.erase(items.begin() + indices[k]);
      return;
    }
    std::vector<Value> repl = iterate(v);
    if (repl.size() != indices.size()) {
      throw_py("ValueError", "attempt to assign sequence of size " + std::to_string(repl.size()) +
                                 " to extended slice of size " + std::to_string(indices.size()));
    }
    for (size_t k = 0; k < indices.size(); ++k) items[indices[k]] = repl[k];
    return;
  }
  int64_t start = b.start, stop = std::max(b.start, b.stop);
  std::vector<Value> repl = v.is_none() ? std::vector<Value>{} : iterate(v);
  items.erase(items.begin() + start, items.begin() + stop);
  items.insert(items.begin() + start, repl.begin(), repl.end());
}

void Interpreter::for_each(const Value& iterable, const std::function<bool(const Value&)>& visit) {
  switch (iterable.type()) {
    case Type::List: {
      auto* list = iterable.as<ListObj>();
      for (size_t i = 0; i < list->items.size(); ++i) {
        Value item = list->items[i];
        if (!visit(item)) return;
      }
      return;
    }
    case Type::Tuple:
      for (const Value& item : iterable.as<TupleObj>()->items)
        if (!visit(item)) return;
      return;
    case Type::Str:
      for (char c : iterable.as_str())
        if (!visit(Value::str(std::string(1, c)))) return;
      return;
    case Type::Dict:
      for (const Value& k : iterable.as<DictObj>()->table.keys())
        if (!visit(k)) return;
      return;
    case Type::Set:
      for (const Value& k : iterable.as<SetObj>()->table.keys())
        if (!visit(k)) return;
      return;
    case Type::Iterator: {
      auto* it = iterable.as<IteratorObj>();
      while (auto v = it->next())
        if (!visit(*v)) return;
      return;
    }
    case Type::File: {
      auto* f = iterable.as<FileObj>();
      while (f->pos < f->content.size()) {
        size_t nl = f->content.find('\n', f->pos);
        size_t end = nl == std::string::npos ? f->content.size() : nl + 1;
        std::string line = f->content.substr(f->pos, end - f->pos);
        f->pos = end;
        if (!visit(Value::str(std::move(line)))) return;
      }
      return;
    }
    case Type::Host:
      if (auto items = iterable.as<HostObject>()->iterate(*this)) {
        for (const Value& v : *items)
          if (!visit(v)) return;
        return;
      }
      break;
    case Type::Instance:
      if (auto m = try_getattr(iterable, "__iter__")) {
        for_each(call(*m, {}), visit);
        return;
      }
      break;
    default:
      break;
  }
  throw_py("TypeError", "'" + type_name(iterable) + "' object is not iterable");
}

std::vector<Value> Interpreter::iterate(const Value& iterable) {
  if (iterable.is(Type::List)) return iterable.as<ListObj>()->items;
  if (iterable.is(Type::Tuple)) return iterable.as<TupleObj>()->items;
  std::vector<Value> out;
  for_each(iterable, [&](const Value& v) {
    out.push_back(v);
    if ((out.size() & 0xffff) == 0) check_size(out.size());
    return true;
  });
  return out;
}

bool Interpreter::contains(const Value& container, const Value& item) {
  switch (container.type()) {
    case Type::Str:
      if (!item.is_str()) throw_py("TypeError", "'in <string>' requires string as left operand");
      return container.as_str().find(item.as_str()) != std::string::npos;
    case Type::Dict: return container.as<DictObj>()->table.find(item) != nullptr;
    case Type::Set: return container.as<SetObj>()->table.find(item) != nullptr;
    case Type::Host:
      if (auto r = container.as<HostObject>()->contains(*this, item)) return *r;
      break;
    case Type::Instance:
      if (auto m = try_getattr(container, "__contains__")) {
        CallArgs args;
        args.positional.push_back(item);
        return truthy(call(*m, std::move(args)));
      }
      break;
    default:
      break;
  }
  bool found = false;
  for_each(container, [&](const Value& v) {
    found = equals(v, item);
    return !found;
  });
  return found;
}

std::string Interpreter::repr(const Value& v) {
  check_stack();
  switch (v.type()) {
    case Type::None: return "None";
    case Type::Bool: return v.as_bool() ? "True" : "False";
    case Type::Int: return std::to_string(v.as_int());
    case Type::Float: return float_repr(v.as_float());
    case Type::Str: return v.as<StrObj>()->unicode ? unicode_repr(v.as_str()) : string_repr(v.as_str());
    case Type::List:
    case Type::Tuple: {
      bool list = v.is(Type::List);
      const auto& items = list ? v.as<ListObj>()->items : v.as<TupleObj>()->items;
      if (++depth_ > options_.max_depth) {
        --depth_;
        return list ? "[...]" : "(...)";
      }
      std::string out = list ? "[" : "(";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += repr(items[i]);
      }
      --depth_;
      if (!list && items.size() == 1) out += ",";
      return out + (list ? "]" : ")");
    }
    case Type::Dict: {
      if (++depth_ > options_.max_depth) {
        --depth_;
        return "{...}";
      }
      std::string out = "{";
      bool first = true;
      v.as<DictObj>()->table.each([&](const Value& k, const Value& val) {
        if (!first) out += ", ";
        first = false;
        out += repr(k) + ": " + repr(val);
      });
      --depth_;
      return out + "}";
    }
    case Type::Set: {
      std::string out = type_name(v) + "([";
      bool first = true;
      v.as<SetObj>()->table.each([&](const Value& k, const Value&) {
        if (!first) out += ", ";
        first = false;
        out += repr(k);
      });
      return out + "])";
    }
    case Type::Function: return "<function " + v.as<FunctionObj>()->name + ">";
    case Type::Builtin: {
      auto* b = v.as<BuiltinObj>();
      if (b->has_self) return "<built-in method " + b->name + " of " + type_name(b->self) + " object>";
      return "<built-in function " + b->name + ">";
    }
    case Type::Class: return "<class '__main__." + v.as<ClassObj>()->name + "'>";
    case Type::BoundMethod: {
      auto* m = v.as<BoundMethodObj>();
      return "<bound method " + type_name(m->self) + "." +
             (m->func.is(Type::Function) ? m->func.as<FunctionObj>()->name : "?") + ">";
    }
    case Type::Module: return "<module '" + v.as<ModuleObj>()->name + "' (built-in)>";
    case Type::Iterator: return "<iterator object>";
    case Type::File: return "<open file '" + v.as<FileObj>()->name + "', mode 'r'>";
    case Type::Host: return v.as<HostObject>()->repr(*this);
    case Type::Instance: {
      if (auto m = try_getattr(v, "__repr__")) {
        Value r = call(*m, {});
        if (!r.is_str()) throw_py("TypeError", "__repr__ returned non-string (type " + type_name(r) + ")");
        return r.as_str();
      }
      auto* inst = v.as<InstanceObj>();
      if (inst->cls->is_subclass_of(builtin_exception_class("BaseException").as<ClassObj>())) {
        auto args = inst->attrs.find("args");
        return inst->cls->name + (args == inst->attrs.end() ? "()" : repr(args->second));
      }
      return "<__main__." + inst->cls->name + " instance>";
    }
  }
  return "<object>";
}

std::string Interpreter::str(const Value& v) {
  switch (v.type()) {
    case Type::Str: return v.as_str();
    case Type::Float: return float_str(v.as_float());
    case Type::Host: return v.as<HostObject>()->str(*this);
    case Type::Instance: {
      if (auto m = try_getattr(v, "__str__")) {
        Value r = call(*m, {});
        if (!r.is_str()) throw_py("TypeError", "__str__ returned non-string (type " + type_name(r) + ")");
        return r.as_str();
      }
      auto* inst = v.as<InstanceObj>();
      auto args = inst->attrs.find("args");
      if (args != inst->attrs.end() && args->second.is(Type::Tuple) &&
          inst->cls->is_subclass_of(builtin_exception_class("BaseException").as<ClassObj>())) {
        const auto& items = args->second.as<TupleObj>()->items;
        static const ClassObj* key_error = builtin_exception_class("KeyError").as<ClassObj>();
        if (items.empty()) return "";
        if (items.size() == 1) return inst->cls->is_subclass_of(key_error) ? repr(items[0]) : str(items[0]);
        return repr(args->second);
      }
      return repr(v);
    }
    default: return repr(v);
  }
}

}  // namespace aurora::config::lang
