#pragma once
// From a .aurora file (or --read-json) and a job key to the JobConfiguration the scheduler receives.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "config/lang/interpreter.hpp"
#include "config/template/model.hpp"
#include "grammars/job_key.hpp"

namespace aurora::config {

// Which job of `jobs` to take (spec 3.2).  The CLI always gives all four parts of a job key; other
// callers may leave parts out: an unset part is not compared, and with no name a file holding a
// single job yields that job unchecked.
struct JobSelector {
  std::optional<std::string> cluster, role, env, name;

  JobSelector() = default;
  JobSelector(const grammars::JobKey& key)  // NOLINT(google-explicit-constructor): a key selects
      : cluster(key.cluster), role(key.role), env(key.env), name(key.name) {}
  // CLUSTER/ROLE/ENV/NAME with `*` for the parts not given.
  std::string str() const;
};

struct LoadOptions {
  std::string config_path;
  JobSelector job_key;
  std::vector<std::string> bindings;  // --bind NAME=VALUE, in command-line order
  bool read_json = false;             // --read-json: the file holds a job (or {"jobs": [...]}) as JSON
  lang::InterpreterOptions interpreter;  // file access, environment, user for getpass (tests inject)
  // Binding helper of spec 3.6: NAME, TAG of {{docker.image[NAME][TAG]}} -> the pinned image
  // (e.g. "library/python@sha256:..."), resolved by the caller against the cluster's docker_registry.
  // Unset: such a ref fails to load with a clear message.
  std::function<std::string(const std::string& name, const std::string& tag)> resolve_docker_image;
};

// The selected job ("raw job"): --bind and the standard bindings applied, validated, typechecked.
struct LoadedJob {
  templating::NodePtr raw;
  std::vector<std::string> warnings;  // for stderr (announcer port, deprecated 'production')
};

// Evaluates the file and returns every job of `jobs` (possibly none), bound with the --bind values.
std::vector<templating::NodePtr> evaluate_jobs(const LoadOptions& options);
// Spec 3.2-3.4, 4.1, 4.2.  Errors: aurora::Error(InvalidConfiguration, "Error loading configuration: ...").
LoadedJob load_job(const LoadOptions& options);

// The scheduler's tiers when it cannot be asked: preferred, preemptible (default), revocable.
gen::GetTierConfigResult default_tier_config();
// Spec 3.7 step 6: sets `tier` (or `production`) from getTierConfigs' answer.
void backfill_tier(LoadedJob& job, const gen::GetTierConfigResult& tiers);

// Spec 5: the JobConfiguration (owner = the local user name given).
gen::JobConfiguration to_job_configuration(const LoadedJob& job, const std::string& owner_user);
// Spec 5.9: update settings; `instances` limits the update to those instances (sorted into ranges).
gen::JobUpdateSettings to_update_settings(const LoadedJob& job,
                                          const std::optional<std::vector<int32_t>>& instances = std::nullopt);
// getpass.getuser(): $LOGNAME, $USER, $LNAME, $USERNAME, then the password database.
std::string local_user();
// `aurora job inspect --write-json`: the raw job's json_dumps().
std::string job_json(const LoadedJob& job);
// CLUSTER/ROLE/ENV/NAME as the job's (interpolated) fields spell it; {MISSING} for unset ones.
std::string job_key_text(const templating::NodePtr& job);

}  // namespace aurora::config
