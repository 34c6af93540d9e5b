#include "config/template/script_bindings.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

#include "config/lang/exceptions.hpp"
#include "config/template/host_objects.hpp"
#include "config/template/type_signature.hpp"
#include "config/template/types.hpp"

namespace aurora::config::templating {
namespace {

using lang::CallArgs;
using lang::Interpreter;
using lang::Value;

// Pystachio's own exception classes, as subclasses of the builtin ones a config can catch.
Value exception_class(const std::string& name) {
  static std::unordered_map<std::string, Value> classes;
  auto it = classes.find(name);
  if (it != classes.end()) return it->second;
  static const std::unordered_map<std::string, std::string> bases = {
      {"CoercionError", "ValueError"},     {"InvalidRefError", "Exception"},
      {"Uninterpolatable", "Exception"},   {"NotFound", "Exception"},
      {"IsNotMappingError", "ValueError"},
  };
  Value builtin = lang::builtin_exception_class(name);
  if (!builtin.is_none()) return classes[name] = builtin;
  auto base = bases.find(name);
  auto cls = std::make_shared<lang::ClassObj>();
  cls->name = name;
  cls->new_style = true;
  cls->bases.push_back(lang::builtin_exception_class(base == bases.end() ? "Exception" : base->second));
  return classes[name] = Value::object(cls);
}

std::vector<TypePtr> types_from(Interpreter& in, const Value& v) {
  std::vector<TypePtr> out;
  for (const auto& item : in.iterate(v)) {
    TypePtr t = type_of(item);
    if (!t) in.raise("TypeError", "Choice alternatives must be pystachio types");
    out.push_back(t);
  }
  return out;
}

TypePtr type_arg(Interpreter& in, const Value& v, const char* who) {
  TypePtr t = type_of(v);
  if (!t) in.raise("TypeError", std::string(who) + " expects a pystachio type, got " + in.repr(v));
  return t;
}

void flatten_dict(Interpreter& in, const Value& dict, const Ref& prefix, std::vector<std::pair<Ref, EnvValue>>& table) {
  for (const auto& [k, v] : dict.as<lang::DictObj>()->table.items()) {
    Ref key = prefix;
    Ref part;
    if (k.is(lang::Type::Host) && dynamic_cast<RefHost*>(k.as<lang::HostObject>()))
      part = dynamic_cast<RefHost*>(k.as<lang::HostObject>())->ref;
    else if (k.is_str())
      part = Ref::parse(k.as_str());
    else
      throw TemplateError("ValueError", "Environment keys must be strings or Refs");
    key.components.insert(key.components.end(), part.components.begin(), part.components.end());
    if (v.is(lang::Type::Dict)) {
      flatten_dict(in, v, key, table);
    } else if (NodePtr n = node_of(v)) {
      table.emplace_back(key, n);
    } else if (v.is(lang::Type::Host) && dynamic_cast<EnvironmentHost*>(v.as<lang::HostObject>())) {
      table.emplace_back(key, dynamic_cast<EnvironmentHost*>(v.as<lang::HostObject>())->env);
    } else if (v.is_number() || v.is_str()) {
      table.emplace_back(key, python_str(to_data(in, v)));
    } else {
      throw TemplateError("ValueError", "Environment values must be strings, numbers, Objects or other "
                                        "Environments, got " + in.repr(v));
    }
  }
}

bool is_namable(const Value& v) {
  if (NodePtr n = node_of(v)) return n->type->kind == Kind::Struct || n->type->kind == Kind::List || n->type->kind == Kind::Map;
  return v.is(lang::Type::Host) && dynamic_cast<EnvironmentHost*>(v.as<lang::HostObject>());
}

Value type_check_class() {
  auto make = [](bool ok, std::string message) {
    return Value::object(std::make_shared<TypeCheckHost>(CheckResult{ok, std::move(message)}));
  };
  Value success = Interpreter::make_native("success", [make](Interpreter&, CallArgs&) { return make(true, ""); });
  Value failure = Interpreter::make_native("failure", [make](Interpreter& i, CallArgs& a) {
    if (a.positional.size() != 1) i.raise("TypeError", "failure() takes one message");
    return make(false, i.str(a.positional[0]));
  });
  auto is_check = [](const Value& v) {
    return v.is(lang::Type::Host) && dynamic_cast<TypeCheckHost*>(v.as<lang::HostObject>()) != nullptr;
  };
  return Value::object(std::make_shared<ClassLikeHost>(
      "TypeCheck", std::vector<std::pair<std::string, Value>>{{"success", success}, {"failure", failure}}, is_check,
      [make](Interpreter& i, CallArgs& a) {
        if (a.positional.size() != 2) i.raise("TypeError", "TypeCheck() takes a success flag and a message");
        return make(i.truthy(a.positional[0]), i.str(a.positional[1]));
      }));
}

// TypeFactory.load(type_tuple, into=None): every type the signature builds, deposited by name.
Value load_types(Interpreter& i, CallArgs& a) {
  if (a.positional.empty()) i.raise("TypeError", "load() takes a type signature");
  Value into = a.positional.size() > 1 ? a.positional[1] : Value::none();
  for (const auto& [k, v] : a.keywords)
    if (k == "into") into = v;
  Data signature = to_data(i, a.positional[0]);
  std::vector<TypePtr> touched;
  as_python([&] { return deserialize_type(signature, &touched); });
  Value deposit = into.is(lang::Type::Dict) ? into : lang::make_dict();
  for (const auto& t : touched) i.setitem(deposit, Value::str(t->name), wrap_type(t));
  return deposit;
}

Value type_factory_class() {
  Value make_new = Interpreter::make_native("new", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() < 2) i.raise("TypeError", "new() takes a type dict, a factory name and its parameters");
    std::vector<Data> items;
    for (size_t k = 1; k < a.positional.size(); ++k) items.push_back(to_data(i, a.positional[k]));
    Data signature = Data::list(std::move(items));
    TypePtr t = as_python([&] { return deserialize_type(signature); });
    if (a.positional[0].is(lang::Type::Dict)) i.setitem(a.positional[0], from_data(signature), wrap_type(t));
    return wrap_type(t);
  });
  Value load = Interpreter::make_native("load", load_types);
  return Value::object(std::make_shared<ClassLikeHost>(
      "TypeFactory", std::vector<std::pair<std::string, Value>>{{"new", make_new}, {"load", load}, {"load_json", load}},
      [](const Value&) { return false; }));
}

}  // namespace

