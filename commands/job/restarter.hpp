#pragma once
// The client-side rolling restart (upstream's Restarter): restart a batch, watch it until each
// instance stays up or fails, requeue failures, stop at the failure threshold or on Ctrl-C.

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "aurora_api_types.h"
#include "cli/context.hpp"
#include "commands/job/batch_watch.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::job {

struct RestartSettings {
  int batch_size = 1;
  int healthcheck_interval_seconds = 3;
  int max_per_instance_failures = 0;
  int max_total_failures = 0;
  WatchSettings watch;
};

struct RestartOutcome {
  enum class Result { Restarted, NothingToDo, ThresholdReached, Interrupted };
  Result result = Result::Restarted;
  // The answer to report: the last restartShards (or the status query when nothing was done).
  gen::Response last_response;
  std::vector<int32_t> planned;  // the instances to restart, in order
  std::set<int32_t> sent;        // named in a restartShards request
  std::set<int32_t> healthy;     // restarted and stayed up for --watch-secs
};

// Runs the restart. Scheduler errors print "Error restarting job <key>:" with their messages and
// throw Error(Api); Ctrl-C between or during batches ends it with Result::Interrupted.
RestartOutcome rolling_restart(cli::Context& context, const grammars::JobKey& job,
                               const std::optional<std::vector<int32_t>>& instances,
                               const RestartSettings& settings);

}  // namespace aurora::commands::job
