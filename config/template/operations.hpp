#pragma once
// What a pystachio object can do: construct, bind, interpolate, check, compare, print, serialise.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/template/model.hpp"

namespace aurora::config::templating {

using Keywords = std::vector<std::pair<std::string, Data>>;

// T(value) for any type; a Struct takes a Dict (see make_struct).
NodePtr construct(const TypePtr& type, const Data& value);
// Field assignment: an existing instance of `type` is kept as is (with its scopes).
NodePtr coerce(const TypePtr& type, const Data& value);
// S(*mappings, **kw): defaults, then each mapping, then kw.  Unknown keys raise AttributeError.
NodePtr make_struct(const TypePtr& type, const std::vector<Data>& mappings, const Keywords& kw);
// s(**kw): a copy with the given fields replaced, keeping s's scopes.
NodePtr struct_with(const NodePtr& s, const Keywords& kw);

// bind(*scopes): the last argument wins, all before existing scopes.  in_scope: after them.
NodePtr bind(const NodePtr& n, const std::vector<Namable>& args);
NodePtr in_scope(const NodePtr& n, const std::vector<Namable>& args);
// Environment.wrap(dict): nested dicts flattened to dotted refs, numbers stored as text.
EnvPtr make_environment(const Data& dict);
EnvPtr make_environment(std::vector<std::pair<Ref, EnvValue>> table);
// Namable.find(ref) on one scope: what the ref names there (spec 1.8); nullopt when not found.
std::optional<EnvValue> find(const Namable& scope, const Ref& ref);
// The scope list lookups go through (a Struct adds self, its fields and super views).
std::vector<Namable> lookup_scopes(const NodePtr& n);

struct Interpolated {
  NodePtr value;            // scope-less
  std::vector<Ref> unbound;  // in order of first appearance, de-duplicated
};
Interpolated interpolate(const NodePtr& n);
// MustacheParser.resolve: the text with every resolvable ref substituted, and the refs left.
std::pair<std::string, std::vector<Ref>> resolve_text(const std::string& text,
                                                      const std::vector<Namable>& scopes);

// The Choice alternative the value resolves to (in the Choice's scopes).
NodePtr unwrap_choice(const NodePtr& choice);
// s.<field>(): interpolated in the struct's scope; nullptr when Empty.
NodePtr struct_field(const NodePtr& s, const std::string& field);
bool has_field(const NodePtr& s, const std::string& field);

struct CheckResult {
  bool ok = true;
  std::string message;
};
CheckResult check(const NodePtr& n);

bool equals(const NodePtr& a, const NodePtr& b);
std::string str(const NodePtr& n);
std::string repr(const NodePtr& n);
// get(): plain data; dict keys in the order CPython 2.7 iterates them.
Data get(const NodePtr& n);
// json.dumps of plain data with Python 2.7's defaults.
std::string json_dumps(const Data& d);
// json_dumps(): json.dumps(interpolate()[0].get())
std::string json_dumps(const NodePtr& n);
// T.json_loads(text, strict): non-strict drops unknown keys of Struct-typed levels.
NodePtr json_loads(const TypePtr& type, const std::string& text, bool strict);
// Parses a JSON document to plain data (objects keep their key order).
Data parse_json(const std::string& text);

// Plain value of a simple node that interpolated fully (Int, Float, Bool or Str data).
const Data& simple_value(const NodePtr& n);

}  // namespace aurora::config::templating
