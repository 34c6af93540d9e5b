#include "config/template/types.hpp"

#include "config/template/py2_dict_order.hpp"

namespace aurora::config::templating {
namespace {

TypePtr simple(Kind kind, const char* name) {
  auto t = std::make_shared<TypeInfo>();
  t->kind = kind;
  t->name = name;
  return t;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

}  // namespace

std::optional<size_t> TypeInfo::field_index(const std::string& field) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field) return i;
  return std::nullopt;
}

TypePtr string_type() {
  static const TypePtr t = simple(Kind::String, "String");
  return t;
}
TypePtr integer_type() {
  static const TypePtr t = simple(Kind::Integer, "Integer");
  return t;
}
TypePtr float_type() {
  static const TypePtr t = simple(Kind::Float, "Float");
  return t;
}
TypePtr boolean_type() {
  static const TypePtr t = simple(Kind::Boolean, "Boolean");
  return t;
}

TypePtr enum_type(std::string name, std::vector<std::string> values) {
  auto t = std::make_shared<TypeInfo>();
  t->kind = Kind::Enum;
  t->name = std::move(name);
  t->enum_values = std::move(values);
  return t;
}

TypePtr enum_type(const std::vector<std::string>& values) {
  return enum_type("Enum_" + join(values, "_"), values);
}

TypePtr list_type(const TypePtr& element) {
  auto t = std::make_shared<TypeInfo>();
  t->kind = Kind::List;
  t->name = element->name + "List";
  t->element = element;
  return t;
}

TypePtr map_type(const TypePtr& key, const TypePtr& value) {
  auto t = std::make_shared<TypeInfo>();
  t->kind = Kind::Map;
  t->name = key->name + value->name + "Map";
  t->key = key;
  t->value = value;
  return t;
}

TypePtr struct_type(std::string name, std::vector<FieldDecl> fields) {
  auto t = std::make_shared<TypeInfo>();
  t->kind = Kind::Struct;
  t->name = std::move(name);
  t->fields = std::move(fields);
  // CPython 2.7 builds TYPEMAP by iterating the class namespace, which also holds __module__;
  // get() then inserts the set fields in that order (checked against the golden vector, spec 6.1).
  std::vector<int64_t> namespace_hashes = {py2_string_hash("__module__")};
  for (const auto& f : t->fields) namespace_hashes.push_back(py2_string_hash(f.name));
  std::vector<size_t> order;
  for (size_t i : py2_insertion_order(namespace_hashes))
    if (i > 0) order.push_back(i - 1);
  t->field_order = std::move(order);
  return t;
}

TypePtr choice_type(std::string name, std::vector<TypePtr> alternatives) {
  auto t = std::make_shared<TypeInfo>();
  t->kind = Kind::Choice;
  t->name = std::move(name);
  t->alternatives = std::move(alternatives);
  return t;
}

TypePtr choice_type(const std::vector<TypePtr>& alternatives) {
  std::vector<std::string> names;
  for (const auto& a : alternatives) names.push_back(a->name);
  return choice_type("Choice_" + join(names, "_"), alternatives);
}

bool same_type(const TypePtr& a, const TypePtr& b) {
  if (a == b) return true;
  if (!a || !b || a->kind != b->kind || a->name != b->name) return false;
  switch (a->kind) {
    case Kind::Enum: return a->enum_values == b->enum_values;
    case Kind::List: return same_type(a->element, b->element);
    case Kind::Map: return same_type(a->key, b->key) && same_type(a->value, b->value);
    case Kind::Struct:
      if (a->fields.size() != b->fields.size()) return false;
      for (size_t i = 0; i < a->fields.size(); ++i) {
        auto j = b->field_index(a->fields[i].name);
        if (!j || a->fields[i].required != b->fields[*j].required ||
            !same_type(a->fields[i].type, b->fields[*j].type))
          return false;
      }
      return true;
    case Kind::Choice:
      if (a->alternatives.size() != b->alternatives.size()) return false;
      for (size_t i = 0; i < a->alternatives.size(); ++i)
        if (!same_type(a->alternatives[i], b->alternatives[i])) return false;
      return true;
    default: return true;
  }
}

}  // namespace aurora::config::templating
