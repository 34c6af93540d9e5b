#pragma once
// The syntax tree of the dialect: plain structs the evaluator walks directly.

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "config/lang/token.hpp"
#include "config/lang/value.hpp"

namespace aurora::config::lang {

enum class Op : uint8_t {
  Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor,
  Lt, Le, Gt, Ge, Eq, Ne, In, NotIn, Is, IsNot,
  Neg, Pos, Invert, Not, And, Or,
};
const char* op_symbol(Op op);

enum class ExprKind : uint8_t {
  Name, Constant, List, Tuple, Dict, Set, ListComp, SetComp, DictComp, GenExp, BinOp, UnaryOp,
  BoolOp, Compare, IfExp, Lambda, Call, Attribute, Subscript, Slice, Starred, Repr,
};

struct Expr;
struct Stmt;
struct FunctionDef;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
};

struct Keyword {
  std::string name;
  ExprPtr value;
};

struct Expr {
  ExprKind kind;
  Location loc;
  int depth = 1;  // height of this subtree, bounded by the parser
  Op op = Op::Add;
  std::string name;             // Name id, Attribute attr
  Value constant;               // Constant
  ExprPtr a, b, c;              // operands: BinOp a op b; IfExp b if a else c; Subscript a[b];
                                // Slice a:b:c; DictComp key a value b; Call func a; Attribute a
  std::vector<ExprPtr> items;   // displays, call args, BoolOp operands, Compare comparators
  std::vector<ExprPtr> values;  // Dict values
  std::vector<Op> ops;          // Compare
  std::vector<Keyword> keywords;
  ExprPtr star_args, kw_args;
  std::vector<Comprehension> generators;
  std::shared_ptr<FunctionDef> lambda;
};

struct Param {
  std::string name;
  ExprPtr default_value;  // null when required
};

struct CodeUnit;

struct FunctionDef {
  std::string name;
  Location loc;
  std::vector<Param> params;
  std::string vararg, kwarg;  // empty when absent
  Body body;
  ExprPtr lambda_body;  // set for lambda
  std::unordered_set<std::string> locals;
  std::unordered_set<std::string> globals;
  const CodeUnit* unit = nullptr;
};

struct ExceptHandler {
  ExprPtr type;  // null for bare except
  ExprPtr name;  // target of `as` / `, e`
  Body body;
  Location loc;
};

struct ImportName {
  std::string name;  // dotted for `import a.b`
  std::string as;
};

enum class StmtKind : uint8_t {
  Expr, Assign, AugAssign, If, For, While, Break, Continue, Pass, Return, Def, Class, Import,
  ImportFrom, Global, Del, Assert, Try, Raise, Print, With,
};

struct Stmt {
  StmtKind kind;
  Location loc;
  Op op = Op::Add;                // AugAssign
  std::vector<ExprPtr> targets;   // Assign (a = b = v), For target, Del, With target
  ExprPtr value;                  // Assign/AugAssign/Expr/Return/Raise value/Assert msg/With ctx
  ExprPtr test;                   // If/While/Assert; Raise 2nd arg; Print dest
  Body body, orelse, finalbody;
  std::vector<ExceptHandler> handlers;
  std::shared_ptr<FunctionDef> func;  // Def
  std::string name;                    // Class name, ImportFrom module
  std::vector<ExprPtr> bases;          // Class bases, Print values
  std::vector<ImportName> imports;     // Import/ImportFrom (name "*" for star)
  std::vector<std::string> names;      // Global
  bool newline = true;                 // Print without trailing comma
};

// One parsed file.
struct CodeUnit {
  SourceFile file;
  Body body;
  bool true_division = false;  // from __future__ import division
};

}  // namespace aurora::config::lang
