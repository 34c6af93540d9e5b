#pragma once
// The extension point for C++ code (Pystachio templating) to put native objects and types in scripts.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/lang/value.hpp"

namespace aurora::config::lang {

// A native object. Every hook has a default that behaves like a plain Python object without that
// capability; returning std::nullopt means "not supported" and the interpreter raises the same
// TypeError/AttributeError Python would.
class HostObject : public Object {
 public:
  HostObject() : Object(Type::Host) {}

  virtual std::string type_name() const = 0;

  // obj.name; nullopt -> AttributeError.
  virtual std::optional<Value> getattr(Interpreter&, std::string_view /*name*/) { return std::nullopt; }
  // obj.name = v; false -> AttributeError.
  virtual bool setattr(Interpreter&, std::string_view /*name*/, const Value&) { return false; }
  // obj(...); nullopt -> "object is not callable".
  virtual std::optional<Value> call(Interpreter&, CallArgs&) { return std::nullopt; }
  virtual std::string repr(Interpreter&) { return "<" + type_name() + " object>"; }
  virtual std::string str(Interpreter& in) { return repr(in); }
  // a == b when a is this object; nullopt -> identity.
  virtual std::optional<bool> equals(const Value& /*other*/) const { return std::nullopt; }
  // hash(obj); nullopt -> identity hash.  Throw via Interpreter::raise for unhashable.
  virtual std::optional<size_t> hash() const { return std::nullopt; }
  virtual bool truthy(Interpreter&) { return true; }
  virtual std::optional<int64_t> len(Interpreter&) { return std::nullopt; }
  virtual std::optional<Value> getitem(Interpreter&, const Value& /*key*/) { return std::nullopt; }
  virtual bool setitem(Interpreter&, const Value& /*key*/, const Value&) { return false; }
  virtual std::optional<bool> contains(Interpreter&, const Value& /*item*/) { return std::nullopt; }
  // iter(obj): the items to iterate, eagerly.
  virtual std::optional<std::vector<Value>> iterate(Interpreter&) { return std::nullopt; }
  // Binary operators: op is the Python spelling ("+", "%", "*", ...); reflected when this object is
  // the right operand.  nullopt -> try the other operand, then TypeError.
  virtual std::optional<Value> binary_op(Interpreter&, std::string_view /*op*/, const Value& /*other*/,
                                         bool /*reflected*/) {
    return std::nullopt;
  }
  // `class Name(ThisObject): body` — receives the class body namespace in definition order and
  // returns the value bound to Name.  nullopt -> TypeError (cannot subclass).
  virtual std::optional<Value> make_subclass(Interpreter&, const std::string& /*name*/,
                                             std::vector<std::pair<std::string, Value>>& /*body*/) {
    return std::nullopt;
  }
  // isinstance(x, ThisObject); nullopt -> TypeError (not a type).
  virtual std::optional<bool> is_instance(const Value& /*x*/) const { return std::nullopt; }
  // A deep copy for copy.deepcopy; nullopt -> share the object (treated as immutable).
  virtual std::optional<Value> deep_copy(Interpreter&) { return std::nullopt; }
};

}  // namespace aurora::config::lang
