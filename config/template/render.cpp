// Printing and serialising pystachio objects as Python 2.7 pystachio does (repr, str, get, JSON).
#include <cmath>

#include <nlohmann/json.hpp>

#include "config/lang/number_format.hpp"
#include "config/template/operations.hpp"
#include "config/template/py2_dict_order.hpp"
#include "config/template/template_error.hpp"
#include "grammars/json_string.hpp"

namespace aurora::config::templating {
namespace {

// A dict built by inserting `entries` in order, iterated as CPython 2.7 would.
Data py2_dict(std::vector<std::pair<Data, Data>> entries) {
  std::vector<std::pair<Data, Data>> unique;
  for (auto& e : entries) {
    bool replaced = false;
    for (auto& u : unique)
      if (data_equal(u.first, e.first)) {
        u.second = e.second;
        replaced = true;
      }
    if (!replaced) unique.push_back(std::move(e));
  }
  std::vector<int64_t> hashes;
  for (const auto& e : unique) hashes.push_back(py2_hash(e.first));
  std::vector<std::pair<Data, Data>> ordered;
  for (size_t i : py2_insertion_order(hashes)) ordered.push_back(unique[i]);
  return Data::dict(std::move(ordered));
}


Data from_json(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return Data::none();
    case nlohmann::json::value_t::boolean: return Data::boolean(j.get<bool>());
    case nlohmann::json::value_t::number_integer: return Data::integer(j.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: return Data::integer(static_cast<int64_t>(j.get<uint64_t>()));
    case nlohmann::json::value_t::number_float: return Data::real(j.get<double>());
    case nlohmann::json::value_t::string: return Data::str(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      std::vector<Data> items;
      for (const auto& e : j) items.push_back(from_json(e));
      return Data::list(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      std::vector<std::pair<Data, Data>> entries;
      for (auto it = j.begin(); it != j.end(); ++it) entries.emplace_back(Data::str(it.key()), from_json(it.value()));
      return Data::dict(std::move(entries));
    }
    default: return Data::none();
  }
}

// Non-strict json_loads: unknown keys vanish at Struct levels reached through Struct fields.
Data drop_unknown_keys(const TypePtr& type, const Data& d) {
  if (type->kind != Kind::Struct || d.kind != Data::Kind::Dict) return d;
  Data out = Data::dict({});
  for (const auto& [k, v] : d.entries) {
    if (k.kind != Data::Kind::Str) continue;
    auto idx = type->field_index(k.s);
    if (!idx) continue;
    out.entries.emplace_back(k, drop_unknown_keys(type->fields[*idx].type, v));
  }
  return out;
}

}  // namespace

std::string str(const NodePtr& n) {
  const Kind k = n->type->kind;
  if (k == Kind::Choice) return str(unwrap_choice(n));
  if (k == Kind::List || k == Kind::Map || k == Kind::Struct) return repr(n);
  return python_str(interpolate(n).value->raw);
}

std::string repr(const NodePtr& n) {
  const TypePtr& t = n->type;
  if (t->kind == Kind::Choice) return t->name + "(" + python_repr(n->raw) + ")";
  NodePtr v = interpolate(n).value;
  std::string out = t->name + "(";
  if (t->is_simple()) return out + python_str(v->raw) + ")";
  if (t->kind == Kind::List) {
    for (size_t i = 0; i < v->items.size(); ++i) out += (i ? ", " : "") + str(v->items[i]);
  } else if (t->kind == Kind::Map) {
    for (size_t i = 0; i < v->entries.size(); ++i)
      out += (i ? ", " : "") + str(v->entries[i].first) + " => " + str(v->entries[i].second);
  } else {
    const std::string pad(t->name.size() + 1, ' ');
    bool first = true;
    for (size_t i : t->field_order) {
      if (!v->fields[i]) continue;
      out += (first ? "" : ",\n" + pad) + t->fields[i].name + "=" + str(v->fields[i]);
      first = false;
    }
  }
  return out + ")";
}

Data get(const NodePtr& n) {
  const TypePtr& t = n->type;
  if (t->is_simple()) return interpolate(n).value->raw;
  switch (t->kind) {
    case Kind::Choice: return get(unwrap_choice(n));
    case Kind::List: {
      std::vector<Data> items;
      for (const auto& item : n->items) items.push_back(get(in_scope(item, n->scopes)));
      return Data::list(std::move(items));
    }
    case Kind::Map: {
      std::vector<std::pair<Data, Data>> entries;
      for (const auto& [k, v] : n->entries)
        entries.emplace_back(get(in_scope(k, n->scopes)), get(in_scope(v, n->scopes)));
      return py2_dict(std::move(entries));
    }
    default: {
      std::vector<std::pair<Data, Data>> entries;
      for (size_t i : t->field_order)
        if (n->fields[i]) entries.emplace_back(Data::str(t->fields[i].name), get(n->fields[i]));
      return py2_dict(std::move(entries));
    }
  }
}

std::string json_dumps(const Data& d) {
  switch (d.kind) {
    case Data::Kind::None: return "null";
    case Data::Kind::Bool: return d.b ? "true" : "false";
    case Data::Kind::Int: return std::to_string(d.i);
    case Data::Kind::Float:
      if (std::isnan(d.f)) return "NaN";
      if (std::isinf(d.f)) return d.f > 0 ? "Infinity" : "-Infinity";
      return lang::float_repr(d.f);
    case Data::Kind::Str: return grammars::json_string(d.s);
    case Data::Kind::List: {
      std::string out = "[";
      for (size_t i = 0; i < d.items.size(); ++i) out += (i ? ", " : "") + json_dumps(d.items[i]);
      return out + "]";
    }
    case Data::Kind::Dict: {
      std::string out = "{";
      for (size_t i = 0; i < d.entries.size(); ++i) {
        const Data& k = d.entries[i].first;
        std::string key = k.kind == Data::Kind::Str ? grammars::json_string(k.s) : grammars::json_string(python_str(k));
        out += (i ? ", " : "") + key + ": " + json_dumps(d.entries[i].second);
      }
      return out + "}";
    }
    case Data::Kind::Node: return json_dumps(get(d.node));
    default: throw TemplateError("TypeError", python_repr(d) + " is not JSON serializable");
  }
}

std::string json_dumps(const NodePtr& n) { return json_dumps(get(interpolate(n).value)); }

Data parse_json(const std::string& text) {
  try {
    return from_json(nlohmann::ordered_json::parse(text));
  } catch (const nlohmann::json::exception& e) {
    throw TemplateError("ValueError", std::string("No JSON object could be decoded: ") + e.what());
  }
}

NodePtr json_loads(const TypePtr& type, const std::string& text, bool strict) {
  Data d = parse_json(text);
  return construct(type, strict ? d : drop_unknown_keys(type, d));
}

}  // namespace aurora::config::templating
