// Spec 5.9: JobUpdateSettings from the job's update_config, with upstream's checks (spec 4.4).
#include <algorithm>

#include "config/config_failure.hpp"
#include "config/job_config.hpp"
#include "config/template/operations.hpp"

namespace aurora::config {
namespace {

using templating::Data;
using templating::NodePtr;

int64_t update_integer(const NodePtr& s, const char* field) {
  NodePtr v = templating::struct_field(s, field);
  if (!v || v->raw.kind != Data::Kind::Int) fail_loading(std::string("update_config.") + field + " must be an integer");
  return v->raw.i;
}

bool update_boolean(const NodePtr& s, const char* field) {
  NodePtr v = templating::struct_field(s, field);
  return v && v->raw.kind == Data::Kind::Bool && v->raw.b;
}

std::set<gen::Range> ranges(std::vector<int32_t> instances) {
  std::sort(instances.begin(), instances.end());
  instances.erase(std::unique(instances.begin(), instances.end()), instances.end());
  std::set<gen::Range> out;
  for (size_t i = 0; i < instances.size();) {
    size_t j = i;
    while (j + 1 < instances.size() && instances[j + 1] == instances[j] + 1) ++j;
    gen::Range r;
    r.__set_first(instances[i]);
    r.__set_last(instances[j]);
    out.insert(r);
    i = j + 1;
  }
  return out;
}

gen::JobUpdateSettings settings(const NodePtr& raw, const std::optional<std::vector<int32_t>>& instances) {
  NodePtr update = templating::struct_field(raw, "update_config");
  int64_t batch_size = update_integer(update, "batch_size");
  int64_t watch_secs = update_integer(update, "watch_secs");
  bool wait_for_batch = update_boolean(update, "wait_for_batch_completion");
  NodePtr strategy_choice = templating::struct_field(update, "update_strategy");
  if (batch_size <= 0) fail_loading("Batch size should be greater than 0");
  if (watch_secs < 0) fail_loading("Watch seconds should be greater than or equal to 0");
  std::optional<int64_t> pulse;
  if (templating::struct_field(update, "pulse_interval_secs")) pulse = update_integer(update, "pulse_interval_secs");
  if (pulse && *pulse < 60) fail_loading("Pulse interval seconds must be at least 60 seconds.");
  if (strategy_choice && wait_for_batch)
    fail_loading("Ambiguous update configuration. Cannot combine wait_batch_completion with an explicit update "
                 "strategy.");
  if (strategy_choice && batch_size > 1)
    fail_loading("Ambiguous update configuration. Cannot combine update strategy with batch size. Please set "
                 "batchsize inside of update strategy instead.");

  gen::JobUpdateSettings out;
  gen::JobUpdateStrategy strategy;
  int64_t group_size = batch_size;
  if (!strategy_choice) {
    if (wait_for_batch) {
      gen::BatchJobUpdateStrategy b;
      b.__set_groupSize(static_cast<int32_t>(batch_size));
      b.__set_autopauseAfterBatch(false);
      strategy.__set_batchStrategy(b);
    } else {
      gen::QueueJobUpdateStrategy q;
      q.__set_groupSize(static_cast<int32_t>(batch_size));
      strategy.__set_queueStrategy(q);
    }
  } else {
    NodePtr chosen = templating::unwrap_choice(strategy_choice);
    const std::string& kind = chosen->type->name;
    if (kind == "VariableBatchUpdateStrategy") {
      gen::VariableBatchJobUpdateStrategy v;
      std::vector<int32_t> sizes;
      NodePtr batch_sizes = templating::struct_field(chosen, "batch_sizes");
      for (const auto& s : batch_sizes->items)
        sizes.push_back(static_cast<int32_t>(templating::interpolate(s).value->raw.i));
      v.__set_groupSizes(sizes);
      v.__set_autopauseAfterBatch(update_boolean(chosen, "autopause_after_batch"));
      strategy.__set_varBatchStrategy(v);
    } else if (kind == "BatchUpdateStrategy") {
      // Upstream crashes here (spec 5.9); this is the mapping it intended.
      group_size = update_integer(chosen, "batch_size");
      gen::BatchJobUpdateStrategy b;
      b.__set_groupSize(static_cast<int32_t>(group_size));
      b.__set_autopauseAfterBatch(update_boolean(chosen, "autopause_after_batch"));
      strategy.__set_batchStrategy(b);
      wait_for_batch = true;
    } else {
      group_size = update_integer(chosen, "batch_size");
      gen::QueueJobUpdateStrategy q;
      q.__set_groupSize(static_cast<int32_t>(group_size));
      strategy.__set_queueStrategy(q);
    }
  }
  out.__set_updateGroupSize(static_cast<int32_t>(group_size));
  out.__set_maxPerInstanceFailures(static_cast<int32_t>(update_integer(update, "max_per_shard_failures")));
  out.__set_maxFailedInstances(static_cast<int32_t>(update_integer(update, "max_total_failures")));
  out.__set_minWaitInInstanceRunningMs(static_cast<int32_t>(watch_secs * 1000));
  out.__set_rollbackOnFailure(update_boolean(update, "rollback_on_failure"));
  out.__set_waitForBatchCompletion(wait_for_batch);
  if (instances) out.__set_updateOnlyTheseInstances(ranges(*instances));
  if (pulse && *pulse != 0) out.__set_blockIfNoPulsesAfterMs(static_cast<int32_t>(*pulse * 1000));
  out.__set_slaAware(update_boolean(update, "sla_aware"));
  out.__set_updateStrategy(strategy);
  return out;
}

}  // namespace

gen::JobUpdateSettings to_update_settings(const LoadedJob& job, const std::optional<std::vector<int32_t>>& instances) {
  return reporting_template_errors([&] { return settings(job.raw, instances); });
}

}  // namespace aurora::config
