#pragma once
// The API hook points: pre_<api>, post_<api> and err_<api> around the scheduler calls upstream
// hooked (spec §8.2: create_job, kill_job, restart, start_cronjob, start_job_update,
// add_instances), and the refusal of a job whose Python hooks cannot run here.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "config/job_config.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands {

struct ApiHookCall {
  std::string api;  // "create_job", "kill_job", ...
  grammars::JobKey job;
  std::optional<std::vector<int32_t>> instances;  // nullopt: every instance, or not applicable
  const gen::JobConfiguration* config = nullptr;   // the evaluated config, when the verb has one
  nlohmann::ordered_json arguments = nlohmann::ordered_json::object();  // message, count, ...
};

// What post_ and err_ hooks learn of a call: its result document, or its failure.
struct ApiCallOutcome {
  bool ok = true;
  nlohmann::ordered_json result;
};

// The outcome of one scheduler answer: {"response_code", "messages"}; OK is success.
ApiCallOutcome outcome_of(const gen::Response& response);

// Runs pre_<api> (a failing hook throws Error(CommandFailure), exit 4), then `call`; then
// post_<api>, or err_<api> when the outcome failed or `call` threw (the exception is rethrown).
// Without hooks it is just `call`.
void with_api_hooks(cli::Context& context, const ApiHookCall& call,
                    const std::function<ApiCallOutcome()>& run);

// The common case: one call answered by one Response, which is returned for the verb to check.
gen::Response call_with_api_hooks(cli::Context& context, const ApiHookCall& call,
                                  const std::function<gen::Response()>& run);

// A job that sets enable_hooks = True expects its `hooks` objects to run around `api`; they
// cannot, so the command is refused (Error(InvalidConfiguration), exit 3) unless
// --skip-hooks=all says to go on without them (then a warning). Verbs call it right after loading
// the config, before any output or call that changes anything.
void refuse_config_hooks(cli::Context& context, const aurora::config::LoadedJob& job,
                         const std::string& api);

}  // namespace aurora::commands
