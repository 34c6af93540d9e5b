#pragma once
// The runtime values of the dialect: immediates inline, everything else shared on the heap.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace aurora::config::lang {

enum class Type : uint8_t {
  None, Bool, Int, Float, Str, List, Tuple, Dict, Set, Function, Builtin, Class, Instance,
  BoundMethod, Module, Iterator, File, Host,
};

struct Object {
  explicit Object(Type t) : type(t) {}
  virtual ~Object() = default;
  Type type;
};

class Value {
 public:
  Value() : type_(Type::None), i_(0) {}
  static Value none() { return Value(); }
  static Value boolean(bool b) {
    Value v;
    v.type_ = Type::Bool;
    v.i_ = b ? 1 : 0;
    return v;
  }
  static Value integer(int64_t i) {
    Value v;
    v.type_ = Type::Int;
    v.i_ = i;
    return v;
  }
  static Value real(double f) {
    Value v;
    v.type_ = Type::Float;
    v.f_ = f;
    return v;
  }
  static Value str(std::string s);
  static Value object(std::shared_ptr<Object> o) {
    Value v;
    v.type_ = o->type;
    v.obj_ = std::move(o);
    return v;
  }

  Type type() const { return type_; }
  bool is_none() const { return type_ == Type::None; }
  bool is_bool() const { return type_ == Type::Bool; }
  bool is_int() const { return type_ == Type::Int; }
  // int or bool: Python's bool is an int subclass.
  bool is_intlike() const { return type_ == Type::Int || type_ == Type::Bool; }
  bool is_float() const { return type_ == Type::Float; }
  bool is_number() const { return is_intlike() || is_float(); }
  bool is_str() const { return type_ == Type::Str; }
  bool is(Type t) const { return type_ == t; }

  bool as_bool() const { return i_ != 0; }
  int64_t as_int() const { return i_; }
  double as_float() const { return type_ == Type::Float ? f_ : static_cast<double>(i_); }
  const std::string& as_str() const;
  Object* object_ptr() const { return obj_.get(); }
  const std::shared_ptr<Object>& shared() const { return obj_; }
  template <class T>
  T* as() const {
    return static_cast<T*>(obj_.get());
  }

 private:
  Type type_;
  union {
    int64_t i_;
    double f_;
  };
  std::shared_ptr<Object> obj_;
};

struct StrObj : Object {
  explicit StrObj(std::string v) : Object(Type::Str), s(std::move(v)) {}
  std::string s;
  // Python 2 unicode rather than str: the same type here, but repr() shows u'...'.  Only values
  // pystachio hands back as unicode are marked (MustacheParser.resolve); operations on them yield str.
  bool unicode = false;
};

inline Value make_unicode(std::string s) {
  auto obj = std::make_shared<StrObj>(std::move(s));
  obj->unicode = true;
  return Value::object(std::move(obj));
}

inline Value Value::str(std::string s) { return object(std::make_shared<StrObj>(std::move(s))); }
inline const std::string& Value::as_str() const { return static_cast<StrObj*>(obj_.get())->s; }

// Hashing and equality usable without an interpreter (dict keys, set members).
size_t hash_value(const Value& v);  // throws TypeError for unhashable values
bool values_equal(const Value& a, const Value& b);
struct ValueHash {
  size_t operator()(const Value& v) const { return hash_value(v); }
};
struct ValueEq {
  bool operator()(const Value& a, const Value& b) const { return values_equal(a, b); }
};

// Hands nested containers to an iterative release queue (see stack_guard.hpp).
void release_children(std::vector<Value>& items);

struct ListObj : Object {
  ListObj() : Object(Type::List) {}
  explicit ListObj(std::vector<Value> v) : Object(Type::List), items(std::move(v)) {}
  ~ListObj() override { release_children(items); }
  std::vector<Value> items;
};

struct TupleObj : Object {
  TupleObj() : Object(Type::Tuple) {}
  explicit TupleObj(std::vector<Value> v) : Object(Type::Tuple), items(std::move(v)) {}
  ~TupleObj() override { release_children(items); }
  std::vector<Value> items;
};

