// Attribute access and method calls on every kind of value, and isinstance().

#include <cmath>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"

namespace aurora::config::lang {
namespace {

bool builtin_type_matches(const std::string& name, const Value& v) {
  if (name == "object") return true;
  if (name == "str" || name == "basestring" || name == "unicode") return v.is_str();
  if (name == "int" || name == "long") return v.is_intlike();
  if (name == "float") return v.is_float();
  if (name == "bool") return v.is_bool();
  if (name == "list") return v.is(Type::List);
  if (name == "tuple") return v.is(Type::Tuple);
  if (name == "dict") return v.is(Type::Dict);
  if (name == "set") return v.is(Type::Set) && !v.as<SetObj>()->frozen;
  if (name == "frozenset") return v.is(Type::Set) && v.as<SetObj>()->frozen;
  if (name == "type") return v.is(Type::Class);
  return false;
}

Value bind_builtin(const std::string& name, const NativeFn& fn, const Value& self) {
  auto b = std::make_shared<BuiltinObj>(name, fn);
  b->self = self;
  b->has_self = true;
  return Value::object(b);
}

// str.lower, dict.keys, ...: the method of a builtin type taking its receiver as first argument.
std::optional<Value> unbound_builtin_method(const std::string& type, std::string_view name) {
  Type t;
  if (type == "str" || type == "unicode" || type == "basestring") t = Type::Str;
  else if (type == "list") t = Type::List;
  else if (type == "dict") t = Type::Dict;
  else if (type == "set") t = Type::Set;
  else if (type == "tuple") t = Type::Tuple;
  else return std::nullopt;
  if (t == Type::Dict && name == "fromkeys") {
    return Interpreter::make_native("fromkeys", [](Interpreter& in, CallArgs& a) {
      Value d = make_dict();
      Value fill = a.positional.size() > 1 ? a.positional[1] : Value();
      for (const Value& k : in.iterate(a.positional.at(0))) d.as<DictObj>()->table.set(k, fill);
      return d;
    });
  }
  const MethodTable* table = methods_for(t);
  auto it = table->find(std::string(name));
  if (it == table->end()) return std::nullopt;
  NativeFn fn = it->second;
  std::string full = type + "." + std::string(name);
  return Interpreter::make_native(full, [fn, t, full](Interpreter& in, CallArgs& a) {
    if (a.positional.empty() || a.positional[0].type() != t) {
      throw_py("TypeError", "descriptor '" + full + "' requires a receiver of its own type");
    }
    a.self = a.positional[0];
    a.positional.erase(a.positional.begin());
    return fn(in, a);
  });
}

}  // namespace

std::optional<Value> Interpreter::try_getattr(const Value& obj, std::string_view name) {
  switch (obj.type()) {
    case Type::Instance: {
      auto* inst = obj.as<InstanceObj>();
      auto it = inst->attrs.find(std::string(name));
      if (it != inst->attrs.end()) return it->second;
      if (name == "__class__") return Value::object(inst->cls);
      if (const Value* v = inst->cls->lookup(name)) {
        if (v->is(Type::Function)) {
          auto m = std::make_shared<BoundMethodObj>();
          m->self = obj;
          m->func = *v;
          return Value::object(m);
        }
        return *v;
      }
      return std::nullopt;
    }
    case Type::Class: {
      auto* cls = obj.as<ClassObj>();
      if (name == "__name__") return Value::str(cls->name);
      if (const Value* v = cls->lookup(name)) return *v;
      if (name == "__bases__") return make_tuple(cls->bases);
      return std::nullopt;
    }
    case Type::Module: {
      auto& attrs = obj.as<ModuleObj>()->attrs;
      auto it = attrs.find(std::string(name));
      if (it != attrs.end()) return it->second;
      if (name == "__name__") return Value::str(obj.as<ModuleObj>()->name);
      return std::nullopt;
    }
    case Type::Host:
      return obj.as<HostObject>()->getattr(*this, name);
    case Type::Function:
      if (name == "__name__" || name == "func_name") return Value::str(obj.as<FunctionObj>()->name);
      return std::nullopt;
    case Type::Builtin: {
      const std::string& type = obj.as<BuiltinObj>()->name;
      if (name == "__name__") return Value::str(type);
      return unbound_builtin_method(type, name);
    }
    case Type::Float:
      if (name == "real") return obj;
      if (name == "imag") return Value::real(0);
      if (name == "is_integer") {
        return make_native("is_integer", [v = obj.as_float()](Interpreter&, CallArgs&) {
          return Value::boolean(std::isfinite(v) && std::floor(v) == v);
        });
      }
      return std::nullopt;
    case Type::Int:
    case Type::Bool:
      if (name == "real" || name == "numerator") return Value::integer(obj.as_int());
      if (name == "imag") return Value::integer(0);
      if (name == "denominator") return Value::integer(1);
      return std::nullopt;
    default: {
      const MethodTable* table = methods_for(obj.type());
      if (!table) return std::nullopt;
      auto it = table->find(std::string(name));
      if (it == table->end()) {
        if (obj.is(Type::File) && name == "closed") return Value::boolean(obj.as<FileObj>()->closed);
        if (obj.is(Type::File) && name == "name") return Value::str(obj.as<FileObj>()->name);
        return std::nullopt;
      }
      return bind_builtin(it->first, it->second, obj);
    }
  }
}

Value Interpreter::getattr(const Value& obj, std::string_view name) {
  if (auto v = try_getattr(obj, name)) return *v;
  std::string n(name);
  if (obj.is(Type::Instance)) {
    const ClassObj& cls = *obj.as<InstanceObj>()->cls;
    if (cls.new_style) throw_py("AttributeError", "'" + cls.name + "' object has no attribute '" + n + "'");
    throw_py("AttributeError", cls.name + " instance has no attribute '" + n + "'");
  }
  if (obj.is(Type::Class)) {
    throw_py("AttributeError", "class " + obj.as<ClassObj>()->name + " has no attribute '" + n + "'");
  }
  throw_py("AttributeError", "'" + type_name(obj) + "' object has no attribute '" + n + "'");
}

void Interpreter::setattr(const Value& obj, const std::string& name, const Value& v) {
  switch (obj.type()) {
    case Type::Instance:
      obj.as<InstanceObj>()->attrs[name] = v;
      return;
    case Type::Class:
      if (obj.as<ClassObj>()->builtin_exception) break;
      obj.as<ClassObj>()->set(name, v);
      return;
    case Type::Host:
      if (obj.as<HostObject>()->setattr(*this, name, v)) return;
      break;
    case Type::Module:
      break;
    default:
      break;
  }
  throw_py("AttributeError", "'" + type_name(obj) + "' object has no attribute '" + name + "'");
}

Value Interpreter::call_method(const Value& obj, const std::string& name, CallArgs& args,
                               const Location& loc) {
  if (const MethodTable* table = methods_for(obj.type())) {
    auto it = table->find(name);
    if (it != table->end()) {
      count_step();
      args.self = obj;
      return run_native(it->second, args);
    }
  } else if (obj.is(Type::Instance)) {
    auto* inst = obj.as<InstanceObj>();
    if (!inst->attrs.count(name)) {
      if (const Value* v = inst->cls->lookup(name); v && v->is(Type::Function)) {
        Value f = *v;
        args.positional.insert(args.positional.begin(), obj);
        return call_function(*f.as<FunctionObj>(), args);
      }
    }
  }
  Value f = getattr(obj, name);
  return call_value(f, args, loc);
}

bool Interpreter::isinstance(const Value& v, const Value& cls) {
  switch (cls.type()) {
    case Type::Tuple:
      for (const Value& c : cls.as<TupleObj>()->items)
        if (isinstance(v, c)) return true;
      return false;
    case Type::Class:
      return v.is(Type::Instance) && v.as<InstanceObj>()->cls->is_subclass_of(cls.as<ClassObj>());
    case Type::Builtin:
      return builtin_type_matches(cls.as<BuiltinObj>()->name, v);
    case Type::Host:
      if (auto r = cls.as<HostObject>()->is_instance(v)) return *r;
      break;
    default:
      break;
  }
  throw_py("TypeError", "isinstance() arg 2 must be a class, type, or tuple of classes and types");
}

}  // namespace aurora::config::lang
