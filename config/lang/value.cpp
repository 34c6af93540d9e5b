#include "config/lang/value.hpp"

#include <cmath>

#include "config/lang/exceptions.hpp"
#include "config/lang/host_object.hpp"
#include "config/lang/stack_guard.hpp"

namespace aurora::config::lang {

size_t hash_value(const Value& v) {
  check_stack();
  switch (v.type()) {
    case Type::None:
      return 0x9e3779b9;
    case Type::Bool:
    case Type::Int:
      return std::hash<int64_t>()(v.as_int());
    case Type::Float: {
      double f = v.as_float();
      if (std::floor(f) == f && std::fabs(f) < 9.2e18) return std::hash<int64_t>()(static_cast<int64_t>(f));
      return std::hash<double>()(f);
    }
    case Type::Str:
      return std::hash<std::string>()(v.as_str());
    case Type::Tuple: {
      size_t h = 0x345678;
      for (const Value& item : v.as<TupleObj>()->items) h = h * 1000003 ^ hash_value(item);
      return h;
    }
    case Type::List:
    case Type::Dict:
      throw_py("TypeError", "unhashable type: '" + type_name(v) + "'");
    case Type::Set:
      if (!v.as<SetObj>()->frozen) throw_py("TypeError", "unhashable type: 'set'");
      {
        size_t h = 0;
        v.as<SetObj>()->table.each([&](const Value& k, const Value&) { h ^= hash_value(k); });
        return h;
      }
    case Type::Host:
      if (auto h = v.as<HostObject>()->hash()) return *h;
      return std::hash<const void*>()(v.object_ptr());
    default:
      return std::hash<const void*>()(v.object_ptr());
  }
}

bool values_equal(const Value& a, const Value& b) {
  check_stack();
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.as_float() == b.as_float();
    return a.as_int() == b.as_int();
  }
  if (a.type() == Type::Host) {
    if (auto r = a.as<HostObject>()->equals(b)) return *r;
  }
  if (b.type() == Type::Host) {
    if (auto r = b.as<HostObject>()->equals(a)) return *r;
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Type::None:
      return true;
    case Type::Str:
      return a.as_str() == b.as_str();
    case Type::Tuple:
    case Type::List: {
      const auto& x = a.is(Type::Tuple) ? a.as<TupleObj>()->items : a.as<ListObj>()->items;
      const auto& y = b.is(Type::Tuple) ? b.as<TupleObj>()->items : b.as<ListObj>()->items;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!values_equal(x[i], y[i])) return false;
      return true;
    }
    case Type::Dict: {
      const auto& x = a.as<DictObj>()->table;
      const auto& y = b.as<DictObj>()->table;
      if (x.size() != y.size()) return false;
      bool same = true;
      x.each([&](const Value& k, const Value& v) {
        const Value* other = same ? y.find(k) : nullptr;
        if (!other || !values_equal(v, *other)) same = false;
      });
      return same;
    }
    case Type::Set: {
      const auto& x = a.as<SetObj>()->table;
      const auto& y = b.as<SetObj>()->table;
      if (x.size() != y.size()) return false;
      bool same = true;
      x.each([&](const Value& k, const Value&) {
        if (same && !y.find(k)) same = false;
      });
      return same;
    }
    case Type::BoundMethod:
      return a.as<BoundMethodObj>()->self.object_ptr() == b.as<BoundMethodObj>()->self.object_ptr() &&
             a.as<BoundMethodObj>()->func.object_ptr() == b.as<BoundMethodObj>()->func.object_ptr();
    default:
      return a.object_ptr() == b.object_ptr();
  }
}

void release_children(std::vector<Value>& items) {
  for (Value& v : items)
    if (v.object_ptr()) release_deferred(std::move(v));
}

OrderedTable::~OrderedTable() {
  std::vector<Value> children;
  children.reserve(entries_.size() * 2);
  for (auto& e : entries_) {
    children.push_back(std::move(e.key));
    children.push_back(std::move(e.value));
  }
  index_.clear();
  release_children(children);
}

InstanceObj::~InstanceObj() {
  std::vector<Value> children;
  for (auto& [k, v] : attrs) children.push_back(std::move(v));
  release_children(children);
}

