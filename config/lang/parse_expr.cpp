// The expression half of the parser: Python 2.7 precedence, displays, comprehensions, calls.

#include "config/lang/parser_impl.hpp"

namespace aurora::config::lang {

bool Parser::at_expression_start() const {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Name:
      return !is_keyword(t.text) || same(t.text, "not") || same(t.text, "lambda");
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
      return true;
    case TokenKind::Op:
      return same(t.text, "(") || same(t.text, "[") || same(t.text, "{") || same(t.text, "-") || same(t.text, "+") ||
             same(t.text, "~") || same(t.text, "`");
    default:
      return false;
  }
}

ExprPtr Parser::parse_testlist() {
  Location loc = peek().loc;
  ExprPtr first = parse_test();
  if (!at_op(",")) return first;
  auto tuple = make(ExprKind::Tuple, loc);
  tuple->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (!at_expression_start()) break;
    tuple->items.push_back(parse_test());
  }
  return tuple;
}

ExprPtr Parser::parse_exprlist() {
  Location loc = peek().loc;
  ExprPtr first = parse_binary(0);
  if (!at_op(",")) return first;
  auto tuple = make(ExprKind::Tuple, loc);
  tuple->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (!at_expression_start()) break;
    tuple->items.push_back(parse_binary(0));
  }
  return tuple;
}

void Parser::finish(Expr& e) {
  constexpr int kMaxExpressionDepth = 1000;
  int d = 0;
  auto see = [&d](const ExprPtr& child) {
    if (child && child->depth > d) d = child->depth;
  };
  see(e.a), see(e.b), see(e.c), see(e.star_args), see(e.kw_args);
  for (const auto& x : e.items) see(x);
  for (const auto& x : e.values) see(x);
  for (const auto& k : e.keywords) see(k.value);
  for (const auto& g : e.generators) {
    see(g.target), see(g.iter);
    for (const auto& x : g.ifs) see(x);
  }
  e.depth = d + 1;
  if (e.depth > kMaxExpressionDepth) throw_syntax_error(e.loc, "expression too complex (nested too deeply)");
}

ExprPtr Parser::parse_test() {
  if (at_keyword("lambda")) return parse_lambda();
  enter(peek());
  ExprPtr cond_value = parse_or_test();
  if (at_keyword("if")) {
    auto e = make(ExprKind::IfExp, next().loc);
    e->b = std::move(cond_value);
    e->a = parse_or_test();
    expect_keyword("else");
    e->c = parse_test();
    leave();
    finish(*e);
    return e;
  }
  leave();
  finish(*cond_value);
  return cond_value;
}

ExprPtr Parser::parse_old_test() {
  if (at_keyword("lambda")) return parse_lambda();
  return parse_or_test();
}

ExprPtr Parser::parse_lambda() {
  auto e = make(ExprKind::Lambda, next().loc);
  auto def = std::make_shared<FunctionDef>();
  def->name = "<lambda>";
  def->loc = e->loc;
  def->unit = &unit_;
  parse_parameters(*def, ":");
  expect_op(":");
  def->lambda_body = parse_test();
  collect_locals(*def);
  e->lambda = std::move(def);
  return e;
}

ExprPtr Parser::parse_or_test() {
  ExprPtr first = parse_and_test();
  if (!at_keyword("or")) return first;
  auto e = make(ExprKind::BoolOp, first->loc);
  e->op = Op::Or;
  e->items.push_back(std::move(first));
  while (accept_keyword("or")) e->items.push_back(parse_and_test());
  return e;
}

ExprPtr Parser::parse_and_test() {
  ExprPtr first = parse_not_test();
  if (!at_keyword("and")) return first;
  auto e = make(ExprKind::BoolOp, first->loc);
  e->op = Op::And;
  e->items.push_back(std::move(first));
  while (accept_keyword("and")) e->items.push_back(parse_not_test());
  return e;
}

