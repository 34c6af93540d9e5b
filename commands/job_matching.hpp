#pragma once
// Expands a wildcard key (cluster[/role[/env[/name]]]) into the jobs that exist (spec §3.4).

#include <vector>

#include "cli/context.hpp"
#include "grammars/job_key.hpp"
#include "grammars/wildcard_key.hpp"

namespace aurora::commands {

// A key without wildcards comes back as-is, without asking the scheduler. Otherwise each cluster
// ("*" means all, in clusters.json order) is asked getJobs(role or every role) and the answers
// are filtered with fnmatch. A getJobs error prints "Command failure:" and fails with exit 4.
std::vector<grammars::JobKey> jobs_matching(cli::Context& context,
                                            const grammars::WildcardJobKey& key);

}  // namespace aurora::commands
