// Name lookup through scope lists and the iterative mustache resolution of pystachio (spec 1.6-1.9).
#include <cmath>
#include <cstdlib>
#include <optional>

#include "config/lang/number_format.hpp"
#include "config/template/operations.hpp"
#include "config/template/template_error.hpp"
#include "config/template/types.hpp"

namespace aurora::config::templating {
namespace {

constexpr int kMaxPasses = 100;
// A value naming itself twice doubles the text every pass; stop long before memory runs out
// (far above any real string: Linux limits one command-line argument to 128 KiB).
constexpr size_t kMaxInterpolatedBytes = size_t{256} << 10;

struct Piece {
  enum class Kind { Literal, RefPiece, Escape };
  Kind kind;
  std::string text;  // literal text, or the mustache body
};

// {{(&)?([^{}]+?)\1?}} scanned left to right like re.split.
std::vector<Piece> split_mustache(const std::string& s) {
  std::vector<Piece> out;
  std::string literal;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    if (i + 1 < n && s[i] == '{' && s[i + 1] == '{') {
      size_t j = i + 2;
      bool amp = j < n && s[j] == '&';
      if (amp) ++j;
      size_t k = j;
      while (k < n && s[k] != '{' && s[k] != '}') ++k;
      if (k > j && k + 1 < n && s[k] == '}' && s[k + 1] == '}') {
        std::string body = s.substr(j, k - j);
        if (amp && body.size() > 1 && body.back() == '&') body.pop_back();
        if (!literal.empty()) out.push_back({Piece::Kind::Literal, std::move(literal)});
        literal.clear();
        out.push_back({amp ? Piece::Kind::Escape : Piece::Kind::RefPiece, body});
        i = k + 2;
        continue;
      }
    }
    literal += s[i++];
  }
  if (!literal.empty()) out.push_back({Piece::Kind::Literal, std::move(literal)});
  return out;
}

using Found = std::optional<EnvValue>;

bool is_container(const NodePtr& n) {
  return n->type->kind == Kind::Struct || n->type->kind == Kind::List || n->type->kind == Kind::Map;
}

Found find_in(const Namable& scope, const Ref& ref);

Found descend(const NodePtr& child, const std::vector<Namable>& parent_scopes, const Ref& ref) {
  NodePtr scoped = in_scope(child, parent_scopes);
  if (ref.components.size() == 1) return EnvValue(scoped);
  if (!is_container(scoped)) return std::nullopt;
  return find_in(Namable(scoped), ref.rest());
}

std::optional<int64_t> python_int(const std::string& text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  if (b == e) return std::nullopt;
  size_t p = b;
  if (text[p] == '+' || text[p] == '-') ++p;
  if (p == e) return std::nullopt;
  for (size_t q = p; q < e; ++q)
    if (!std::isdigit(static_cast<unsigned char>(text[q]))) return std::nullopt;
  errno = 0;
  long long v = std::strtoll(text.substr(b, e - b).c_str(), nullptr, 10);
  if (errno == ERANGE) return std::nullopt;
  return v;
}

Found find_in_node(const NodePtr& n, const Ref& ref) {
  const RefComponent& head = ref.components.front();
  switch (n->type->kind) {
    case Kind::Struct: {
      if (head.kind != RefComponent::Kind::Member) return std::nullopt;
      auto idx = n->type->field_index(head.value);
      if (!idx || !n->fields[*idx]) return std::nullopt;
      return descend(n->fields[*idx], lookup_scopes(n), ref);
    }
    case Kind::List: {
      if (head.kind != RefComponent::Kind::Index) return std::nullopt;
      auto index = python_int(head.value);
      if (!index) return std::nullopt;
      auto size = static_cast<int64_t>(n->items.size());
      int64_t i = *index;
      if (i >= size) return std::nullopt;
      if (i < 0) i += size;
      if (i < 0) throw TemplateError("IndexError", "list index out of range");
      return descend(n->items[static_cast<size_t>(i)], n->scopes, ref);
    }
    case Kind::Map: {
      if (head.kind != RefComponent::Kind::Index) return std::nullopt;
      NodePtr key = construct(n->type->key, Data::str(head.value));
      for (const auto& [k, v] : n->entries) {
        bool same = false;
        try {
          same = equals(key, k);
        } catch (const TemplateError&) {
          same = false;
        }
        if (same) return descend(v, n->scopes, ref);
      }
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

Found find_in_env(const EnvPtr& env, const Ref& ref) {
  for (auto it = env->table.rbegin(); it != env->table.rend(); ++it)
    if (it->first == ref) {
      if (std::holds_alternative<EnvPtr>(it->second)) return std::nullopt;
      return it->second;
    }
  for (size_t len = ref.components.size() - 1; len >= 1; --len) {
    for (auto it = env->table.rbegin(); it != env->table.rend(); ++it) {
      if (it->first.components.size() != len || !ref.starts_with(it->first)) continue;
      if (std::holds_alternative<std::string>(it->second)) break;
      Ref rest = ref.tail(len);
      Found f = std::holds_alternative<NodePtr>(it->second)
                    ? (is_container(std::get<NodePtr>(it->second))
                           ? find_in_node(std::get<NodePtr>(it->second), rest)
                           : std::nullopt)
                    : find_in_env(std::get<EnvPtr>(it->second), rest);
      if (f) return f;
      break;
    }
  }
  return std::nullopt;
}

Found find_in(const Namable& scope, const Ref& ref) {
  if (ref.empty()) return std::nullopt;
  if (const auto* env = std::get_if<EnvPtr>(&scope)) return find_in_env(*env, ref);
  const NodePtr& n = std::get<NodePtr>(scope);
  if (!is_container(n)) return std::nullopt;
  return find_in_node(n, ref);
}

std::string text_of(const EnvValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return str(std::get<NodePtr>(v));
}

void add_unique(std::vector<Ref>& into, const std::vector<Ref>& refs) {
  for (const auto& r : refs) {
    bool seen = false;
    for (const auto& x : into) seen = seen || x == r;
    if (!seen) into.push_back(r);
  }
}

}  // namespace

std::optional<EnvValue> find(const Namable& scope, const Ref& ref) { return find_in(scope, ref); }

std::vector<Namable> lookup_scopes(const NodePtr& n) {
  if (n->type->kind != Kind::Struct) return n->scopes;
  // The struct's own fields as raw values (not re-scoped): a field naming itself iterates
  // instead of recursing, which is how pystachio ends in "Maximum replacements reached".
  std::vector<std::pair<Ref, EnvValue>> own;
  for (size_t i = 0; i < n->fields.size(); ++i)
    if (n->fields[i]) own.emplace_back(Ref{{{RefComponent::Kind::Member, n->type->fields[i].name}}}, n->fields[i]);
  EnvPtr self_scope = make_environment(std::move(own));
  std::vector<Namable> out;
  out.emplace_back(make_environment({{Ref{{{RefComponent::Kind::Member, "self"}}}, EnvValue(self_scope)}}));
  out.emplace_back(self_scope);
  out.insert(out.end(), n->scopes.begin(), n->scopes.end());
  for (const auto& s : n->scopes) {
    EnvValue v = std::holds_alternative<EnvPtr>(s) ? EnvValue(std::get<EnvPtr>(s)) : EnvValue(std::get<NodePtr>(s));
    out.emplace_back(make_environment({{Ref{{{RefComponent::Kind::Member, "super"}}}, v}}));
  }
  return out;
}

std::pair<std::string, std::vector<Ref>> resolve_text(const std::string& input,
                                                      const std::vector<Namable>& scopes) {
  std::string text = input;
  bool settled = false;
  for (int pass = 0; pass < kMaxPasses && !settled; ++pass) {
    std::string out;
    bool resolved_any = false;
    for (const Piece& p : split_mustache(text)) {
      if (p.kind == Piece::Kind::Literal) {
        out += p.text;
      } else if (p.kind == Piece::Kind::Escape) {
        out += "{{&" + p.text + "}}";
      } else {
        Ref ref = Ref::parse(p.text);
        Found found;
        for (const auto& scope : scopes)
          if ((found = find_in(scope, ref))) break;
        if (found) {
          out += text_of(*found);
          resolved_any = true;
          if (out.size() > kMaxInterpolatedBytes)
            throw TemplateError("Uninterpolatable",
                                "Unable to interpolate " + input + "!  The result exceeds 256 KiB.");
        } else {
          out += ref.mustache();
        }
      }
    }
    text = std::move(out);
    settled = !resolved_any;
  }
  if (!settled)
    throw TemplateError("Uninterpolatable", "Unable to interpolate " + text + "!  Maximum replacements reached.");
  std::string out;
  std::vector<Ref> unbound;
  for (const Piece& p : split_mustache(text)) {
    if (p.kind == Piece::Kind::Literal) {
      out += p.text;
    } else if (p.kind == Piece::Kind::Escape) {
      out += "{{" + p.text + "}}";
    } else {
      Ref ref = Ref::parse(p.text);
      out += ref.mustache();
      unbound.push_back(ref);
    }
  }
  return {out, unbound};
}

namespace {

[[noreturn]] void cannot_coerce(const std::string& shown, const TypePtr& t, const std::string& detail = "") {
  throw TemplateError("CoercionError", "Cannot coerce '" + shown + "' to " + t->name + detail);
}

std::optional<double> python_float(const std::string& text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  std::string body = text.substr(b, e - b);
  if (body.empty()) return std::nullopt;
  std::string lower;
  for (char c : body) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string unsigned_part = (lower[0] == '+' || lower[0] == '-') ? lower.substr(1) : lower;
  double sign = lower[0] == '-' ? -1.0 : 1.0;
  if (unsigned_part == "inf" || unsigned_part == "infinity") return sign * INFINITY;
  if (unsigned_part == "nan") return NAN;
  for (char c : unsigned_part)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == '+' || c == '-'))
      return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(body.c_str(), &end);
  if (end != body.c_str() + body.size()) return std::nullopt;
  return v;
}

Data coerce_simple(const TypePtr& t, const Data& v) {
  const std::string shown = python_str(v);
  switch (t->kind) {
    case Kind::String:
      if (v.kind == Data::Kind::Str) return v;
      if (v.kind == Data::Kind::Int || v.kind == Data::Kind::Float || v.kind == Data::Kind::Bool)
        return Data::str(shown);
      cannot_coerce(shown, t);
    case Kind::Integer:
      switch (v.kind) {
        case Data::Kind::Int: return v;
        case Data::Kind::Bool: return Data::integer(v.b ? 1 : 0);
        case Data::Kind::Float:
          if (!std::isfinite(v.f)) cannot_coerce(shown, t);
          return Data::integer(static_cast<int64_t>(std::trunc(v.f)));
        case Data::Kind::Str:
          if (auto i = python_int(v.s)) return Data::integer(*i);
          cannot_coerce(shown, t);
        default: cannot_coerce(shown, t);
      }
    case Kind::Float:
      switch (v.kind) {
        case Data::Kind::Float: return v;
        case Data::Kind::Int: return Data::real(static_cast<double>(v.i));
        case Data::Kind::Bool: return Data::real(v.b ? 1.0 : 0.0);
        case Data::Kind::Str:
          if (auto f = python_float(v.s)) return Data::real(*f);
          cannot_coerce(shown, t);
        default: cannot_coerce(shown, t);
      }
    case Kind::Boolean:
      switch (v.kind) {
        case Data::Kind::Bool: return v;
        case Data::Kind::Int: return Data::boolean(v.i != 0);
        case Data::Kind::Float: return Data::boolean(v.f != 0.0);
        case Data::Kind::Str: {
          std::string lower;
          for (char c : v.s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (lower == "true" || lower == "1") return Data::boolean(true);
          if (lower == "false" || lower == "0") return Data::boolean(false);
          cannot_coerce(shown, t);
        }
        default: cannot_coerce(shown, t);
      }
    case Kind::Enum: {
      if (v.kind == Data::Kind::Str)
        for (const auto& e : t->enum_values)
          if (e == v.s) return v;
      std::string values;
      for (size_t i = 0; i < t->enum_values.size(); ++i) values += (i ? ", " : "") + t->enum_values[i];
      cannot_coerce(shown, t, ": " + shown + " is not one of " + values);
    }
    default: cannot_coerce(shown, t);
  }
}

NodePtr simple_with(const TypePtr& t, Data raw) {
  auto n = std::make_shared<Node>();
  n->type = t;
  n->raw = std::move(raw);
  return n;
}

}  // namespace

NodePtr unwrap_choice(const NodePtr& choice) {
  if (choice->type->kind != Kind::Choice) return choice;
  const Data& raw = choice->raw;
  if (raw.kind == Data::Kind::Node)
    for (const auto& alt : choice->type->alternatives)
      if (same_type(alt, raw.node->type)) return in_scope(raw.node, choice->scopes);
  for (const auto& alt : choice->type->alternatives) {
    try {
      NodePtr candidate = in_scope(construct(alt, raw), choice->scopes);
      if (alt->is_simple()) interpolate(candidate);
      return candidate;
    } catch (const TemplateError& e) {
      const std::string& t = e.python_type();
      if (t != "CoercionError" && t != "ValueError" && t != "AttributeError") throw;
    }
  }
  throw TemplateError("CoercionError", "Cannot coerce '" + python_str(raw) + "' to " + choice->type->name);
}

namespace {

// An interpolated Choice is its chosen alternative; a container stores it as the Choice again.
NodePtr rewrap(const TypePtr& declared, const NodePtr& value) {
  if (declared->kind != Kind::Choice || value->type->kind == Kind::Choice) return value;
  auto wrapped = std::make_shared<Node>();
  wrapped->type = declared;
  wrapped->raw = Data::of(value);
  return wrapped;
}

}  // namespace

Interpolated interpolate(const NodePtr& n) {
  const TypePtr& t = n->type;
  if (t->is_simple()) {
    if (n->raw.kind == Data::Kind::Str) {
      auto [text, unbound] = resolve_text(n->raw.s, n->scopes);
      if (!unbound.empty()) return {simple_with(t, Data::str(text)), unbound};
      return {simple_with(t, coerce_simple(t, Data::str(text))), {}};
    }
    return {simple_with(t, coerce_simple(t, n->raw)), {}};
  }
  if (t->kind == Kind::Choice) return interpolate(unwrap_choice(n));
  auto out = std::make_shared<Node>();
  out->type = t;
  std::vector<Ref> unbound;
  if (t->kind == Kind::List) {
    for (const auto& item : n->items) {
      Interpolated r = interpolate(in_scope(item, n->scopes));
      out->items.push_back(rewrap(t->element, r.value));
      add_unique(unbound, r.unbound);
    }
  } else if (t->kind == Kind::Map) {
    for (const auto& [k, v] : n->entries) {
      Interpolated rk = interpolate(in_scope(k, n->scopes));
      Interpolated rv = interpolate(in_scope(v, n->scopes));
      out->entries.emplace_back(rk.value, rewrap(t->value, rv.value));
      add_unique(unbound, rk.unbound);
      add_unique(unbound, rv.unbound);
    }
  } else {
    std::vector<Namable> scopes = lookup_scopes(n);
    out->fields.resize(n->fields.size());
    for (size_t i = 0; i < n->fields.size(); ++i) {
      if (!n->fields[i]) continue;
      Interpolated r = interpolate(in_scope(n->fields[i], scopes));
      out->fields[i] = rewrap(t->fields[i].type, r.value);
      add_unique(unbound, r.unbound);
    }
  }
  return {out, unbound};
}

const Data& simple_value(const NodePtr& n) { return n->raw; }

NodePtr struct_field(const NodePtr& s, const std::string& field) {
  auto idx = s->type->field_index(field);
  if (!idx) throw TemplateError("AttributeError", "'" + s->type->name + "' object has no attribute '" + field + "'");
  if (!s->fields[*idx]) return nullptr;
  return interpolate(in_scope(s->fields[*idx], lookup_scopes(s))).value;
}

bool has_field(const NodePtr& s, const std::string& field) {
  auto idx = s->type->field_index(field);
  return idx && s->fields[*idx];
}

namespace {
// How a failed check quotes the interpolated value: text that went through MustacheParser is
// unicode under Python 2 (the real client's), so pystachio 0.8.5 prints u'{{x}}'.
std::string check_repr(const Data& d) {
  return d.kind == Data::Kind::Str ? lang::unicode_repr(d.s) : python_repr(d);
}
}  // namespace

CheckResult check(const NodePtr& n) {
  const TypePtr& t = n->type;
  if (t->is_simple()) {
    NodePtr value;
    try {
      value = interpolate(n).value;
    } catch (const TemplateError& e) {
      if (e.python_type() == "CoercionError" || e.python_type() == "Uninterpolatable")
        return {false, std::string("Unable to interpolate: ") + e.what()};
      throw;
    }
    const Data& d = value->raw;
    switch (t->kind) {
      case Kind::Integer:
        if (d.kind == Data::Kind::Int) return {};
        return {false, check_repr(d) + " not an integer"};
      case Kind::Float:
        if (d.kind == Data::Kind::Float || d.kind == Data::Kind::Int) return {};
        return {false, check_repr(d) + " not a float"};
      case Kind::Boolean:
        if (d.kind == Data::Kind::Bool) return {};
        return {false, check_repr(d) + " not a boolean"};
      case Kind::Enum:
        if (d.kind == Data::Kind::Str)
          for (const auto& e : t->enum_values)
            if (e == d.s) return {};
        {
          std::string values;
          for (size_t i = 0; i < t->enum_values.size(); ++i) values += (i ? ", " : "") + t->enum_values[i];
          return {false, check_repr(d) + " not in the enumeration (" + values + ")"};
        }
      default:
        if (d.kind == Data::Kind::Str) return {};
        return {false, check_repr(d) + " not a string"};
    }
  }
  switch (t->kind) {
    case Kind::List:
      for (const auto& item : n->items) {
        CheckResult r = check(in_scope(item, n->scopes));
        if (!r.ok) return {false, "Element in " + t->name + " failed check: " + r.message};
      }
      return {};
    case Kind::Map:
      for (const auto& [k, v] : n->entries) {
        NodePtr key = in_scope(k, n->scopes);
        CheckResult rk = check(key);
        if (!rk.ok) return {false, t->name + " key " + str(key) + " failed check: " + rk.message};
        NodePtr value = in_scope(v, n->scopes);
        CheckResult rv = check(value);
        if (!rv.ok)
          return {false, t->name + "[" + str(key) + "] value " + str(value) + " failed check: " + rv.message};
      }
      return {};
    case Kind::Struct: {
      std::vector<Namable> scopes = lookup_scopes(n);
      for (size_t i : t->field_order) {
        const FieldDecl& f = t->fields[i];
        if (!n->fields[i]) {
          if (f.required) return {false, t->name + "[" + f.name + "] is required."};
          continue;
        }
        CheckResult r = check(in_scope(n->fields[i], scopes));
        if (!r.ok) return {false, t->name + "[" + f.name + "] failed: " + r.message};
      }
      return {};
    }
    case Kind::Choice: {
      if (n->raw.kind == Data::Kind::Node)
        for (const auto& alt : t->alternatives)
          if (same_type(alt, n->raw.node->type)) return check(in_scope(n->raw.node, n->scopes));
      for (const auto& alt : t->alternatives) {
        try {
          if (check(in_scope(construct(alt, n->raw), n->scopes)).ok) return {};
        } catch (const TemplateError& e) {
          const std::string& type = e.python_type();
          if (type != "CoercionError" && type != "ValueError" && type != "AttributeError") throw;
        }
      }
      return {false, t->name + " typecheck failed: value " + python_str(n->raw) +
                         " did not match any of its alternatives"};
    }
    default: return {};
  }
}

bool equals(const NodePtr& a, const NodePtr& b) {
  if (a == b) return true;
  if (!a || !b) return false;
  if (a->type->kind == Kind::Choice || b->type->kind == Kind::Choice) {
    NodePtr ua = a->type->kind == Kind::Choice ? unwrap_choice(a) : a;
    NodePtr ub = b->type->kind == Kind::Choice ? unwrap_choice(b) : b;
    return equals(ua, ub);
  }
  if (!same_type(a->type, b->type)) return false;
  NodePtr ia = interpolate(a).value, ib = interpolate(b).value;
  switch (a->type->kind) {
    case Kind::List:
      if (ia->items.size() != ib->items.size()) return false;
      for (size_t i = 0; i < ia->items.size(); ++i)
        if (!equals(ia->items[i], ib->items[i])) return false;
      return true;
    case Kind::Map:
      if (ia->entries.size() != ib->entries.size()) return false;
      for (size_t i = 0; i < ia->entries.size(); ++i)
        if (!equals(ia->entries[i].first, ib->entries[i].first) ||
            !equals(ia->entries[i].second, ib->entries[i].second))
          return false;
      return true;
    case Kind::Struct:
      // By name: a type rebuilt from its signature (TypeFactory) declares the same fields sorted.
      for (size_t i = 0; i < ia->fields.size(); ++i) {
        const NodePtr& other = ib->fields[*ib->type->field_index(a->type->fields[i].name)];
        if (!ia->fields[i] != !other) return false;
        if (ia->fields[i] && !equals(ia->fields[i], other)) return false;
      }
      return true;
    default: return data_equal(ia->raw, ib->raw) && (ia->raw.kind == Data::Kind::Str) == (ib->raw.kind == Data::Kind::Str);
  }
}

}  // namespace aurora::config::templating
