#pragma once
// Watching an update until it ends, as pipelines need: a bounded wait (--timeout), a chosen poll
// interval, one line per state change, a live progress line on a terminal, and a clean Ctrl-C.

#include <chrono>
#include <optional>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::update {

struct WaitSettings {
  std::chrono::milliseconds interval{5'000};    // upstream polls every 5 s
  std::optional<std::chrono::seconds> timeout;  // none: wait as long as it takes (upstream)
  bool show_progress = false;  // stderr is a terminal: redraw a progress line after each poll
};

// Which ending counts as success: rolled forward for an update, rolled back for a rollback.
enum class WaitGoal { RollForward, RollBack };

// Upstream's exit code for an update that ended in `status`: 0 for the goal, 4 for the opposite
// ending, 20 for ABORTED, ERROR and FAILED.
int exit_code_for_ending(gen::JobUpdateStatus::type status, WaitGoal goal);

// Polls getJobUpdateSummaries for `key` until the update leaves the active states, printing
// "Current state <STATUS>" whenever the state changes, and returns exit_code_for_ending.
// On timeout (exit 9) and on Ctrl-C (exit 130) it throws after saying that the update keeps
// running and how to resume watching. `job` is the key as the user typed it (with cluster).
int wait_for_update(cli::Context& context, const grammars::JobKey& job,
                    const gen::JobUpdateKey& key, const WaitSettings& settings, WaitGoal goal);

}  // namespace aurora::commands::update
