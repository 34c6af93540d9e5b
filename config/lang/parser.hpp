#pragma once
// Parses dialect source into a CodeUnit; throws ConfigError (SyntaxError) with a location.

#include <memory>
#include <string>

#include "config/lang/ast.hpp"

namespace aurora::config::lang {

std::shared_ptr<CodeUnit> parse(std::string path, std::string text);

}  // namespace aurora::config::lang
