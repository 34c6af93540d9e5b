#pragma once
// Pystachio's objects as immutable C++ values: plain data, types, typed nodes and binding scopes.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "config/template/ref.hpp"

namespace aurora::config::templating {

struct Node;
using NodePtr = std::shared_ptr<const Node>;
struct TypeInfo;
using TypePtr = std::shared_ptr<const TypeInfo>;
struct Environment;
using EnvPtr = std::shared_ptr<const Environment>;

// A plain (Python-side) value given to a pystachio constructor: what `T(value)` receives.
struct Data {
  enum class Kind { None, Bool, Int, Float, Str, List, Dict, Node, Other };
  Kind kind = Kind::None;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;  // Str text; for Other, Python's str() of the value
  std::vector<Data> items;                     // List (and tuple)
  std::vector<std::pair<Data, Data>> entries;  // Dict, insertion order
  NodePtr node;                                // a pystachio object
  bool empty_marker = false;                   // pystachio's Empty: un-sets a field

  // Declared here, defaulted below the class: clang with libstdc++ must not instantiate the
  // implicit ones while std::pair<Data, Data> is still incomplete.
  Data() = default;
  Data(const Data&);
  Data(Data&&) noexcept;
  Data& operator=(const Data&);
  Data& operator=(Data&&) noexcept;
  ~Data();

  static Data none() { return {}; }
  static Data boolean(bool v) { Data d; d.kind = Kind::Bool; d.b = v; return d; }
  static Data integer(int64_t v) { Data d; d.kind = Kind::Int; d.i = v; return d; }
  static Data real(double v) { Data d; d.kind = Kind::Float; d.f = v; return d; }
  static Data str(std::string v) { Data d; d.kind = Kind::Str; d.s = std::move(v); return d; }
  static Data list(std::vector<Data> v) { Data d; d.kind = Kind::List; d.items = std::move(v); return d; }
  static Data dict(std::vector<std::pair<Data, Data>> v) { Data d; d.kind = Kind::Dict; d.entries = std::move(v); return d; }
  static Data empty() { Data d; d.kind = Kind::Other; d.s = "<class 'pystachio.composite.Empty'>"; d.empty_marker = true; return d; }
  static Data of(NodePtr n) { Data d; d.kind = Kind::Node; d.node = std::move(n); return d; }
  bool is_str() const { return kind == Kind::Str; }
  const Data* lookup(const std::string& key) const;  // a Dict entry by string key
};

inline Data::Data(const Data&) = default;
inline Data::Data(Data&&) noexcept = default;
inline Data& Data::operator=(const Data&) = default;
inline Data& Data::operator=(Data&&) noexcept = default;
inline Data::~Data() = default;

// Python 2 str() and repr() of plain data (floats as Python 2.7 prints them).
std::string python_str(const Data& d);
std::string python_repr(const Data& d);
bool data_equal(const Data& a, const Data& b);

enum class Kind { String, Integer, Float, Boolean, Enum, List, Map, Struct, Choice };

struct FieldDecl {
  std::string name;
  TypePtr type;
  bool required = false;
  NodePtr default_value;  // nullptr: Empty
};

struct TypeInfo {
  Kind kind = Kind::String;
  std::string name;
  std::vector<std::string> enum_values;  // Enum
  TypePtr element;                       // List
  TypePtr key, value;                    // Map
  std::vector<FieldDecl> fields;         // Struct, in declaration order
  std::vector<size_t> field_order;       // Struct: iteration order of CPython 2.7's TYPEMAP dict
  std::vector<TypePtr> alternatives;     // Choice

  bool is_simple() const { return kind <= Kind::Enum; }
  std::optional<size_t> field_index(const std::string& name) const;
};

// What a binding scope holds for one name: text (numbers are stored as text) or an object.
using EnvValue = std::variant<std::string, NodePtr, EnvPtr>;

// A flat table Ref -> value (pystachio Environment).
struct Environment {
  std::vector<std::pair<Ref, EnvValue>> table;  // later entries override earlier ones
};

// One entry of a scope list: an Environment or a namable object (Struct, List, Map).
using Namable = std::variant<EnvPtr, NodePtr>;

// An immutable pystachio value.
struct Node {
  TypePtr type;
  std::vector<Namable> scopes;  // bound scopes, highest priority first
  Data raw;                                         // simple types and Choice
  std::vector<NodePtr> items;                       // List
  std::vector<std::pair<NodePtr, NodePtr>> entries;  // Map, insertion order
  std::vector<NodePtr> fields;                      // Struct, by declaration index; nullptr = Empty
};

}  // namespace aurora::config::templating
