#pragma once
// Puts Pystachio into the dialect interpreter: the type factories, Struct subclassing, objects' methods.

#include <string>

#include "config/lang/interpreter.hpp"
#include "config/template/model.hpp"
#include "config/template/operations.hpp"

namespace aurora::config::templating {

// Defines String Integer Float Boolean Enum Choice List Map Struct Required Default Empty
// Environment Ref MustacheParser Namable Type TypeCheck TypeFactory as globals of `in`.
void install_pystachio(lang::Interpreter& in);

// Conversions between script values and templating values.
lang::Value wrap_node(NodePtr node);    // nullptr -> Empty
lang::Value wrap_type(TypePtr type);
NodePtr node_of(const lang::Value& v);  // nullptr when v is not a pystachio object
TypePtr type_of(const lang::Value& v);  // nullptr when v is not a pystachio type
Data to_data(lang::Interpreter& in, const lang::Value& v);
lang::Value from_data(const Data& d);
// A bind()/in_scope() argument: a pystachio object, an Environment, or a dict.
Namable to_namable(lang::Interpreter& in, const lang::Value& v);
lang::Value empty_value();

// Runs fn, re-raising a TemplateError as the matching Python exception inside the interpreter.
template <class Fn>
auto as_python(Fn&& fn) -> decltype(fn());
[[noreturn]] void raise_template_error(const std::string& python_type, const std::string& message);

}  // namespace aurora::config::templating

#include "config/template/template_error.hpp"

namespace aurora::config::templating {
template <class Fn>
auto as_python(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const TemplateError& e) {
    raise_template_error(e.python_type(), e.what());
  }
}
}  // namespace aurora::config::templating
