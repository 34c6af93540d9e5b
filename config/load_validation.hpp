#pragma once
// Spec 4.1: the checks upstream runs on every loaded job, before any command-specific work.

#include "config/job_config.hpp"

namespace aurora::config {

// Update-config sanity, announcer ports, the 'production' deprecation; warnings go to job.warnings.
void validate_loaded_job(LoadedJob& job);

}  // namespace aurora::config