ExprPtr Parser::parse_not_test() {
  if (at_keyword("not")) {
    auto e = make(ExprKind::UnaryOp, next().loc);
    e->op = Op::Not;
    enter(peek());
    e->a = parse_not_test();
    leave();
    return e;
  }
  return parse_comparison();
}

ExprPtr Parser::parse_comparison() {
  ExprPtr first = parse_binary(0);
  ExprPtr cmp;
  while (true) {
    Op op;
    Location loc = peek().loc;
    if (accept_op("<")) op = Op::Lt;
    else if (accept_op(">")) op = Op::Gt;
    else if (accept_op("==")) op = Op::Eq;
    else if (accept_op("!=")) op = Op::Ne;
    else if (accept_op("<=")) op = Op::Le;
    else if (accept_op(">=")) op = Op::Ge;
    else if (accept_keyword("in")) op = Op::In;
    else if (at_keyword("not") && peek(1).kind == TokenKind::Name && same(peek(1).text, "in")) {
      pos_ += 2;
      op = Op::NotIn;
    } else if (accept_keyword("is")) {
      op = accept_keyword("not") ? Op::IsNot : Op::Is;
    } else {
      break;
    }
    if (!cmp) {
      cmp = make(ExprKind::Compare, loc);
      cmp->a = std::move(first);
    }
    cmp->ops.push_back(op);
    cmp->items.push_back(parse_binary(0));
  }
  return cmp ? std::move(cmp) : std::move(first);
}

namespace {
// Binding strength of a binary operator token (Python: | ^ & << >> + - * / // %), 0 if none.
int binary_precedence(const Token& t, Op* op) {
  if (t.kind != TokenKind::Op) return 0;
  const std::string& s = t.text;
  if (s.size() == 1) {
    switch (s[0]) {
      case '|': *op = Op::BitOr; return 1;
      case '^': *op = Op::BitXor; return 2;
      case '&': *op = Op::BitAnd; return 3;
      case '+': *op = Op::Add; return 5;
      case '-': *op = Op::Sub; return 5;
      case '*': *op = Op::Mul; return 6;
      case '/': *op = Op::Div; return 6;
      case '%': *op = Op::Mod; return 6;
      default: return 0;
    }
  }
  if (s.size() == 2) {
    if (s == "<<") return *op = Op::LShift, 4;
    if (s == ">>") return *op = Op::RShift, 4;
    if (s == "//") return *op = Op::FloorDiv, 6;
  }
  return 0;
}
}  // namespace

// Precedence climbing over the binary operators, left-associative.
ExprPtr Parser::parse_binary(int min_precedence) {
  ExprPtr left = parse_factor();
  while (true) {
    Op op = Op::Add;
    int precedence = binary_precedence(peek(), &op);
    if (precedence == 0 || precedence < min_precedence) return left;
    auto e = make(ExprKind::BinOp, next().loc);
    e->op = op;
    e->a = std::move(left);
    e->b = parse_binary(precedence + 1);
    finish(*e);
    left = std::move(e);
  }
}

ExprPtr Parser::parse_factor() {
  const Token& t = peek();
  if (t.kind == TokenKind::Op && (same(t.text, "-") || same(t.text, "+") || same(t.text, "~"))) {
    auto e = make(ExprKind::UnaryOp, t.loc);
    e->op = same(t.text, "-") ? Op::Neg : same(t.text, "+") ? Op::Pos : Op::Invert;
    next();
    enter(t);
    e->a = parse_factor();
    leave();
    // Fold -<literal> so that -9223372036854775808 style constants stay exact.
    if (e->op == Op::Neg && e->a->kind == ExprKind::Constant && e->a->constant.is_float()) {
      e->a->constant = Value::real(-e->a->constant.as_float());
      return std::move(e->a);
    }
    return e;
  }
  return parse_power();
}

ExprPtr Parser::parse_power() {
  ExprPtr base = parse_trailers(parse_atom());
  if (at_op("**")) {
    auto e = make(ExprKind::BinOp, next().loc);
    e->op = Op::Pow;
    e->a = std::move(base);
    e->b = parse_factor();
    return e;
  }
  return base;
}