Value* OrderedTable::find(const Value& key) {
  if (index_.empty()) {
    hash_value(key);  // unhashable keys are an error even when the table is empty
    return nullptr;
  }
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &entries_[it->second].value;
}

void OrderedTable::set(const Value& key, Value value) {
  auto it = index_.find(key);
  if (it != index_.end()) {
    entries_[it->second].value = std::move(value);
    return;
  }
  index_.emplace(key, entries_.size());
  entries_.push_back(Entry{key, std::move(value), true});
}

bool OrderedTable::erase(const Value& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return false;
  Entry& e = entries_[it->second];
  e.live = false;
  e.key = Value();
  e.value = Value();
  index_.erase(it);
  if (entries_.size() > 32 && index_.size() * 2 < entries_.size()) {
    std::vector<Entry> live;
    for (auto& entry : entries_)
      if (entry.live) live.push_back(std::move(entry));
    entries_ = std::move(live);
    index_.clear();
    for (size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].key, i);
  }
  return true;
}

void OrderedTable::clear() {
  entries_.clear();
  index_.clear();
}

std::vector<Value> OrderedTable::keys() const {
  std::vector<Value> out;
  out.reserve(size());
  each([&](const Value& k, const Value&) { out.push_back(k); });
  return out;
}

std::vector<Value> OrderedTable::values() const {
  std::vector<Value> out;
  out.reserve(size());
  each([&](const Value&, const Value& v) { out.push_back(v); });
  return out;
}

std::vector<std::pair<Value, Value>> OrderedTable::items() const {
  std::vector<std::pair<Value, Value>> out;
  out.reserve(size());
  each([&](const Value& k, const Value& v) { out.emplace_back(k, v); });
  return out;
}

const Value* ClassObj::lookup(std::string_view attr) const {
  for (const auto& [name, value] : attrs)
    if (name == attr) return &value;
  for (const Value& base : bases) {
    if (!base.is(Type::Class)) continue;
    if (const Value* v = base.as<ClassObj>()->lookup(attr)) return v;
  }
  return nullptr;
}

void ClassObj::set(const std::string& attr, Value v) {
  for (auto& [name, value] : attrs) {
    if (name == attr) {
      value = std::move(v);
      return;
    }
  }
  attrs.emplace_back(attr, std::move(v));
}

bool ClassObj::is_subclass_of(const ClassObj* other) const {
  if (this == other) return true;
  for (const Value& base : bases)
    if (base.is(Type::Class) && base.as<ClassObj>()->is_subclass_of(other)) return true;
  return false;
}

Value make_iterator(std::vector<Value> items) {
  auto it = std::make_shared<IteratorObj>();
  auto data = std::make_shared<std::vector<Value>>(std::move(items));
  auto index = std::make_shared<size_t>(0);
  it->next = [data, index]() -> std::optional<Value> {
    if (*index >= data->size()) return std::nullopt;
    return (*data)[(*index)++];
  };
  return Value::object(it);
}

Value make_list(std::vector<Value> items) { return Value::object(std::make_shared<ListObj>(std::move(items))); }
Value make_tuple(std::vector<Value> items) { return Value::object(std::make_shared<TupleObj>(std::move(items))); }
Value make_dict() { return Value::object(std::make_shared<DictObj>()); }
Value make_set() { return Value::object(std::make_shared<SetObj>()); }

std::string type_name(const Value& v) {
  switch (v.type()) {
    case Type::None: return "NoneType";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Float: return "float";
    case Type::Str: return "str";
    case Type::List: return "list";
    case Type::Tuple: return "tuple";
    case Type::Dict: return "dict";
    case Type::Set: return v.as<SetObj>()->frozen ? "frozenset" : "set";
    case Type::Function: return "function";
    case Type::Builtin: return "builtin_function_or_method";
    case Type::Class: return "classobj";
    case Type::Instance: return v.as<InstanceObj>()->cls->name;
    case Type::BoundMethod: return "instancemethod";
    case Type::Module: return "module";
    case Type::Iterator: return "iterator";
    case Type::File: return "file";
    case Type::Host: return v.as<HostObject>()->type_name();
  }
  return "object";
}

}  // namespace aurora::config::lang
