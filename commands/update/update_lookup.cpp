// Finding the update a verb acts on, with upstream's messages and exit codes.
#include "commands/update/update_lookup.hpp"

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/scheduler_terms.hpp"
#include "errors/error.hpp"

namespace aurora::commands::update {

gen::JobUpdateKey update_key(const grammars::JobKey& job, const std::string& id) {
  gen::JobUpdateKey key;
  key.__set_job(to_thrift(job));
  key.__set_id(id);
  return key;
}

std::optional<gen::JobUpdateKey> find_active_update(cli::Context& context,
                                                    const grammars::JobKey& job) {
  gen::JobUpdateQuery query;
  query.__set_jobKey(to_thrift(job));
  query.__set_updateStatuses(active_update_states());
  const auto response =
      context.scheduler(context.clusters().get(job.cluster)).getJobUpdateSummaries(query);
  cli::check_response(context, response);
  const auto& summaries = response.result.getJobUpdateSummariesResult.updateSummaries;
  if (summaries.empty()) return std::nullopt;
  if (summaries.size() > 1) {
    throw Error(ErrorKind::Api, "The scheduler returned multiple active updates for this job.");
  }
  return summaries.front().key;
}

std::optional<gen::JobUpdateKey> named_or_active_update(cli::Context& context,
                                                        const grammars::JobKey& job,
                                                        const std::optional<std::string>& id,
                                                        const std::string& missing_message) {
  if (id) return update_key(job, *id);
  auto active = find_active_update(context, job);
  if (!active) context.print_err(missing_message);
  return active;
}

}  // namespace aurora::commands::update
