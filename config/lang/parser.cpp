#include "config/lang/parser.hpp"

#include "config/lang/lexer.hpp"
#include "config/lang/parser_impl.hpp"

namespace aurora::config::lang {
namespace {
constexpr int kMaxNesting = 150;
}

bool is_keyword(std::string_view w) {
  if (w.size() < 2 || w.size() > 8 || w[0] < 'a' || w[0] > 'y') return false;
  static const std::string_view kws[] = {
      "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else",
      "except", "exec", "finally", "for", "from", "global", "if", "import", "in", "is",
      "lambda", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
  for (auto k : kws)
    if (k[0] == w[0] && k.size() == w.size() && Parser::same(w, k)) return true;
  return false;
}

void Parser::fail(const Token& t, const std::string& message) { throw_syntax_error(t.loc, message); }

void Parser::enter(const Token& t) {
  if (++depth_ > kMaxNesting) fail(t, "too many nested blocks or expressions");
}

const Token& Parser::expect_op(std::string_view op) {
  if (!at_op(op)) fail(peek(), peek().kind == TokenKind::Newline || peek().kind == TokenKind::End
                                   ? "invalid syntax (expected '" + std::string(op) + "')"
                                   : "invalid syntax");
  return next();
}

const Token& Parser::expect_keyword(std::string_view kw) {
  if (!at_keyword(kw)) fail(peek());
  return next();
}

std::string Parser::expect_name() {
  const Token& t = peek();
  if (t.kind != TokenKind::Name || is_keyword(t.text)) fail(t);
  return next().text;
}

Body Parser::parse_file() {
  Body body;
  while (peek().kind != TokenKind::End) {
    if (peek().kind == TokenKind::Newline) {
      next();
      continue;
    }
    if (peek().kind == TokenKind::Indent) fail(peek(), "unexpected indent");
    parse_statement(body);
  }
  return body;
}

Body Parser::parse_suite() {
  Body body;
  enter(peek());
  if (peek().kind != TokenKind::Newline) {
    parse_simple_statement(body);
    leave();
    return body;
  }
  next();
  if (peek().kind != TokenKind::Indent) throw_syntax_error(peek().loc, "expected an indented block", "IndentationError");
  next();
  while (peek().kind != TokenKind::Dedent && peek().kind != TokenKind::End) parse_statement(body);
  if (peek().kind == TokenKind::Dedent) next();
  leave();
  return body;
}

Body Parser::parse_else_clause() {
  if (!accept_keyword("else")) return {};
  expect_op(":");
  return parse_suite();
}

void Parser::parse_statement(Body& out) {
  const Token& t = peek();
  if (t.kind == TokenKind::Indent) fail(t, "unexpected indent");
  if (t.kind == TokenKind::Name) {
    if (same(t.text, "if")) return out.push_back(parse_if());
    if (same(t.text, "while")) return out.push_back(parse_while());
    if (same(t.text, "for")) return out.push_back(parse_for());
    if (same(t.text, "try")) return out.push_back(parse_try());
    if (same(t.text, "with")) return out.push_back(parse_with());
    if (same(t.text, "def")) return out.push_back(parse_def());
    if (same(t.text, "class")) return out.push_back(parse_class());
  }
  if (at_op("@")) {
    // Decorators: d(f) applied bottom-up, expressed as an assignment after the definition.
    std::vector<ExprPtr> decorators;
    while (accept_op("@")) {
      ExprPtr d = parse_test();
      if (peek().kind != TokenKind::Newline) fail(peek());
      next();
      decorators.push_back(std::move(d));
    }
    StmtPtr def = at_keyword("class") ? parse_class() : parse_def();
    std::string name = def->kind == StmtKind::Def ? def->func->name : def->name;
    Location loc = def->loc;
    out.push_back(std::move(def));
    auto value = make(ExprKind::Name, loc);
    value->name = name;
    for (size_t i = decorators.size(); i-- > 0;) {
      auto call = make(ExprKind::Call, decorators[i]->loc);
      call->a = std::move(decorators[i]);
      call->items.push_back(std::move(value));
      value = std::move(call);
    }
    auto assign = make_stmt(StmtKind::Assign, loc);
    auto target = make(ExprKind::Name, loc);
    target->name = name;
    assign->targets.push_back(std::move(target));
    assign->value = std::move(value);
    out.push_back(std::move(assign));
    return;
  }
  parse_simple_statement(out);
}

void Parser::parse_simple_statement(Body& out) {
  while (true) {
    out.push_back(parse_small_statement());
    if (!accept_op(";")) break;
    if (peek().kind == TokenKind::Newline) break;
  }
  if (peek().kind != TokenKind::Newline && peek().kind != TokenKind::End) fail(peek());
  if (peek().kind == TokenKind::Newline) next();
}

StmtPtr Parser::parse_small_statement() {
  const Token& t = peek();
  Location loc = t.loc;
  if (t.kind == TokenKind::Name) {
    const std::string& w = t.text;
    if (same(w, "pass")) return next(), make_stmt(StmtKind::Pass, loc);
    if (same(w, "break")) return next(), make_stmt(StmtKind::Break, loc);
    if (same(w, "continue")) return next(), make_stmt(StmtKind::Continue, loc);
    if (same(w, "print") && !print_function_) return parse_print();
    if (same(w, "import")) return parse_import();
    if (same(w, "from")) return parse_from_import();
    if (same(w, "exec")) fail(t, "exec is not supported in configurations");
    if (same(w, "yield")) fail(t, "generators (yield) are not supported in configurations");
    if (same(w, "return")) {
      next();
      auto s = make_stmt(StmtKind::Return, loc);
      if (peek().kind != TokenKind::Newline && !at_op(";")) s->value = parse_testlist();
      return s;
    }
    if (same(w, "global")) {
      next();
      auto s = make_stmt(StmtKind::Global, loc);
      do s->names.push_back(expect_name());
      while (accept_op(","));
      return s;
    }
    if (same(w, "del")) {
      next();
      auto s = make_stmt(StmtKind::Del, loc);
      ExprPtr targets = parse_exprlist();
      if (targets->kind == ExprKind::Tuple) {
        for (auto& item : targets->items) s->targets.push_back(std::move(item));
      } else {
        s->targets.push_back(std::move(targets));
      }
      for (auto& e : s->targets) check_target(*e);
      return s;
    }
    if (same(w, "assert")) {
      next();
      auto s = make_stmt(StmtKind::Assert, loc);
      s->test = parse_test();
      if (accept_op(",")) s->value = parse_test();
      return s;
    }
    if (same(w, "raise")) {
      next();
      auto s = make_stmt(StmtKind::Raise, loc);
      if (peek().kind != TokenKind::Newline && !at_op(";")) {
        s->value = parse_test();
        if (accept_op(",")) {
          s->test = parse_test();
          if (accept_op(",")) parse_test();  // traceback argument ignored
        }
      }
      return s;
    }
  }
  return parse_expression_statement();
}

void Parser::check_target(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
      if (e.name == "None") throw_syntax_error(e.loc, "cannot assign to None");
      return;
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const auto& item : e.items) check_target(*item);
      return;
    case ExprKind::Call:
      throw_syntax_error(e.loc, "can't assign to function call");
    case ExprKind::Constant:
      throw_syntax_error(e.loc, "can't assign to literal");
    default:
      throw_syntax_error(e.loc, "can't assign to expression");
  }
}

