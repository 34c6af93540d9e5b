#pragma once
// The builtin exception classes (one immutable set per process) and the C++ way to raise them.

#include <string>
#include <vector>

#include "config/lang/value.hpp"

namespace aurora::config::lang {

// The builtin exception class called name ("ValueError"); None if there is none.
Value builtin_exception_class(const std::string& name);
// Every builtin exception class, for the builtins namespace.
const std::vector<std::pair<std::string, Value>>& builtin_exception_classes();
// A new instance of cls with the given args (sets .args and .message).
Value new_exception(const Value& cls, std::vector<Value> args);
// Raises a builtin exception from anywhere in the interpreter or in native code.
[[noreturn]] void throw_py(const std::string& type, const std::string& message);
// The class name and message of an exception instance ("KeyError", "'x'").
std::string exception_type_name(const Value& exc);

}  // namespace aurora::config::lang