ExprPtr Parser::parse_strings() {
  auto e = make(ExprKind::Constant, peek().loc);
  std::string s;
  while (peek().kind == TokenKind::String) s += next().text;
  e->constant = Value::str(std::move(s));
  return e;
}

ExprPtr Parser::parse_atom() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Int: {
      auto e = make(ExprKind::Constant, t.loc);
      e->constant = Value::integer(next().int_value);
      return e;
    }
    case TokenKind::Float: {
      auto e = make(ExprKind::Constant, t.loc);
      e->constant = Value::real(next().float_value);
      return e;
    }
    case TokenKind::String:
      return parse_strings();
    case TokenKind::Name: {
      if (is_keyword(t.text)) fail(t);
      auto e = make(ExprKind::Name, t.loc);
      e->name = next().text;
      if (e->name == "None" || e->name == "True" || e->name == "False") {
        e->kind = ExprKind::Constant;
        e->constant = e->name == "None" ? Value::none() : Value::boolean(e->name == "True");
      }
      return e;
    }
    case TokenKind::Op:
      if (same(t.text, "(") || same(t.text, "[") || same(t.text, "{")) {
        enter(t);
        std::string open = next().text;
        ExprPtr e = parse_bracket_contents(open);
        leave();
        return e;
      }
      if (same(t.text, "`")) {
        auto e = make(ExprKind::Repr, next().loc);
        e->a = parse_testlist();
        expect_op("`");
        return e;
      }
      break;
    default:
      break;
  }
  if (t.kind == TokenKind::End) fail(t, "unexpected EOF while parsing");
  fail(t);
}

ExprPtr Parser::parse_bracket_contents(std::string_view open) {
  Location loc = tokens_[pos_ - 1].loc;
  if (open == "(") {
    if (accept_op(")")) return make(ExprKind::Tuple, loc);
    ExprPtr first = parse_test();
    if (at_keyword("for")) {
      auto e = make(ExprKind::GenExp, loc);
      e->a = std::move(first);
      parse_comprehension_clauses(*e);
      expect_op(")");
      return e;
    }
    if (accept_op(")")) return first;
    auto tuple = make(ExprKind::Tuple, loc);
    tuple->items.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op(")")) break;
      tuple->items.push_back(parse_test());
    }
    expect_op(")");
    return tuple;
  }
  if (open == "[") {
    auto list = make(ExprKind::List, loc);
    if (accept_op("]")) return list;
    ExprPtr first = parse_test();
    if (at_keyword("for")) {
      list->kind = ExprKind::ListComp;
      list->a = std::move(first);
      parse_comprehension_clauses(*list);
      expect_op("]");
      return list;
    }
    list->items.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op("]")) break;
      list->items.push_back(parse_test());
    }
    expect_op("]");
    return list;
  }
  auto e = make(ExprKind::Dict, loc);
  if (accept_op("}")) return e;
  ExprPtr first = parse_test();
  if (accept_op(":")) {
    ExprPtr value = parse_test();
    if (at_keyword("for")) {
      e->kind = ExprKind::DictComp;
      e->a = std::move(first);
      e->b = std::move(value);
      parse_comprehension_clauses(*e);
      expect_op("}");
      return e;
    }
    e->items.push_back(std::move(first));
    e->values.push_back(std::move(value));
    while (accept_op(",")) {
      if (at_op("}")) break;
      e->items.push_back(parse_test());
      expect_op(":");
      e->values.push_back(parse_test());
    }
    expect_op("}");
    return e;
  }
  e->kind = ExprKind::Set;
  if (at_keyword("for")) {
    e->kind = ExprKind::SetComp;
    e->a = std::move(first);
    parse_comprehension_clauses(*e);
    expect_op("}");
    return e;
  }
  e->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op("}")) break;
    e->items.push_back(parse_test());
  }
  expect_op("}");
  return e;
}