StmtPtr Parser::parse_expression_statement() {
  Location loc = peek().loc;
  ExprPtr first = parse_testlist();
  static const std::pair<std::string_view, Op> aug[] = {
      {"+=", Op::Add},      {"-=", Op::Sub},      {"*=", Op::Mul},    {"/=", Op::Div},
      {"//=", Op::FloorDiv}, {"%=", Op::Mod},     {"**=", Op::Pow},   {">>=", Op::RShift},
      {"<<=", Op::LShift},  {"&=", Op::BitAnd},  {"|=", Op::BitOr},  {"^=", Op::BitXor}};
  for (const auto& [sym, op] : aug) {
    if (at_op(sym)) {
      next();
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
          first->kind != ExprKind::Subscript)
        throw_syntax_error(first->loc, "illegal expression for augmented assignment");
      auto s = make_stmt(StmtKind::AugAssign, loc);
      s->op = op;
      s->targets.push_back(std::move(first));
      s->value = parse_testlist();
      return s;
    }
  }
  if (!at_op("=")) {
    auto s = make_stmt(StmtKind::Expr, loc);
    s->value = std::move(first);
    return s;
  }
  auto s = make_stmt(StmtKind::Assign, loc);
  ExprPtr current = std::move(first);
  while (accept_op("=")) {
    check_target(*current);
    s->targets.push_back(std::move(current));
    current = parse_testlist();
  }
  s->value = std::move(current);
  return s;
}

StmtPtr Parser::parse_print() {
  auto s = make_stmt(StmtKind::Print, next().loc);
  if (accept_op(">>")) {
    s->test = parse_test();
    if (!accept_op(",")) return s;
  }
  while (peek().kind != TokenKind::Newline && !at_op(";") && peek().kind != TokenKind::End) {
    s->bases.push_back(parse_test());
    if (!accept_op(",")) {
      s->newline = true;
      return s;
    }
    s->newline = false;
  }
  return s;
}

StmtPtr Parser::parse_import() {
  auto s = make_stmt(StmtKind::Import, next().loc);
  do {
    ImportName name;
    name.name = expect_name();
    while (accept_op(".")) name.name += "." + expect_name();
    if (accept_keyword("as")) name.as = expect_name();
    s->imports.push_back(std::move(name));
  } while (accept_op(","));
  return s;
}

