#pragma once
// Which update a verb acts on: the one the user named, or the job's single active update.

#include <optional>
#include <string>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::update {

// JobUpdateKey{job, id}.
gen::JobUpdateKey update_key(const grammars::JobKey& job, const std::string& id);

// The job's active update (upstream's get_update_key), or nullopt when it has none. A failed
// query prints "Command failure:" and fails with exit 10; several active updates fail with 10 too.
std::optional<gen::JobUpdateKey> find_active_update(cli::Context& context,
                                                    const grammars::JobKey& job);

// The update `id` names, or without an id the job's active update. When there is no active update
// it prints `missing_message` and returns nullopt (the verb then exits 6).
std::optional<gen::JobUpdateKey> named_or_active_update(cli::Context& context,
                                                        const grammars::JobKey& job,
                                                        const std::optional<std::string>& id,
                                                        const std::string& missing_message);

}  // namespace aurora::commands::update
