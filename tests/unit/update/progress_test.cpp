// The progress line while waiting: batch n of m, instances done and failed.
#include <doctest/doctest.h>

#include "commands/update/update_progress.hpp"

using namespace aurora::commands::update;
using S = aurora::gen::JobUpdateStatus;
using A = aurora::gen::JobUpdateAction;

namespace {

aurora::gen::JobUpdateDetails five_instances(S::type status, int group_size) {
  aurora::gen::JobUpdateDetails details;
  details.update.summary.state.status = status;
  aurora::gen::Range range;
  range.first = 0;
  range.last = 4;
  details.update.instructions.desiredState.instances = {range};
  details.update.instructions.settings.updateGroupSize = group_size;
  return details;
}

void add_event(aurora::gen::JobUpdateDetails& details, int instance, A::type action, int64_t ts) {
  aurora::gen::JobInstanceUpdateEvent event;
  event.instanceId = instance;
  event.action = action;
  event.timestampMs = ts;
  details.instanceEvents.push_back(event);
}

}  // namespace

TEST_CASE("a fresh update is in batch 1 with nothing done") {
  const auto progress = progress_of(five_instances(S::ROLLING_FORWARD, 2));
  CHECK(progress.instances == 5);
  CHECK(progress.batches == 3);
  CHECK(progress.batch == 1);
  CHECK(progress_line(S::ROLLING_FORWARD, progress) ==
        "ROLLING_FORWARD: batch 1 of 3, 0 of 5 instances updated, 0 failed");
}

TEST_CASE("the latest action of each instance counts, and finished batches advance") {
  auto details = five_instances(S::ROLLING_FORWARD, 2);
  add_event(details, 0, A::INSTANCE_UPDATING, 1);
  add_event(details, 0, A::INSTANCE_UPDATED, 2);
  add_event(details, 1, A::INSTANCE_UPDATING, 1);
  add_event(details, 1, A::INSTANCE_UPDATE_FAILED, 3);
  add_event(details, 2, A::INSTANCE_UPDATING, 4);
  const auto progress = progress_of(details);
  CHECK(progress.done == 1);
  CHECK(progress.failed == 1);
  CHECK(progress.batch == 2);
}

TEST_CASE("variable batch sizes decide the batch count") {
  auto details = five_instances(S::ROLLING_FORWARD, 1);
  aurora::gen::JobUpdateStrategy strategy;
  aurora::gen::VariableBatchJobUpdateStrategy variable;
  variable.groupSizes = {1, 4};
  strategy.__set_varBatchStrategy(variable);
  details.update.instructions.settings.__set_updateStrategy(strategy);
  add_event(details, 0, A::INSTANCE_UPDATED, 1);
  const auto progress = progress_of(details);
  CHECK(progress.batches == 2);
  CHECK(progress.batch == 2);
}

TEST_CASE("while rolling back, rolled-back instances are the ones done") {
  auto details = five_instances(S::ROLLING_BACK, 5);
  add_event(details, 0, A::INSTANCE_UPDATED, 1);
  add_event(details, 1, A::INSTANCE_UPDATED, 1);
  add_event(details, 1, A::INSTANCE_ROLLED_BACK, 2);
  const auto progress = progress_of(details);
  CHECK(progress.rolling_back);
  CHECK(progress.done == 1);
  CHECK(progress_line(S::ROLLING_BACK, progress) ==
        "ROLLING_BACK: batch 1 of 1, 1 of 5 instances rolled back, 0 failed");
}
