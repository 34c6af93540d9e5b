#pragma once
// Python's two string formatting languages: `fmt % args` and str.format / format(v, spec).

#include <string>

#include "config/lang/value.hpp"

namespace aurora::config::lang {

class Interpreter;

std::string percent_format(Interpreter& in, const std::string& fmt, const Value& args);
std::string format_with_spec(Interpreter& in, const Value& v, const std::string& spec);
std::string str_format(Interpreter& in, const std::string& fmt, const CallArgs& args);

}  // namespace aurora::config::lang
