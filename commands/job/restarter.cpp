#include "commands/job/restarter.hpp"

#include <algorithm>
#include <chrono>
#include <deque>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/job/instance_lists.hpp"
#include "commands/job/restart_failures.hpp"
#include "commands/scheduler_terms.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::commands::job {
namespace {

double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

class Restart {
 public:
  Restart(cli::Context& context, const grammars::JobKey& job, const RestartSettings& settings)
      : context_(context),
        job_(job),
        settings_(settings),
        scheduler_(context.scheduler(context.clusters().get(job.cluster))),
        heading_("Error restarting job " + job.str() + ":") {}

  RestartOutcome run(const std::optional<std::vector<int32_t>>& instances);

 private:
  std::vector<int32_t> restart_batch(const std::vector<int32_t>& batch);
  std::vector<int32_t> watch(const std::vector<int32_t>& batch);

  cli::Context& context_;
  const grammars::JobKey& job_;
  const RestartSettings& settings_;
  api::SchedulerClient& scheduler_;
  std::string heading_;
  RestartOutcome outcome_;
};

RestartOutcome Restart::run(const std::optional<std::vector<int32_t>>& instances) {
  gen::TaskQuery query;
  query.__set_jobKeys({to_thrift(job_)});
  query.__set_statuses(active_states());
  outcome_.last_response = scheduler_.getTasksWithoutConfigs(query);
  cli::check_response(context_, outcome_.last_response, heading_);

  if (instances && !instances->empty()) {
    outcome_.planned = *instances;
  } else {
    for (const auto& task : outcome_.last_response.result.scheduleStatusResult.tasks) {
      outcome_.planned.push_back(task.assignedTask.instanceId);
    }
    std::sort(outcome_.planned.begin(), outcome_.planned.end());
    if (outcome_.planned.empty()) {
      context_.log().info("No instances specified, and no active instances found in job " +
                          job_.str());
      context_.log().info("Nothing to do.");
      outcome_.result = RestartOutcome::Result::NothingToDo;
      return outcome_;
    }
  }
  context_.log().info("Performing rolling restart of job " + job_.str() +
                      " (instances: " + python_int_list(outcome_.planned) + ")");

  std::deque<int32_t> remaining(outcome_.planned.begin(), outcome_.planned.end());
  RestartFailureThreshold threshold(settings_.max_per_instance_failures,
                                    settings_.max_total_failures);
  interrupt::Cooperative stop_between_batches;
  try {
    while (!remaining.empty() && !threshold.exceeded()) {
      interrupt::check();
      std::vector<int32_t> batch;
      while (!remaining.empty() && static_cast<int>(batch.size()) < settings_.batch_size) {
        batch.push_back(remaining.front());
        remaining.pop_front();
      }
      const auto failed = restart_batch(batch);
      remaining.insert(remaining.end(), failed.begin(), failed.end());
      threshold.record(failed);
    }
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Interrupted) throw;
    outcome_.result = RestartOutcome::Result::Interrupted;
    return outcome_;
  }
  if (threshold.exceeded()) {
    for (const auto& line : threshold.explanation()) context_.log().error(line);
    context_.log().info("Restart failures threshold reached. Aborting");
    outcome_.result = RestartOutcome::Result::ThresholdReached;
  } else {
    context_.log().info("All instances were restarted successfully");
  }
  return outcome_;
}

std::vector<int32_t> Restart::restart_batch(const std::vector<int32_t>& batch) {
  context_.log().info("Restarting instances: " + python_int_list(batch));
  const std::set<int32_t> ids(batch.begin(), batch.end());
  outcome_.sent.insert(ids.begin(), ids.end());
  const gen::JobKey key = to_thrift(job_);
  // Upstream retries restartShards like a read: restarting an instance twice is harmless.
  outcome_.last_response =
      scheduler_.call("restartShards", api::SchedulerClient::Retry::OnTransportErrors,
                      [&](gen::AuroraAdminClient& client, gen::Response& response) {
                        client.restartShards(response, key, ids);
                      });
  if (outcome_.last_response.responseCode != gen::ResponseCode::OK) {
    context_.log().error("Error restarting instances: " +
                         api::combine_messages(outcome_.last_response));
    cli::check_response(context_, outcome_.last_response, heading_);
  }
  const auto failed = watch(batch);
  for (int32_t id : batch) {
    if (std::find(failed.begin(), failed.end(), id) == failed.end()) outcome_.healthy.insert(id);
  }
  return failed;
}

std::vector<int32_t> Restart::watch(const std::vector<int32_t>& batch) {
  context_.log().info("Watching instances: " + python_int_list(batch));
  BatchWatch progress(batch, settings_.watch, monotonic_seconds(),
                      [this](std::string_view line) { context_.log().info(line); });
  gen::TaskQuery query;
  query.__set_jobKeys({to_thrift(job_)});
  query.__set_statuses({gen::ScheduleStatus::RUNNING});
  query.__set_instanceIds(std::set<int32_t>(batch.begin(), batch.end()));
  while (true) {
    const auto response = scheduler_.getTasksWithoutConfigs(query);
    progress.observe(response.result.scheduleStatusResult.tasks, monotonic_seconds());
    if (progress.finished()) return progress.failed();
    interrupt::sleep_for_ms(1000L * settings_.healthcheck_interval_seconds);
  }
}

}  // namespace

RestartOutcome rolling_restart(cli::Context& context, const grammars::JobKey& job,
                               const std::optional<std::vector<int32_t>>& instances,
                               const RestartSettings& settings) {
  return Restart(context, job, settings).run(instances);
}

}  // namespace aurora::commands::job
