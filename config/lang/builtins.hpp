#pragma once
// Builtin functions, the methods of builtin types, and the importable standard modules.

#include <string>
#include <unordered_map>

#include "config/lang/value.hpp"

namespace aurora::config::lang {

class Interpreter;
using MethodTable = std::unordered_map<std::string, NativeFn>;

void install_builtins(Interpreter& in);
const MethodTable& str_methods();
const MethodTable& list_methods();
const MethodTable& tuple_methods();
const MethodTable& dict_methods();
const MethodTable& set_methods();
const MethodTable& file_methods();
// The method table for a builtin type, or nullptr.
const MethodTable* methods_for(Type t);

// The standard module called name (os, sys, json, ...), or None if it is not supported.
Value make_standard_module(Interpreter& in, const std::string& name);

// Argument helpers for native functions: "name() takes ..." TypeErrors.
void expect_args(const CallArgs& args, const char* fname, size_t min, size_t max);
const Value& arg_or(const CallArgs& args, size_t i, const char* keyword, const Value& fallback);
int64_t int_arg(const Value& v, const char* fname);
const std::string& str_arg(const Value& v, const char* fname);
// int(d): truncates; NaN is ValueError, infinities and values beyond 64 bits OverflowError.
Value float_to_integer(double d);

}  // namespace aurora::config::lang
