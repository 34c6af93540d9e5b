#pragma once
// pause, resume, abort and rollback share one shape: find the job's active update, ask the
// scheduler to move it, report the outcome with the verb's own messages.

#include <optional>
#include <string>

#include "aurora_api_types.h"
#include "cli/command_tree.hpp"
#include "cli/context.hpp"
#include "grammars/job_key.hpp"

namespace aurora::api {
class SchedulerClient;
}

namespace aurora::commands::update {

struct StateChange {
  // The RPC, e.g. &api::SchedulerClient::pauseJobUpdate.
  gen::Response (api::SchedulerClient::*rpc)(const gen::JobUpdateKey&, const std::string&);
  std::string error_heading;  // "Failed to pause update due to error:"
  std::string success;        // "Update has been paused."
};

struct StateChangeOptions {
  grammars::JobKey job;
  std::optional<std::string> message;
};

// Applies `change` to the job's active update and returns its key. Prints "No active update
// found for this job." and returns nullopt (the verb then exits 6) when there is none; a
// refused change prints the heading and the scheduler's messages and fails with exit 10.
std::optional<gen::JobUpdateKey> change_active_update(cli::Context& context,
                                                      const StateChangeOptions& options,
                                                      const StateChange& change);

// Declares the jobspec positional and --message/-m.
void add_state_change_arguments(cli::VerbBuilder& verb, StateChangeOptions& options);

// Adds a verb that does nothing but the state change (pause, resume, abort).
void add_state_change_verb(cli::CommandTree& tree, std::string name, std::string summary,
                           std::string description, StateChange change);

}  // namespace aurora::commands::update
