#include "config/template/type_signature.hpp"

#include <algorithm>

#include "config/template/operations.hpp"
#include "config/template/template_error.hpp"
#include "config/template/types.hpp"

namespace aurora::config::templating {
namespace {

Data tuple(std::vector<Data> items) { return Data::list(std::move(items)); }

[[noreturn]] void bad_signature(const Data& signature) {
  throw TemplateError("ValueError", "Unknown type signature: " + python_repr(signature));
}

const std::string& text_at(const Data& signature, size_t i) {
  if (signature.items.size() <= i || signature.items[i].kind != Data::Kind::Str) bad_signature(signature);
  return signature.items[i].s;
}

const Data& list_at(const Data& signature, size_t i) {
  if (signature.items.size() <= i || signature.items[i].kind != Data::Kind::List) bad_signature(signature);
  return signature.items[i];
}

TypePtr build(const Data& signature, std::vector<TypePtr>* touched) {
  const std::string& factory = text_at(signature, 0);
  TypePtr t;
  if (factory == "String") t = string_type();
  else if (factory == "Integer") t = integer_type();
  else if (factory == "Float") t = float_type();
  else if (factory == "Boolean") t = boolean_type();
  else if (factory == "List") t = list_type(build(list_at(signature, 1), touched));
  else if (factory == "Map") t = map_type(build(list_at(signature, 1), touched), build(list_at(signature, 2), touched));
  else if (factory == "Enum") {
    std::vector<std::string> values;
    for (const auto& v : list_at(signature, 2).items) values.push_back(python_str(v));
    t = enum_type(text_at(signature, 1), std::move(values));
  } else if (factory == "Choice") {
    std::vector<TypePtr> alternatives;
    for (const auto& a : list_at(signature, 2).items) alternatives.push_back(build(a, touched));
    t = choice_type(text_at(signature, 1), std::move(alternatives));
  } else if (factory == "Struct") {
    std::vector<FieldDecl> fields;
    for (const auto& entry : list_at(signature, 2).items) {
      if (entry.kind != Data::Kind::List || entry.items.size() != 2) bad_signature(signature);
      const Data& sig = list_at(entry, 1);
      if (sig.items.size() != 4) bad_signature(signature);
      FieldDecl decl;
      decl.name = text_at(entry, 0);
      decl.required = sig.items[0].kind == Data::Kind::Bool && sig.items[0].b;
      decl.type = build(list_at(sig, 3), touched);
      bool empty = sig.items[2].kind == Data::Kind::Bool && sig.items[2].b;
      if (!empty) decl.default_value = construct(decl.type, sig.items[1]);
      fields.push_back(std::move(decl));
    }
    t = struct_type(text_at(signature, 1), std::move(fields));
  } else {
    bad_signature(signature);
  }
  if (touched) touched->push_back(t);
  return t;
}

}  // namespace

Data serialize_type(const TypePtr& t) {
  switch (t->kind) {
    case Kind::List: return tuple({Data::str("List"), serialize_type(t->element)});
    case Kind::Map: return tuple({Data::str("Map"), serialize_type(t->key), serialize_type(t->value)});
    case Kind::Enum: {
      std::vector<Data> values;
      for (const auto& v : t->enum_values) values.push_back(Data::str(v));
      return tuple({Data::str("Enum"), Data::str(t->name), tuple(std::move(values))});
    }
    case Kind::Choice: {
      std::vector<Data> alternatives;
      for (const auto& a : t->alternatives) alternatives.push_back(serialize_type(a));
      return tuple({Data::str("Choice"), Data::str(t->name), tuple(std::move(alternatives))});
    }
    case Kind::Struct: {
      std::vector<const FieldDecl*> fields;
      for (const auto& f : t->fields) fields.push_back(&f);
      std::sort(fields.begin(), fields.end(), [](const FieldDecl* a, const FieldDecl* b) { return a->name < b->name; });
      std::vector<Data> entries;
      for (const FieldDecl* f : fields) {
        Data fallback = f->default_value ? get(f->default_value) : tuple({});
        Data sig = tuple({Data::boolean(f->required), std::move(fallback), Data::boolean(!f->default_value),
                          serialize_type(f->type)});
        entries.push_back(tuple({Data::str(f->name), std::move(sig)}));
      }
      return tuple({Data::str("Struct"), Data::str(t->name), tuple(std::move(entries))});
    }
    default: return tuple({Data::str(t->name)});
  }
}

TypePtr deserialize_type(const Data& signature, std::vector<TypePtr>* touched) {
  if (signature.kind != Data::Kind::List || signature.items.empty()) bad_signature(signature);
  return build(signature, touched);
}

}  // namespace aurora::config::templating