void raise_template_error(const std::string& python_type, const std::string& message) {
  throw lang::PyException{lang::new_exception(exception_class(python_type), {Value::str(message)}), {}};
}

Value empty_value() {
  static const Value empty = Value::object(std::make_shared<EmptyHost>());
  return empty;
}

Value wrap_node(NodePtr node) {
  if (!node) return empty_value();
  return Value::object(std::make_shared<NodeHost>(std::move(node)));
}

Value wrap_type(TypePtr type) { return Value::object(std::make_shared<TypeHost>(std::move(type))); }

NodePtr node_of(const Value& v) {
  if (!v.is(lang::Type::Host)) return nullptr;
  auto* h = dynamic_cast<NodeHost*>(v.as<lang::HostObject>());
  return h ? h->node : nullptr;
}

TypePtr type_of(const Value& v) {
  if (!v.is(lang::Type::Host)) return nullptr;
  auto* h = dynamic_cast<TypeHost*>(v.as<lang::HostObject>());
  return h ? h->type : nullptr;
}

Data to_data(Interpreter& in, const Value& v) {
  switch (v.type()) {
    case lang::Type::None: return Data::none();
    case lang::Type::Bool: return Data::boolean(v.as_bool());
    case lang::Type::Int: return Data::integer(v.as_int());
    case lang::Type::Float: return Data::real(v.as_float());
    case lang::Type::Str: return Data::str(v.as_str());
    case lang::Type::List:
    case lang::Type::Tuple: {
      std::vector<Data> items;
      for (const auto& item : in.iterate(v)) items.push_back(to_data(in, item));
      return Data::list(std::move(items));
    }
    case lang::Type::Dict: {
      std::vector<std::pair<Data, Data>> entries;
      for (const auto& [k, val] : v.as<lang::DictObj>()->table.items()) entries.emplace_back(to_data(in, k), to_data(in, val));
      return Data::dict(std::move(entries));
    }
    case lang::Type::Host: {
      if (NodePtr n = node_of(v)) return Data::of(n);
      if (dynamic_cast<EmptyHost*>(v.as<lang::HostObject>())) return Data::empty();
      break;
    }
    default: break;
  }
  Data d;
  d.kind = Data::Kind::Other;
  d.s = in.str(v);
  return d;
}

