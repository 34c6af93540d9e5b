#pragma once
// Python 2.7's textual forms of numbers and strings.

#include <cstdint>
#include <string>
#include <string_view>

namespace aurora::config::lang {

std::string float_repr(double d);  // shortest round-trip form: repr(0.1) == '0.1'
std::string float_str(double d);   // str(): 12 significant digits
std::string string_repr(const std::string& s);  // 'abc' with Python escapes
// u'abc': Python 2's repr of a unicode string holding this UTF-8 text (a wide build: \U escapes
// for astral code points; bytes that are not UTF-8 shown as they are).
std::string unicode_repr(std::string_view text);
// %-style formatting of a double with C semantics ('f', 'e', 'g', with '#' alternate form).
std::string format_double(double d, char conv, int precision, bool alternate = false);

}  // namespace aurora::config::lang