// Insertion-ordered hash table shared by dict and set.
class OrderedTable {
 public:
  OrderedTable() = default;
  OrderedTable(const OrderedTable&) = default;
  OrderedTable& operator=(const OrderedTable&) = default;
  ~OrderedTable();
  size_t size() const { return index_.size(); }
  Value* find(const Value& key);
  const Value* find(const Value& key) const { return const_cast<OrderedTable*>(this)->find(key); }
  void set(const Value& key, Value value);
  bool erase(const Value& key);
  void clear();
  // Visits live entries in insertion order.
  template <class F>
  void each(F&& f) const {
    for (const auto& e : entries_)
      if (e.live) f(e.key, e.value);
  }
  std::vector<Value> keys() const;
  std::vector<Value> values() const;
  std::vector<std::pair<Value, Value>> items() const;

 private:
  struct Entry {
    Value key, value;
    bool live = true;
  };
  std::vector<Entry> entries_;
  std::unordered_map<Value, size_t, ValueHash, ValueEq> index_;
};

struct DictObj : Object {
  DictObj() : Object(Type::Dict) {}
  OrderedTable table;
  // Entry count of the `{...}` display that built it: CPython 2.7 sizes such a dict's table up
  // front, which is part of what its (emulated, where it matters) iteration order depends on.
  size_t display_size = 0;
};

struct SetObj : Object {
  SetObj() : Object(Type::Set) {}
  OrderedTable table;
  bool frozen = false;
};

struct CallArgs;
class Interpreter;
using NativeFn = std::function<Value(Interpreter&, CallArgs&)>;

// The arguments of one call as the caller spelled them.
struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keywords;
  Value self;  // bound receiver of a builtin method; None otherwise
};

struct BuiltinObj : Object {
  BuiltinObj(std::string n, NativeFn f) : Object(Type::Builtin), name(std::move(n)), fn(std::move(f)) {}
  std::string name;
  NativeFn fn;
  Value self;
  bool has_self = false;
};

struct FunctionDef;
struct CodeUnit;
struct Scope;

struct FunctionObj : Object {
  FunctionObj() : Object(Type::Function) {}
  std::shared_ptr<CodeUnit> unit;  // keeps the AST alive
  const FunctionDef* def = nullptr;
  std::vector<Value> defaults;  // one per parameter that has a default, in order
  std::shared_ptr<Scope> closure;
  std::string name;
};

struct ClassObj : Object {
  ClassObj() : Object(Type::Class) {}
  std::string name;
  std::vector<Value> bases;  // ClassObj values
  std::vector<std::pair<std::string, Value>> attrs;  // insertion-ordered
  bool builtin_exception = false;
  bool new_style = false;  // derives from object: changes some error messages
  const Value* lookup(std::string_view attr) const;  // searches bases depth-first
  void set(const std::string& attr, Value v);
  bool is_subclass_of(const ClassObj* other) const;
};

struct InstanceObj : Object {
  InstanceObj() : Object(Type::Instance) {}
  InstanceObj(const InstanceObj&) = default;
  ~InstanceObj() override;
  std::shared_ptr<ClassObj> cls;
  std::unordered_map<std::string, Value> attrs;
};

struct BoundMethodObj : Object {
  BoundMethodObj() : Object(Type::BoundMethod) {}
  Value self;
  Value func;
};

struct ModuleObj : Object {
  ModuleObj() : Object(Type::Module) {}
  std::string name;
  std::unordered_map<std::string, Value> attrs;
};

// A one-shot iterator: next() yields values until it returns nullopt.
struct IteratorObj : Object {
  IteratorObj() : Object(Type::Iterator) {}
  std::function<std::optional<Value>()> next;
};

// A read-only file opened by open(); contents are read eagerly.
struct FileObj : Object {
  FileObj() : Object(Type::File) {}
  std::string name;
  std::string content;
  size_t pos = 0;
  bool closed = false;
};

Value make_list(std::vector<Value> items = {});
// A one-shot iterator over items (enumerate, reversed, iter, dict.iteritems, generator expressions).
Value make_iterator(std::vector<Value> items);
Value make_tuple(std::vector<Value> items = {});
Value make_dict();
Value make_set();

// Python type name of a value ("int", "str", "NoneType", instance class name...).
std::string type_name(const Value& v);

}  // namespace aurora::config::lang