void Parser::parse_comprehension_clauses(Expr& e) {
  while (accept_keyword("for")) {
    Comprehension c;
    c.target = parse_exprlist();
    check_target(*c.target);
    expect_keyword("in");
    // Python 2 allows an unparenthesised tuple here in list comprehensions.
    c.iter = parse_or_test();
    if (e.kind == ExprKind::ListComp && at_op(",")) {
      auto tuple = make(ExprKind::Tuple, c.iter->loc);
      tuple->items.push_back(std::move(c.iter));
      while (accept_op(",")) {
        if (at_op("]")) break;
        tuple->items.push_back(parse_old_test());
      }
      c.iter = std::move(tuple);
    }
    while (accept_keyword("if")) c.ifs.push_back(parse_old_test());
    e.generators.push_back(std::move(c));
  }
}

ExprPtr Parser::parse_trailers(ExprPtr e) {
  while (true) {
    if (e->kind == ExprKind::Call || e->kind == ExprKind::Subscript || e->kind == ExprKind::Attribute) finish(*e);
    const Token& t = peek();
    if (t.kind != TokenKind::Op) return e;
    if (same(t.text, "(")) {
      auto call = make(ExprKind::Call, t.loc);
      next();
      call->a = std::move(e);
      parse_call_args(*call);
      e = std::move(call);
    } else if (same(t.text, "[")) {
      auto sub = make(ExprKind::Subscript, t.loc);
      next();
      sub->a = std::move(e);
      sub->b = parse_subscript_list();
      expect_op("]");
      e = std::move(sub);
    } else if (same(t.text, ".")) {
      auto attr = make(ExprKind::Attribute, t.loc);
      next();
      attr->a = std::move(e);
      attr->name = expect_name();
      e = std::move(attr);
    } else {
      return e;
    }
  }
}

ExprPtr Parser::parse_subscript_list() {
  Location loc = peek().loc;
  auto parse_one = [this]() -> ExprPtr {
    Location l = peek().loc;
    ExprPtr lower;
    if (!at_op(":")) {
      lower = parse_test();
      if (!at_op(":")) return lower;
    }
    auto slice = make(ExprKind::Slice, l);
    next();  // ':'
    slice->a = std::move(lower);
    if (!at_op("]") && !at_op(":") && !at_op(",")) slice->b = parse_test();
    if (accept_op(":") && !at_op("]") && !at_op(",")) slice->c = parse_test();
    return slice;
  };
  ExprPtr first = parse_one();
  if (!at_op(",")) return first;
  auto tuple = make(ExprKind::Tuple, loc);
  tuple->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op("]")) break;
    tuple->items.push_back(parse_one());
  }
  return tuple;
}

void Parser::parse_call_args(Expr& call) {
  while (!at_op(")")) {
    if (accept_op("**")) {
      call.kw_args = parse_test();
    } else if (accept_op("*")) {
      call.star_args = parse_test();
    } else if (peek().kind == TokenKind::Name && peek(1).kind == TokenKind::Op &&
               same(peek(1).text, "=")) {
      const Token& name = peek();
      if (is_keyword(name.text)) fail(name);
      for (const auto& k : call.keywords)
        if (k.name == name.text) fail(name, "keyword argument repeated");
      Keyword k{next().text, nullptr};
      next();
      k.value = parse_test();
      call.keywords.push_back(std::move(k));
    } else {
      const Token& start = peek();
      if (!call.keywords.empty() || call.kw_args) fail(start, "non-keyword arg after keyword arg");
      ExprPtr arg = parse_test();
      if (at_keyword("for")) {
        auto gen = make(ExprKind::GenExp, arg->loc);
        gen->a = std::move(arg);
        parse_comprehension_clauses(*gen);
        arg = std::move(gen);
      }
      call.items.push_back(std::move(arg));
    }
    if (!accept_op(",")) break;
  }
  expect_op(")");
}

}  // namespace aurora::config::lang
