// Python decides at compile time which names a function binds; this walk reproduces that.

#include "config/lang/parser_impl.hpp"

namespace aurora::config::lang {
namespace {

void bind_target(const Expr& e, std::unordered_set<std::string>& out) {
  if (e.kind == ExprKind::Name) {
    out.insert(e.name);
  } else if (e.kind == ExprKind::Tuple || e.kind == ExprKind::List) {
    for (const auto& item : e.items) bind_target(*item, out);
  }
}

void walk_expr(const Expr* e, std::unordered_set<std::string>& out) {
  if (!e) return;
  // Python 2 list comprehensions leak their loop variables into the enclosing function.
  if (e->kind == ExprKind::ListComp) {
    for (const auto& g : e->generators) {
      bind_target(*g.target, out);
      walk_expr(g.iter.get(), out);
      for (const auto& i : g.ifs) walk_expr(i.get(), out);
    }
    walk_expr(e->a.get(), out);
    return;
  }
  if (e->kind == ExprKind::Lambda || e->kind == ExprKind::GenExp || e->kind == ExprKind::SetComp ||
      e->kind == ExprKind::DictComp)
    return;
  walk_expr(e->a.get(), out);
  walk_expr(e->b.get(), out);
  walk_expr(e->c.get(), out);
  for (const auto& i : e->items) walk_expr(i.get(), out);
  for (const auto& i : e->values) walk_expr(i.get(), out);
  for (const auto& k : e->keywords) walk_expr(k.value.get(), out);
  walk_expr(e->star_args.get(), out);
  walk_expr(e->kw_args.get(), out);
}

void walk_body(const Body& body, FunctionDef& def);

void walk_stmt(const Stmt& s, FunctionDef& def) {
  auto& out = def.locals;
  switch (s.kind) {
    case StmtKind::Assign:
    case StmtKind::AugAssign:
    case StmtKind::For:
    case StmtKind::With:
    case StmtKind::Del:
      for (const auto& t : s.targets) bind_target(*t, out);
      break;
    case StmtKind::Def:
      out.insert(s.func->name);
      for (const auto& p : s.func->params) walk_expr(p.default_value.get(), out);
      return;
    case StmtKind::Class:
      out.insert(s.name);
      return;
    case StmtKind::Import:
      for (const auto& n : s.imports) {
        if (!n.as.empty()) out.insert(n.as);
        else out.insert(n.name.substr(0, n.name.find('.')));
      }
      return;
    case StmtKind::ImportFrom:
      for (const auto& n : s.imports)
        if (n.name != "*") out.insert(n.as.empty() ? n.name : n.as);
      return;
    case StmtKind::Global:
      for (const auto& n : s.names) def.globals.insert(n);
      return;
    case StmtKind::Try:
      for (const auto& h : s.handlers) {
        if (h.name) bind_target(*h.name, out);
        walk_body(h.body, def);
      }
      break;
    default:
      break;
  }
  walk_expr(s.value.get(), out);
  walk_expr(s.test.get(), out);
  for (const auto& b : s.bases) walk_expr(b.get(), out);
  walk_body(s.body, def);
  walk_body(s.orelse, def);
  walk_body(s.finalbody, def);
}

void walk_body(const Body& body, FunctionDef& def) {
  for (const auto& s : body) walk_stmt(*s, def);
}

}  // namespace

void collect_locals(FunctionDef& def) {
  for (const auto& p : def.params) def.locals.insert(p.name);
  if (!def.vararg.empty()) def.locals.insert(def.vararg);
  if (!def.kwarg.empty()) def.locals.insert(def.kwarg);
  if (def.lambda_body) walk_expr(def.lambda_body.get(), def.locals);
  walk_body(def.body, def);
  for (const auto& g : def.globals) def.locals.erase(g);
}

}  // namespace aurora::config::lang
