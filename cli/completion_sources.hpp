#pragma once
// Candidates for job-key completion: clusters from clusters.json, jobs from the scheduler (with a
// short timeout and a cache, so Tab never hangs).

#include "cli/completion.hpp"
#include "cli/context.hpp"

namespace aurora::cli {

// Jobs are cached per cluster in $XDG_CACHE_HOME/aurora (default ~/.cache/aurora) for a minute.
CompletionSources live_completion_sources(Context& context);

}  // namespace aurora::cli
