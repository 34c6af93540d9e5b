#pragma once
// Man pages rendered from the command tree: aurora(1) and one aurora-NOUN-VERB(1) per verb.

#include <map>
#include <string>

#include "cli/command_tree.hpp"

namespace aurora::cli {

// File name (e.g. "aurora-job-status.1") → roff source.
std::map<std::string, std::string> render_man_pages(const CommandTree& tree,
                                                    const std::string& version);

}  // namespace aurora::cli
