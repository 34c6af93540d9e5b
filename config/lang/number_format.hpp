#pragma once
// Python 2.7's textual forms of numbers and strings.

#include <cstdint>
#include <string>

namespace aurora::config::lang {

std::string float_repr(double d);  // shortest round-trip form: repr(0.1) == '0.1'
std::string float_str(double d);   // str(): 12 significant digits
std::string string_repr(const std::string& s);  // 'abc' with Python escapes
// %-style formatting of a double with C semantics ('f', 'e', 'g', with '#' alternate form).
std::string format_double(double d, char conv, int precision, bool alternate = false);

}  // namespace aurora::config::lang
