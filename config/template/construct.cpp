// Building pystachio objects from plain values: T(value), S(**kw), s(**kw), and plain-data helpers.
#include <cmath>

#include "config/lang/number_format.hpp"
#include "config/template/operations.hpp"
#include "config/template/template_error.hpp"
#include "config/template/types.hpp"

namespace aurora::config::templating {

const Data* Data::lookup(const std::string& key) const {
  for (const auto& [k, v] : entries)
    if (k.kind == Kind::Str && k.s == key) return &v;
  return nullptr;
}

std::string python_repr(const Data& d) {
  switch (d.kind) {
    case Data::Kind::Str: return lang::string_repr(d.s);
    case Data::Kind::List: {
      std::string out = "[";
      for (size_t i = 0; i < d.items.size(); ++i) out += (i ? ", " : "") + python_repr(d.items[i]);
      return out + "]";
    }
    case Data::Kind::Dict: {
      std::string out = "{";
      for (size_t i = 0; i < d.entries.size(); ++i)
        out += (i ? ", " : "") + python_repr(d.entries[i].first) + ": " + python_repr(d.entries[i].second);
      return out + "}";
    }
    case Data::Kind::Float: return lang::float_repr(d.f);
    default: return python_str(d);
  }
}

std::string python_str(const Data& d) {
  switch (d.kind) {
    case Data::Kind::None: return "None";
    case Data::Kind::Bool: return d.b ? "True" : "False";
    case Data::Kind::Int: return std::to_string(d.i);
    case Data::Kind::Float: return lang::float_str(d.f);
    case Data::Kind::Str: return d.s;
    case Data::Kind::Node: return repr(d.node);
    case Data::Kind::Other: return d.s;
    default: return python_repr(d);
  }
}

bool data_equal(const Data& a, const Data& b) {
  auto numeric = [](const Data& d) {
    return d.kind == Data::Kind::Int || d.kind == Data::Kind::Bool || d.kind == Data::Kind::Float;
  };
  auto as_double = [](const Data& d) {
    return d.kind == Data::Kind::Float ? d.f : d.kind == Data::Kind::Bool ? (d.b ? 1.0 : 0.0) : double(d.i);
  };
  if (numeric(a) && numeric(b)) {
    if (a.kind != Data::Kind::Float && b.kind != Data::Kind::Float)
      return (a.kind == Data::Kind::Bool ? a.b : a.i) == (b.kind == Data::Kind::Bool ? b.b : b.i);
    return as_double(a) == as_double(b);
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Data::Kind::None: return true;
    case Data::Kind::Str: return a.s == b.s;
    case Data::Kind::List:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!data_equal(a.items[i], b.items[i])) return false;
      return true;
    case Data::Kind::Dict:
      if (a.entries.size() != b.entries.size()) return false;
      for (const auto& [k, v] : a.entries) {
        bool found = false;
        for (const auto& [k2, v2] : b.entries)
          if (data_equal(k, k2)) {
            found = data_equal(v, v2);
            break;
          }
        if (!found) return false;
      }
      return true;
    case Data::Kind::Node: return equals(a.node, b.node);
    default: return a.s == b.s;
  }
}

namespace {

bool has_mustache(const std::string& s) { return s.find("{{") != std::string::npos; }

std::string join_values(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
  return out;
}


void assign_field(Node& n, const std::string& key, const Data& value) {
  auto idx = n.type->field_index(key);
  if (!idx) throw TemplateError("AttributeError", "Unknown schema attribute " + key);
  n.fields[*idx] = value.empty_marker ? nullptr : coerce(n.type->fields[*idx].type, value);
}

void apply_mapping(Node& n, const Data& mapping) {
  if (mapping.kind != Data::Kind::Dict)
    throw TemplateError("ValueError", "Expected dictionary argument, got " + python_repr(mapping));
  for (const auto& [k, v] : mapping.entries) {
    if (k.kind != Data::Kind::Str) throw TemplateError("TypeError", "keywords must be strings");
    assign_field(n, k.s, v);
  }
}

}  // namespace

