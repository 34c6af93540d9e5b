#include "commands/task/live_tasks.hpp"

#include <set>

#include "api/scheduler_client.hpp"
#include "commands/scheduler_terms.hpp"

namespace aurora::commands::task {

gen::Response query_live_tasks(cli::Context& context, const grammars::JobKey& job,
                               const std::optional<std::vector<int32_t>>& instances) {
  gen::TaskQuery query;
  query.__set_jobKeys({to_thrift(job)});
  query.__set_statuses(live_states());
  if (instances) query.__set_instanceIds(std::set<int32_t>(instances->begin(), instances->end()));
  return context.scheduler(context.clusters().get(job.cluster)).getTasksStatus(query);
}

}  // namespace aurora::commands::task
