#pragma once
// Turns dialect source into tokens, resolving indentation, line joining and literal forms.

#include <string_view>
#include <vector>

#include "config/lang/token.hpp"

namespace aurora::config::lang {

// Lexes the whole file at once; throws ConfigError (SyntaxError) on malformed input.
std::vector<Token> tokenize(const SourceFile& file);

}  // namespace aurora::config::lang
