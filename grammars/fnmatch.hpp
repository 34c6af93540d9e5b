#pragma once
// Shell-style matching (*, ?, [seq], [!seq]) as Python's fnmatch does on POSIX.

#include <string_view>

namespace aurora::grammars {

bool fnmatch(std::string_view pattern, std::string_view text);

}  // namespace aurora::grammars
