#pragma once
// The recursive-descent parser shared by the statement and expression halves (internal header).

#include <memory>
#include <string_view>
#include <vector>

#include "config/lang/ast.hpp"
#include "config/lang/config_error.hpp"

namespace aurora::config::lang {

class Parser {
 public:
  Parser(CodeUnit& unit, std::vector<Token> tokens) : unit_(unit), tokens_(std::move(tokens)) {}
  Body parse_file();

  // Statements (parser.cpp).
  void parse_statement(Body& out);
  void parse_simple_statement(Body& out);
  StmtPtr parse_small_statement();
  StmtPtr parse_expression_statement();
  StmtPtr parse_print();
  StmtPtr parse_import();
  StmtPtr parse_from_import();
  StmtPtr parse_if();
  StmtPtr parse_while();
  StmtPtr parse_for();
  StmtPtr parse_try();
  StmtPtr parse_with();
  StmtPtr parse_def();
  StmtPtr parse_class();
  Body parse_suite();
  Body parse_else_clause();  // `else: suite`, or nothing
  void parse_parameters(FunctionDef& def, std::string_view closer);

  // Expressions (parse_expr.cpp).
  ExprPtr parse_test();
  ExprPtr parse_old_test();  // no conditional expression (comprehension conditions)
  ExprPtr parse_or_test();
  ExprPtr parse_and_test();
  ExprPtr parse_not_test();
  ExprPtr parse_comparison();
  ExprPtr parse_binary(int level);
  ExprPtr parse_factor();
  ExprPtr parse_power();
  ExprPtr parse_atom();
  ExprPtr parse_trailers(ExprPtr e);
  ExprPtr parse_subscript_list();
  ExprPtr parse_lambda();
  ExprPtr parse_testlist();         // a, b -> Tuple
  ExprPtr parse_exprlist();         // for-loop targets
  ExprPtr parse_bracket_contents(std::string_view open);
  void parse_call_args(Expr& call);
  void parse_comprehension_clauses(Expr& e);
  ExprPtr parse_strings();

  // Token helpers.
  const Token& peek(size_t ahead = 0) const {
    size_t i = pos_ + ahead;
    return tokens_[i < tokens_.size() ? i : tokens_.size() - 1];
  }
  const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  // Short inline comparisons: these run for every token, and a memcmp call per check is measurable.
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < b.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  bool at_op(std::string_view op) const {
    const Token& t = peek();
    return t.kind == TokenKind::Op && same(t.text, op);
  }
  bool at_keyword(std::string_view kw) const {
    const Token& t = peek();
    return t.kind == TokenKind::Name && same(t.text, kw);
  }
  bool accept_op(std::string_view op) {
    if (!at_op(op)) return false;
    ++pos_;
    return true;
  }
  bool accept_keyword(std::string_view kw) {
    if (!at_keyword(kw)) return false;
    ++pos_;
    return true;
  }
  const Token& expect_op(std::string_view op);
  const Token& expect_keyword(std::string_view kw);
  std::string expect_name();
  [[noreturn]] void fail(const Token& t, const std::string& message = "invalid syntax");
  bool at_expression_start() const;
  ExprPtr make(ExprKind kind, Location loc) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->loc = loc;
    return e;
  }
  StmtPtr make_stmt(StmtKind kind, Location loc) {
    auto s = std::make_unique<Stmt>();
    s->kind = kind;
    s->loc = loc;
    return s;
  }
  void check_target(const Expr& e);
  // Records the subtree height of e and rejects trees too deep to evaluate or free recursively.
  void finish(Expr& e);
  void enter(const Token& t);
  void leave() { --depth_; }

  CodeUnit& unit_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool print_function_ = false;
};

bool is_keyword(std::string_view word);
// Fills def.locals with every name the function body binds (Python's compile-time scoping).
void collect_locals(FunctionDef& def);

}  // namespace aurora::config::lang
