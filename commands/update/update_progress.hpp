#pragma once
// How far a rolling update has come (batch n of m, instances done and failed), for the progress
// line that waiting shows on a terminal.

#include <string>

#include "aurora_api_types.h"

namespace aurora::commands::update {

struct UpdateProgress {
  bool rolling_back = false;
  int instances = 0;  // instances the update touches
  int done = 0;       // of those, updated (or rolled back) in the current direction
  int failed = 0;
  int batch = 0;  // the batch in progress, 1-based; equals `batches` once all are done
  int batches = 0;
};

// Reads the instructions (touched instances, batch sizes) and the instance events.
UpdateProgress progress_of(const gen::JobUpdateDetails& details);

// "ROLLING_FORWARD: batch 2 of 3, 3 of 5 instances updated, 0 failed"
std::string progress_line(gen::JobUpdateStatus::type status, const UpdateProgress& progress);

}  // namespace aurora::commands::update