StmtPtr Parser::parse_from_import() {
  auto s = make_stmt(StmtKind::ImportFrom, next().loc);
  while (at_op(".")) s->name += next().text;
  if (!at_keyword("import")) {
    s->name += expect_name();
    while (accept_op(".")) s->name += "." + expect_name();
  }
  expect_keyword("import");
  if (accept_op("*")) {
    s->imports.push_back({"*", ""});
    return s;
  }
  bool paren = accept_op("(");
  do {
    if (paren && at_op(")")) break;
    ImportName name;
    name.name = expect_name();
    if (accept_keyword("as")) name.as = expect_name();
    s->imports.push_back(std::move(name));
  } while (accept_op(","));
  if (paren) expect_op(")");
  if (s->name == "__future__") {
    for (const auto& n : s->imports) {
      if (n.name == "division") unit_.true_division = true;
      if (n.name == "print_function") print_function_ = true;
    }
  }
  return s;
}

StmtPtr Parser::parse_if() {
  auto s = make_stmt(StmtKind::If, next().loc);
  s->test = parse_test();
  expect_op(":");
  s->body = parse_suite();
  if (at_keyword("elif")) {
    s->orelse.push_back(parse_if());
  } else {
    s->orelse = parse_else_clause();
  }
  return s;
}

StmtPtr Parser::parse_while() {
  auto s = make_stmt(StmtKind::While, next().loc);
  s->test = parse_test();
  expect_op(":");
  s->body = parse_suite();
  s->orelse = parse_else_clause();
  return s;
}

StmtPtr Parser::parse_for() {
  auto s = make_stmt(StmtKind::For, next().loc);
  ExprPtr target = parse_exprlist();
  check_target(*target);
  s->targets.push_back(std::move(target));
  expect_keyword("in");
  s->value = parse_testlist();
  expect_op(":");
  s->body = parse_suite();
  s->orelse = parse_else_clause();
  return s;
}

StmtPtr Parser::parse_try() {
  auto s = make_stmt(StmtKind::Try, next().loc);
  expect_op(":");
  s->body = parse_suite();
  while (at_keyword("except")) {
    ExceptHandler h;
    h.loc = next().loc;
    if (!at_op(":")) {
      h.type = parse_test();
      if (accept_keyword("as") || accept_op(",")) {
        h.name = parse_test();
        check_target(*h.name);
      }
    }
    expect_op(":");
    h.body = parse_suite();
    s->handlers.push_back(std::move(h));
  }
  if (!s->handlers.empty()) s->orelse = parse_else_clause();
  if (accept_keyword("finally")) {
    expect_op(":");
    s->finalbody = parse_suite();
  }
  if (s->handlers.empty() && s->finalbody.empty()) fail(peek());
  return s;
}

StmtPtr Parser::parse_with() {
  auto s = make_stmt(StmtKind::With, next().loc);
  s->value = parse_test();
  if (accept_keyword("as")) {
    ExprPtr target = parse_exprlist();
    check_target(*target);
    s->targets.push_back(std::move(target));
  }
  if (at_op(",")) fail(peek(), "only one context manager per with statement is supported");
  expect_op(":");
  s->body = parse_suite();
  return s;
}

void Parser::parse_parameters(FunctionDef& def, std::string_view closer) {
  bool seen_default = false;
  while (!at_op(closer)) {
    if (accept_op("**")) {
      def.kwarg = expect_name();
      accept_op(",");
      break;
    }
    if (accept_op("*")) {
      def.vararg = expect_name();
    } else {
      Param p;
      const Token& t = peek();
      p.name = expect_name();
      for (const auto& other : def.params)
        if (other.name == p.name) fail(t, "duplicate argument '" + p.name + "' in function definition");
      if (accept_op("=")) {
        p.default_value = parse_test();
        seen_default = true;
      } else if (seen_default) {
        fail(t, "non-default argument follows default argument");
      }
      def.params.push_back(std::move(p));
    }
    if (!accept_op(",")) break;
  }
}

StmtPtr Parser::parse_def() {
  auto s = make_stmt(StmtKind::Def, next().loc);
  auto def = std::make_shared<FunctionDef>();
  def->loc = s->loc;
  def->unit = &unit_;
  def->name = expect_name();
  expect_op("(");
  parse_parameters(*def, ")");
  expect_op(")");
  expect_op(":");
  def->body = parse_suite();
  collect_locals(*def);
  s->func = std::move(def);
  return s;
}

StmtPtr Parser::parse_class() {
  auto s = make_stmt(StmtKind::Class, next().loc);
  s->name = expect_name();
  if (accept_op("(")) {
    while (!at_op(")")) {
      s->bases.push_back(parse_test());
      if (!accept_op(",")) break;
    }
    expect_op(")");
  }
  expect_op(":");
  s->body = parse_suite();
  return s;
}

std::shared_ptr<CodeUnit> parse(std::string path, std::string text) {
  auto unit = std::make_shared<CodeUnit>();
  unit->file.path = std::move(path);
  unit->file.text = std::move(text);
  Parser parser(*unit, tokenize(unit->file));
  unit->body = parser.parse_file();
  return unit;
}

}  // namespace aurora::config::lang
