#pragma once
// What `update info` prints for one update: upstream's text layout and its JSON document.

#include <nlohmann/json.hpp>
#include <string>

#include "aurora_api_types.h"

namespace aurora::commands::update {

// The text report, one line per "\n"; `jobspec` is the key as the user typed it.
std::string update_info_text(const std::string& jobspec, const gen::JobUpdateDetails& details);

// The --write-json document, keys in upstream's order; "started" is raw milliseconds while
// "last_modified" is ISO text, as upstream has it.
nlohmann::ordered_json update_info_json(const std::string& jobspec,
                                        const gen::JobUpdateDetails& details);

}  // namespace aurora::commands::update
