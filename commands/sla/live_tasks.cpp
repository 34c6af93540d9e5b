#include "commands/sla/live_tasks.hpp"

#include <chrono>

#include "api/scheduler_client.hpp"
#include "commands/scheduler_terms.hpp"

namespace aurora::commands::sla {

std::vector<gen::ScheduledTask> fetch_live_tasks(cli::Context& context,
                                                 const grammars::JobKey& job) {
  gen::TaskQuery query;
  query.__set_jobKeys({to_thrift(job)});
  query.__set_statuses(live_states());
  auto& scheduler = context.scheduler(context.clusters().get(job.cluster));
  const auto response = scheduler.call("getTasksWithoutConfigs", api::SchedulerClient::Retry::Never,
                                       [&](gen::AuroraAdminClient& client, gen::Response& r) {
                                         client.getTasksWithoutConfigs(r, query);
                                       });
  const auto code = gen::_ResponseCode_VALUES_TO_NAMES.find(response.responseCode);
  context.log().info("Response from scheduler: " +
                     (code == gen::_ResponseCode_VALUES_TO_NAMES.end()
                          ? std::to_string(response.responseCode)
                          : std::string(code->second)) +
                     " (message: " + api::combine_messages(response) + ")");
  if (response.responseCode != gen::ResponseCode::OK) return {};
  return response.result.scheduleStatusResult.tasks;
}

double now_seconds(const cli::Context& context) {
  return std::chrono::duration<double>(context.now().time_since_epoch()).count();
}

}  // namespace aurora::commands::sla
