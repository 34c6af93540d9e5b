#include "config/template/host_objects.hpp"

#include "config/template/script_bindings.hpp"
#include "config/template/type_signature.hpp"
#include "config/template/types.hpp"

namespace aurora::config::templating {
namespace {

using lang::CallArgs;
using lang::Interpreter;
using lang::Value;

Value method(std::string name, lang::NativeFn fn) { return Interpreter::make_native(std::move(name), std::move(fn)); }

Keywords keywords_of(Interpreter& in, const CallArgs& args) {
  Keywords kw;
  for (const auto& [k, v] : args.keywords) kw.emplace_back(k, to_data(in, v));
  return kw;
}

Value refs_value(const std::vector<Ref>& refs) {
  std::vector<Value> items;
  for (const auto& r : refs) items.push_back(Value::object(std::make_shared<RefHost>(r)));
  return lang::make_list(std::move(items));
}

Ref ref_arg(Interpreter& in, const Value& v) {
  if (v.is(lang::Type::Host))
    if (auto* r = dynamic_cast<RefHost*>(v.as<lang::HostObject>())) return r->ref;
  return Ref::parse(in.str(v));
}

// json_load(fp, strict=False) / json_loads(text, strict=False): the strict flag, positional or named.
bool strict_argument(Interpreter& in, const CallArgs& args) {
  bool strict = args.positional.size() > 1 && in.truthy(args.positional[1]);
  for (const auto& [k, v] : args.keywords)
    if (k == "strict") strict = in.truthy(v);
  return strict;
}

}  // namespace

std::vector<Namable> scopes_from_args(Interpreter& in, const CallArgs& args) {
  std::vector<Namable> out;
  for (const auto& a : args.positional) out.push_back(to_namable(in, a));
  if (!args.keywords.empty()) {
    Value d = lang::make_dict();
    for (const auto& [k, v] : args.keywords) in.setitem(d, Value::str(k), v);
    out.push_back(to_namable(in, d));
  }
  return out;
}

// ---- TypeHost ----

std::optional<Value> TypeHost::call(Interpreter& in, CallArgs& args) {
  if (!type) {
    in.raise("TypeError", "Struct is abstract; declare fields with class X(Struct)");
  }
  return as_python([&]() -> Value {
    if (type->kind == Kind::Struct) {
      std::vector<Data> mappings;
      for (const auto& a : args.positional) {
        Data d = to_data(in, a);
        if (d.kind != Data::Kind::Dict)
          throw TemplateError("ValueError", "Expected dictionary argument, got " + python_repr(d));
        mappings.push_back(std::move(d));
      }
      return wrap_node(make_struct(type, mappings, keywords_of(in, args)));
    }
    if (type->kind == Kind::Map) {
      if (!args.keywords.empty()) throw TemplateError("TypeError", "Map does not accept keyword arguments");
      if (args.positional.size() == 1 && !args.positional[0].is(lang::Type::List) &&
          !args.positional[0].is(lang::Type::Tuple))
        return wrap_node(construct(type, to_data(in, args.positional[0])));
      std::vector<Data> pairs;
      for (const auto& a : args.positional) {
        Data d = to_data(in, a);
        if (d.kind != Data::Kind::List || d.items.size() != 2)
          throw TemplateError("ValueError", "Map expects a mapping or pairs, got " + python_repr(d));
        pairs.push_back(std::move(d));
      }
      return wrap_node(construct(type, Data::list(std::move(pairs))));
    }
    if (args.positional.size() != 1 || !args.keywords.empty())
      throw TemplateError("TypeError", type->name + " takes exactly one argument");
    return wrap_node(construct(type, to_data(in, args.positional[0])));
  });
}

std::optional<Value> TypeHost::getattr(Interpreter& in, std::string_view name) {
  if (name == "__name__") return Value::str(type ? type->name : "Struct");
  if (!type) return std::nullopt;
  TypePtr t = type;
  if (name == "json_loads")
    return method("json_loads", [t](Interpreter& in2, CallArgs& a) {
      bool strict = strict_argument(in2, a);
      if (a.positional.empty()) in2.raise("TypeError", "json_loads() takes a string");
      std::string text = in2.str(a.positional[0]);
      return as_python([&] { return wrap_node(json_loads(t, text, strict)); });
    });
  if (name == "json_load")
    return method("json_load", [t](Interpreter& in2, CallArgs& a) {
      bool strict = strict_argument(in2, a);
      if (a.positional.empty()) in2.raise("TypeError", "json_load() takes a file");
      CallArgs none;
      std::string text = in2.str(in2.call_method(a.positional[0], "read", none));
      return as_python([&] { return wrap_node(json_loads(t, text, strict)); });
    });
  if (name == "serialize_type")
    return method("serialize_type", [t](Interpreter&, CallArgs&) { return from_data(serialize_type(t)); });
  if (name == "TYPEMAP" && t->kind == Kind::Struct) {
    Value d = lang::make_dict();
    for (const auto& f : t->fields) in.setitem(d, Value::str(f.name), wrap_type(f.type));
    return d;
  }
  return std::nullopt;
}

std::string TypeHost::repr(Interpreter&) {
  return "<class 'pystachio." + std::string(type ? type->name : "Struct") + "'>";
}

std::optional<bool> TypeHost::equals(const Value& other) const {
  if (!other.is(lang::Type::Host)) return false;
  auto* o = dynamic_cast<TypeHost*>(other.as<lang::HostObject>());
  if (!o) return false;
  if (!type || !o->type) return type == o->type;
  return same_type(type, o->type);
}

std::optional<size_t> TypeHost::hash() const { return std::hash<std::string>()(type ? type->name : "Struct"); }

std::optional<Value> TypeHost::make_subclass(Interpreter& in, const std::string& name,
                                             std::vector<std::pair<std::string, Value>>& body) {
  if (type && type->kind != Kind::Struct) return std::nullopt;
  std::vector<FieldDecl> fields;
  if (type) fields = type->fields;
  for (auto& [attr, v] : body) {
    if (!v.is(lang::Type::Host)) continue;
    FieldDecl decl;
    decl.name = attr;
    auto* host = v.as<lang::HostObject>();
    if (auto* t = dynamic_cast<TypeHost*>(host); t && t->type) {
      decl.type = t->type;
    } else if (auto* spec = dynamic_cast<FieldSpecHost*>(host)) {
      decl.type = spec->type;
      decl.required = spec->required;
      decl.default_value = spec->default_value;
    } else {
      continue;
    }
    bool replaced = false;
    for (auto& f : fields)
      if (f.name == attr) {
        f = decl;
        replaced = true;
      }
    if (!replaced) fields.push_back(std::move(decl));
  }
  (void)in;
  return wrap_type(struct_type(name, std::move(fields)));
}

std::optional<bool> TypeHost::is_instance(const Value& x) const {
  NodePtr n = node_of(x);
  if (!n) return false;
  if (!type) return n->type->kind == Kind::Struct;
  return same_type(n->type, type);
}

std::string FieldSpecHost::repr(Interpreter&) {
  return "TypeSignature(" + type->name + ", required: " + (required ? "True" : "False") +
         ", default: " + (default_value ? templating::repr(default_value) : "Empty") + ")";
}

// ---- NodeHost ----

std::optional<Value> NodeHost::getattr(Interpreter& in, std::string_view name_view) {
  NodePtr n = node;
  std::string name(name_view);
  if (name == "bind" || name == "in_scope") {
    bool front = name == "bind";
    return method(name, [n, front](Interpreter& in2, CallArgs& a) {
      return as_python([&] {
        auto scopes = scopes_from_args(in2, a);
        return wrap_node(front ? templating::bind(n, scopes) : templating::in_scope(n, scopes));
      });
    });
  }
  if (name == "interpolate")
    return method(name, [n](Interpreter&, CallArgs&) {
      return as_python([&] {
        Interpolated r = interpolate(n);
        return lang::make_tuple({wrap_node(r.value), refs_value(r.unbound)});
      });
    });
  if (name == "check")
    return method(name, [n](Interpreter&, CallArgs&) {
      return as_python([&] { return Value::object(std::make_shared<TypeCheckHost>(check(n))); });
    });
  if (name == "get")
    return method(name, [n](Interpreter&, CallArgs&) { return as_python([&] { return from_data(get(n)); }); });
  if (name == "json_dumps")
    return method(name, [n](Interpreter&, CallArgs&) { return as_python([&] { return Value::str(json_dumps(n)); }); });
  if (name == "copy") return method(name, [n](Interpreter&, CallArgs&) { return wrap_node(n); });
  if (name == "unwrap" && n->type->kind == Kind::Choice)
    return method(name, [n](Interpreter&, CallArgs&) { return as_python([&] { return wrap_node(unwrap_choice(n)); }); });
  if (name == "scopes")
    return method(name, [n](Interpreter&, CallArgs&) {
      std::vector<Value> items;
      for (const auto& s : n->scopes) {
        if (const auto* e = std::get_if<EnvPtr>(&s)) items.push_back(Value::object(std::make_shared<EnvironmentHost>(*e)));
        else items.push_back(wrap_node(std::get<NodePtr>(s)));
      }
      return lang::make_tuple(std::move(items));
    });
  if (name == "__class__") return wrap_type(n->type);
  if (name == "serialize_type")
    return method(name, [n](Interpreter&, CallArgs&) { return from_data(serialize_type(n->type)); });
  if (name == "find" && (n->type->kind == Kind::Struct || n->type->kind == Kind::List || n->type->kind == Kind::Map))
    return method(name, [n](Interpreter& in2, CallArgs& a) {
      if (a.positional.size() != 1) in2.raise("TypeError", "find() takes one Ref");
      Ref r = ref_arg(in2, a.positional[0]);
      return as_python([&]() -> Value {
        std::optional<EnvValue> found = find(Namable(n), r);
        if (!found) throw TemplateError("NotFound", "Could not find " + r.address() + " in " + n->type->name);
        if (const auto* text = std::get_if<std::string>(&*found)) return Value::str(*text);
        if (const auto* node = std::get_if<NodePtr>(&*found)) return wrap_node(*node);
        return Value::object(std::make_shared<EnvironmentHost>(std::get<EnvPtr>(*found)));
      });
    });
  if (n->type->kind == Kind::Struct) {
    if (name.rfind("has_", 0) == 0 && n->type->field_index(name.substr(4))) {
      std::string field = name.substr(4);
      return method(name, [n, field](Interpreter&, CallArgs&) { return Value::boolean(has_field(n, field)); });
    }
    if (n->type->field_index(name))
      return method(name, [n, name](Interpreter&, CallArgs&) {
        return as_python([&] { return wrap_node(struct_field(n, name)); });
      });
  }
  (void)in;
  return std::nullopt;
}

std::optional<Value> NodeHost::call(Interpreter& in, CallArgs& args) {
  if (node->type->kind != Kind::Struct) return std::nullopt;
  if (!args.positional.empty()) in.raise("TypeError", "__call__() takes keyword arguments only");
  return as_python([&] { return wrap_node(struct_with(node, keywords_of(in, args))); });
}

std::string NodeHost::repr(Interpreter&) { return as_python([&] { return templating::repr(node); }); }
std::string NodeHost::str(Interpreter&) { return as_python([&] { return templating::str(node); }); }

std::optional<bool> NodeHost::equals(const Value& other) const {
  NodePtr o = node_of(other);
  if (!o) return false;
  return as_python([&] { return templating::equals(node, o); });
}

std::optional<size_t> NodeHost::hash() const {
  return as_python([&] { return std::hash<std::string>()(json_dumps(get(interpolate(node).value))); });
}

bool NodeHost::truthy(Interpreter&) {
  if (node->type->kind == Kind::List) return !node->items.empty();
  if (node->type->kind == Kind::Map) return !node->entries.empty();
  return true;
}

std::optional<int64_t> NodeHost::len(Interpreter&) {
  if (node->type->kind == Kind::List) return static_cast<int64_t>(node->items.size());
  if (node->type->kind == Kind::Map) return static_cast<int64_t>(node->entries.size());
  return std::nullopt;
}

std::optional<Value> NodeHost::getitem(Interpreter& in, const Value& key) {
  if (node->type->kind == Kind::List) {
    if (!key.is_intlike()) in.raise("TypeError", "list indices must be integers");
    int64_t i = key.as_int(), size = static_cast<int64_t>(node->items.size());
    if (i < 0) i += size;
    if (i < 0 || i >= size) in.raise("IndexError", "list index out of range");
    return wrap_node(in_scope(node->items[static_cast<size_t>(i)], node->scopes));
  }
  if (node->type->kind == Kind::Map) {
    return as_python([&]() -> Value {
      NodePtr k = coerce(node->type->key, to_data(in, key));
      for (const auto& [mk, mv] : node->entries)
        if (templating::equals(k, mk)) return wrap_node(in_scope(mv, node->scopes));
      throw TemplateError("KeyError", templating::str(k));
    });
  }
  return std::nullopt;
}

std::optional<bool> NodeHost::contains(Interpreter& in, const Value& item) {
  auto items = iterate(in);
  if (!items) return std::nullopt;
  for (const auto& v : *items)
    if (in.equals(v, item)) return true;
  return false;
}

std::optional<std::vector<Value>> NodeHost::iterate(Interpreter&) {
  std::vector<Value> out;
  if (node->type->kind == Kind::List) {
    for (const auto& item : node->items) out.push_back(wrap_node(in_scope(item, node->scopes)));
    return out;
  }
  if (node->type->kind == Kind::Map) {
    for (const auto& [k, v] : node->entries) out.push_back(wrap_node(in_scope(k, node->scopes)));
    return out;
  }
  return std::nullopt;
}

std::optional<Value> NodeHost::binary_op(Interpreter& in, std::string_view op, const Value& other, bool reflected) {
  if (op == "%" && !reflected) {
    return as_python([&] {
      Namable scope = to_namable(in, other);
      return wrap_node(interpolate(templating::bind(node, {scope})).value);
    });
  }
  return std::nullopt;
}

// ---- ClassLikeHost ----

std::optional<Value> ClassLikeHost::getattr(Interpreter&, std::string_view attr) {
  if (attr == "__name__") return Value::str(name);
  for (const auto& [k, v] : attrs)
    if (k == attr) return v;
  return std::nullopt;
}

std::optional<Value> ClassLikeHost::call(Interpreter& in, CallArgs& args) {
  if (!make) return std::nullopt;
  return make(in, args);
}

// ---- small objects ----

std::optional<Value> TypeCheckHost::getattr(Interpreter&, std::string_view name) {
  CheckResult r = result;
  if (name == "ok") return method("ok", [r](Interpreter&, CallArgs&) { return Value::boolean(r.ok); });
  if (name == "message") return method("message", [r](Interpreter&, CallArgs&) { return Value::str(r.message); });
  return std::nullopt;
}

std::string TypeCheckHost::repr(Interpreter&) {
  return result.ok ? "TypeCheck(OK)" : "TypeCheck(FAILED): " + result.message;
}

std::optional<Value> RefHost::getattr(Interpreter&, std::string_view name) {
  Ref r = ref;
  if (name == "address") return method("address", [r](Interpreter&, CallArgs&) { return Value::str(r.address()); });
  return std::nullopt;
}

std::optional<bool> RefHost::equals(const Value& other) const {
  if (!other.is(lang::Type::Host)) return false;
  auto* o = dynamic_cast<RefHost*>(other.as<lang::HostObject>());
  return o && o->ref == ref;
}

std::string EnvironmentHost::repr(Interpreter&) {
  std::string out = "Environment({";
  for (size_t i = 0; i < env->table.size(); ++i) {
    const auto& [k, v] = env->table[i];
    out += (i ? ", " : "") + std::string("Ref(") + k.address() + "): ";
    if (const auto* s = std::get_if<std::string>(&v)) out += python_repr(Data::str(*s));
    else if (const auto* n = std::get_if<NodePtr>(&v)) out += templating::repr(*n);
    else out += "Environment(...)";
  }
  return out + "})";
}

std::optional<Value> EnvironmentHost::getattr(Interpreter&, std::string_view name) {
  EnvPtr e = env;
  if (name == "find")
    return method("find", [e](Interpreter& in, CallArgs& a) {
      if (a.positional.empty()) in.raise("TypeError", "find() takes a ref");
      Ref r = ref_arg(in, a.positional[0]);
      return as_python([&]() -> Value {
        auto [text, unbound] = resolve_text(r.mustache(), {e});
        if (!unbound.empty()) throw TemplateError("NotFound", "Could not find " + r.address());
        return Value::str(text);
      });
    });
  return std::nullopt;
}

}  // namespace aurora::config::templating