Value from_data(const Data& d) {
  switch (d.kind) {
    case Data::Kind::None: return Value::none();
    case Data::Kind::Bool: return Value::boolean(d.b);
    case Data::Kind::Int: return Value::integer(d.i);
    case Data::Kind::Float: return Value::real(d.f);
    case Data::Kind::Str: return Value::str(d.s);
    case Data::Kind::List: {
      std::vector<Value> items;
      for (const auto& item : d.items) items.push_back(from_data(item));
      return lang::make_tuple(std::move(items));
    }
    case Data::Kind::Dict: {
      Value dict = lang::make_dict();
      for (const auto& [k, v] : d.entries) dict.as<lang::DictObj>()->table.set(from_data(k), from_data(v));
      return dict;
    }
    case Data::Kind::Node: return wrap_node(d.node);
    default: return d.empty_marker ? empty_value() : Value::str(d.s);
  }
}

Namable to_namable(Interpreter& in, const Value& v) {
  if (NodePtr n = node_of(v)) return n;
  if (v.is(lang::Type::Host))
    if (auto* e = dynamic_cast<EnvironmentHost*>(v.as<lang::HostObject>())) return e->env;
  if (v.is(lang::Type::Dict)) {
    std::vector<std::pair<Ref, EnvValue>> table;
    flatten_dict(in, v, Ref{}, table);
    return make_environment(std::move(table));
  }
  throw TemplateError("ValueError", "Cannot bind " + in.repr(v) + ": expected a dict, Environment or pystachio object");
}