NodePtr construct(const TypePtr& type, const Data& value) {
  auto n = std::make_shared<Node>();
  n->type = type;
  switch (type->kind) {
    case Kind::Enum:
      if (value.kind == Data::Kind::Str && !has_mustache(value.s)) {
        bool ok = false;
        for (const auto& v : type->enum_values) ok = ok || v == value.s;
        if (!ok)
          throw TemplateError("ValueError", type->name + " only accepts the following values: " +
                                                join_values(type->enum_values));
      }
      n->raw = value;
      return n;
    case Kind::String:
    case Kind::Integer:
    case Kind::Float:
    case Kind::Boolean:
    case Kind::Choice:
      n->raw = value;
      return n;
    case Kind::List:
      if (value.kind == Data::Kind::List) {
        for (const auto& item : value.items) n->items.push_back(coerce(type->element, item));
      } else if (value.kind == Data::Kind::Node && value.node->type->kind == Kind::List) {
        for (const auto& item : value.node->items) n->items.push_back(coerce(type->element, Data::of(item)));
      } else {
        throw TemplateError("ValueError", "ListContainer expects an iterable, got " + python_repr(value));
      }
      return n;
    case Kind::Map:
      if (value.kind == Data::Kind::Dict) {
        for (const auto& [k, v] : value.entries)
          n->entries.emplace_back(coerce(type->key, k), coerce(type->value, v));
      } else if (value.kind == Data::Kind::Node && value.node->type->kind == Kind::Map) {
        for (const auto& [k, v] : value.node->entries)
          n->entries.emplace_back(coerce(type->key, Data::of(k)), coerce(type->value, Data::of(v)));
      } else if (value.kind == Data::Kind::List) {
        for (const auto& pair : value.items) {
          if (pair.kind != Data::Kind::List || pair.items.size() != 2)
            throw TemplateError("ValueError", "Map expects a mapping or pairs, got " + python_repr(pair));
          n->entries.emplace_back(coerce(type->key, pair.items[0]), coerce(type->value, pair.items[1]));
        }
      } else {
        throw TemplateError("ValueError", "Map expects a mapping, got " + python_repr(value));
      }
      return n;
    case Kind::Struct:
      if (value.kind == Data::Kind::Node && same_type(value.node->type, type)) return value.node;
      return make_struct(type, {value}, {});
  }
  return n;
}

NodePtr coerce(const TypePtr& type, const Data& value) {
  if (value.kind == Data::Kind::Node && same_type(value.node->type, type)) return value.node;
  return construct(type, value);
}

NodePtr make_struct(const TypePtr& type, const std::vector<Data>& mappings, const Keywords& kw) {
  auto n = std::make_shared<Node>();
  n->type = type;
  for (const auto& f : type->fields) n->fields.push_back(f.default_value);
  for (const auto& m : mappings) apply_mapping(*n, m);
  for (const auto& [k, v] : kw) assign_field(*n, k, v);
  return n;
}

NodePtr struct_with(const NodePtr& s, const Keywords& kw) {
  auto n = std::make_shared<Node>(*s);
  for (const auto& [k, v] : kw) assign_field(*n, k, v);
  return n;
}

NodePtr bind(const NodePtr& n, const std::vector<Namable>& args) {
  auto copy = std::make_shared<Node>(*n);
  std::vector<Namable> scopes(args.rbegin(), args.rend());
  scopes.insert(scopes.end(), n->scopes.begin(), n->scopes.end());
  copy->scopes = std::move(scopes);
  return copy;
}

NodePtr in_scope(const NodePtr& n, const std::vector<Namable>& args) {
  if (args.empty()) return n;
  auto copy = std::make_shared<Node>(*n);
  copy->scopes.insert(copy->scopes.end(), args.begin(), args.end());
  return copy;
}

namespace {

void flatten_into(std::vector<std::pair<Ref, EnvValue>>& table, const Ref& prefix, const Data& dict) {
  for (const auto& [k, v] : dict.entries) {
    if (k.kind != Data::Kind::Str) throw TemplateError("ValueError", "Environment keys must be strings");
    Ref key = prefix;
    Ref parsed = Ref::parse(k.s);
    key.components.insert(key.components.end(), parsed.components.begin(), parsed.components.end());
    switch (v.kind) {
      case Data::Kind::Dict: flatten_into(table, key, v); break;
      case Data::Kind::Node: table.emplace_back(key, v.node); break;
      case Data::Kind::Int:
      case Data::Kind::Bool:
      case Data::Kind::Float:
      case Data::Kind::Str: table.emplace_back(key, python_str(v)); break;
      default:
        throw TemplateError("ValueError", "Environment values must be strings, numbers, Objects or other "
                                          "Environments, got " + python_repr(v));
    }
  }
}

}  // namespace

EnvPtr make_environment(const Data& dict) {
  auto env = std::make_shared<Environment>();
  flatten_into(env->table, Ref{}, dict);
  return env;
}

EnvPtr make_environment(std::vector<std::pair<Ref, EnvValue>> table) {
  auto env = std::make_shared<Environment>();
  env->table = std::move(table);
  return env;
}

}  // namespace aurora::config::templating