void install_pystachio(Interpreter& in) {
  in.set_global("String", wrap_type(string_type()));
  in.set_global("Integer", wrap_type(integer_type()));
  in.set_global("Float", wrap_type(float_type()));
  in.set_global("Boolean", wrap_type(boolean_type()));
  in.set_global("Struct", wrap_type(nullptr));
  in.set_global("Empty", empty_value());
  in.define_native("List", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() != 1) i.raise("TypeError", "List takes one type");
    return wrap_type(list_type(type_arg(i, a.positional[0], "List")));
  });
  in.define_native("Map", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() != 2) i.raise("TypeError", "Map takes two types");
    return wrap_type(map_type(type_arg(i, a.positional[0], "Map"), type_arg(i, a.positional[1], "Map")));
  });
  in.define_native("Enum", [](Interpreter& i, CallArgs& a) {
    std::vector<std::string> values;
    if (a.positional.size() == 2 && a.positional[0].is_str() && !a.positional[1].is_str()) {
      for (const auto& v : i.iterate(a.positional[1])) values.push_back(i.str(v));
      return wrap_type(enum_type(a.positional[0].as_str(), values));
    }
    for (const auto& v : a.positional) values.push_back(i.str(v));
    return wrap_type(enum_type(values));
  });
  in.define_native("Choice", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() == 2 && a.positional[0].is_str())
      return wrap_type(choice_type(a.positional[0].as_str(), types_from(i, a.positional[1])));
    if (a.positional.size() != 1) i.raise("TypeError", "Choice takes a list of types");
    return wrap_type(choice_type(types_from(i, a.positional[0])));
  });
  in.define_native("Required", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() != 1) i.raise("TypeError", "Required takes one type");
    auto spec = std::make_shared<FieldSpecHost>();
    spec->type = type_arg(i, a.positional[0], "Required");
    spec->required = true;
    return Value::object(spec);
  });
  in.define_native("Default", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() != 2) i.raise("TypeError", "Default takes a type and a value");
    auto spec = std::make_shared<FieldSpecHost>();
    spec->type = type_arg(i, a.positional[0], "Default");
    Data d = to_data(i, a.positional[1]);
    if (!d.empty_marker) spec->default_value = as_python([&] { return coerce(spec->type, d); });
    return Value::object(spec);
  });
  in.define_native("Environment", [](Interpreter& i, CallArgs& a) {
    return as_python([&] {
      std::vector<std::pair<Ref, EnvValue>> table;
      for (const auto& s : scopes_from_args(i, a)) {
        if (const auto* e = std::get_if<EnvPtr>(&s)) table.insert(table.end(), (*e)->table.begin(), (*e)->table.end());
      }
      return Value::object(std::make_shared<EnvironmentHost>(make_environment(std::move(table))));
    });
  });
  Value ref_from_address = Interpreter::make_native("from_address", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() != 1) i.raise("TypeError", "from_address takes one string");
    std::string text = i.str(a.positional[0]);
    return as_python([&] { return Value::object(std::make_shared<RefHost>(Ref::parse(text))); });
  });
  in.set_global("Ref", Interpreter::make_module("Ref", {{"from_address", ref_from_address}}));
  Value split = Interpreter::make_native("split", [](Interpreter& i, CallArgs& a) {
    if (a.positional.size() != 1) i.raise("TypeError", "split takes one string");
    std::string text = i.str(a.positional[0]);
    return as_python([&] {
      // Literal pieces as str, refs as Ref objects, escapes as their literal text.
      std::vector<Value> out;
      std::string literal;
      size_t pos = 0;
      while (pos < text.size()) {
        size_t open = text.find("{{", pos);
        size_t close = open == std::string::npos ? open : text.find("}}", open + 2);
        if (open == std::string::npos || close == std::string::npos) {
          literal += text.substr(pos);
          break;
        }
        std::string body = text.substr(open + 2, close - open - 2);
        if (body.empty() || body.find_first_of("{}") != std::string::npos) {
          literal += text.substr(pos, open + 1 - pos);
          pos = open + 1;
          continue;
        }
        literal += text.substr(pos, open - pos);
        if (!literal.empty()) out.push_back(Value::str(literal));
        literal.clear();
        if (body[0] == '&') out.push_back(Value::str("{{" + body.substr(1) + "}}"));
        else out.push_back(Value::object(std::make_shared<RefHost>(Ref::parse(body))));
        pos = close + 2;
      }
      if (!literal.empty()) out.push_back(Value::str(literal));
      return lang::make_list(std::move(out));
    });
  });
  Value resolve = Interpreter::make_native("resolve", [](Interpreter& i, CallArgs& a) {
    if (a.positional.empty()) i.raise("TypeError", "resolve takes a string and namables");
    std::string text = i.str(a.positional[0]);
    return as_python([&] {
      std::vector<Namable> scopes;
      for (size_t k = 1; k < a.positional.size(); ++k) scopes.push_back(to_namable(i, a.positional[k]));
      auto [resolved, unbound] = resolve_text(text, scopes);
      std::vector<Value> refs;
      for (const auto& r : unbound) refs.push_back(Value::object(std::make_shared<RefHost>(r)));
      return lang::make_tuple({lang::make_unicode(resolved), lang::make_list(std::move(refs))});
    });
  });
  // The abstract classes pystachio exports; configs use them with isinstance() and as factories.
  in.set_global("Namable", Value::object(std::make_shared<ClassLikeHost>(
                               "Namable", std::vector<std::pair<std::string, Value>>{}, is_namable)));
  in.set_global("Type", Value::object(std::make_shared<ClassLikeHost>(
                            "Type", std::vector<std::pair<std::string, Value>>{},
                            [](const Value& v) { return node_of(v) != nullptr; })));
  in.set_global("TypeCheck", type_check_class());
  in.set_global("TypeFactory", type_factory_class());
  in.set_global("MustacheParser", Interpreter::make_module("MustacheParser", {{"split", split}, {"resolve", resolve}}));
}

}  // namespace aurora::config::templating
