// aurora job status CLUSTER[/ROLE[/ENV[/NAME]]]: the tasks of every matching job.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "api/simple_json.hpp"
#include "cli/response.hpp"
#include "commands/job/verbs.hpp"
#include "commands/job_matching.hpp"
#include "commands/scheduler_terms.hpp"
#include "grammars/grammar_error.hpp"

namespace aurora::commands::job {
namespace {

using nlohmann::ordered_json;

struct StatusOptions {
  grammars::WildcardJobKey key;
  bool write_json = false;
};

std::string render_task(const gen::ScheduledTask& task) {
  const auto& assigned = task.assignedTask;
  const auto& config = assigned.task;
  std::string out = "\tTask role: " + config.job.role + ", env: " + config.job.environment +
                    ", name: " + config.job.name + ", instance: " +
                    std::to_string(assigned.instanceId) + ", status: " + status_name(task.status) +
                    " on " + assigned.slaveHost + "\n";
  std::string resources;
  for (const auto& text : resource_texts(config.resources)) {
    resources += (resources.empty() ? "" : ", ") + text;
  }
  out += "\t  " + resources + "\n";
  if (!assigned.assignedPorts.empty()) {
    // Python 2's repr of the port dict: {u'http': 31000, ...}.
    std::string ports = "{";
    for (const auto& [name, port] : assigned.assignedPorts) {
      ports += (ports.size() > 1 ? ", " : "") + std::string("u") +
               grammars::python_str_repr(name) + ": " + std::to_string(port);
    }
    out += "\t  assigned ports: " + ports + "}\n";
    // Upstream prints the failure count only with assigned ports; we keep that layout.
    out += "\t  failure count: " + std::to_string(task.failureCount) + " (max " +
           std::to_string(config.maxTaskFailures) + ")\n";
  }
  out += "\t  events:\n";
  auto events = task.taskEvents;
  std::stable_sort(events.begin(), events.end(),
                   [](const auto& a, const auto& b) { return a.timestamp < b.timestamp; });
  for (const auto& event : events) {
    out += "\t   " + local_time(event.timestamp) + " " + status_name(event.status) + ": " +
           (event.__isset.message ? event.message : "None") + "\n";
  }
  if (!config.metadata.empty()) {
    out += "\t  metadata:\n";
    for (const auto& entry : config.metadata) {
      out += "\t\t  (key: '" + entry.key + "', value: '" + entry.value + "')\n";
    }
  }
  return out;
}

ordered_json task_json(const gen::ScheduledTask& task, bool upstream_booleans) {
  api::SimpleJsonOptions json_options;
  json_options.booleans_as_integers = upstream_booleans;
  ordered_json doc = api::to_simple_json(task, json_options);
  doc["status"] = status_name(task.status);
  auto& events = doc["taskEvents"];
  for (size_t i = 0; i < events.size() && i < task.taskEvents.size(); ++i) {
    events[i]["status"] = status_name(task.taskEvents[i].status);
  }
  auto& config = doc["assignedTask"]["task"];
  config["isService"] = task.assignedTask.task.isService;
  if (task.assignedTask.task.__isset.production) {
    config["production"] = task.assignedTask.task.production;
  }
  return doc;
}

int not_found(const StatusOptions& options, cli::Context& context, bool json) {
  if (json) {
    ordered_json doc = {{"jobspec", options.key.str()}, {"error", "No matching jobs found"}};
    context.print_out(doc.dump());
    return 0;
  }
  context.print_err("Found no jobs matching " + options.key.str());
  return 6;
}

int run_status(const StatusOptions& options, cli::Context& context) {
  const bool json = options.write_json || context.output == cli::OutputFormat::Json;
  const auto jobs = jobs_matching(context, options.key);
  if (jobs.empty()) return not_found(options, context, json);

  std::string text;
  ordered_json documents = ordered_json::array();
  for (const auto& job : jobs) {
    context.log().info("Checking status of " + job.str());
    gen::TaskQuery query;
    query.__set_jobKeys({to_thrift(job)});
    const auto response =
        context.scheduler(context.clusters().get(job.cluster)).getTasksWithoutConfigs(query);
    cli::check_response(context, response, "Command failure:", ErrorKind::InvalidParameter);
    const auto& tasks = response.result.scheduleStatusResult.tasks;
    if (tasks.empty()) {
      context.log().info("No tasks were found for jobkey " + job.str());
      continue;
    }
    std::vector<const gen::ScheduledTask*> active, inactive;
    for (const auto& task : tasks) {
      (active_states().count(task.status) ? active : inactive).push_back(&task);
    }
    auto by_instance = [](const auto* a, const auto* b) {
      return a->assignedTask.instanceId < b->assignedTask.instanceId;
    };
    std::stable_sort(active.begin(), active.end(), by_instance);
    std::stable_sort(inactive.begin(), inactive.end(), by_instance);
    if (json) {
      ordered_json entry;
      entry["job"] = job.str();
      entry["active"] = ordered_json::array();
      entry["inactive"] = ordered_json::array();
      for (const auto* task : active) entry["active"].push_back(task_json(*task, options.write_json));
      for (const auto* task : inactive) {
        entry["inactive"].push_back(task_json(*task, options.write_json));
      }
      documents.push_back(std::move(entry));
    } else {
      text += "Active tasks (" + std::to_string(active.size()) + "):\n";
      for (const auto* task : active) text += render_task(*task);
      text += "Inactive tasks (" + std::to_string(inactive.size()) + "):\n";
      for (const auto* task : inactive) text += render_task(*task);
    }
  }
  if (json) {
    if (documents.empty()) return not_found(options, context, true);
    context.print_out(documents.dump(2));
    return 0;
  }
  if (text.empty()) return not_found(options, context, false);
  context.print_out(text);
  return 0;
}

}  // namespace

void add_status(cli::CommandTree& tree) {
  auto options = std::make_shared<StatusOptions>();
  tree.add_verb("job", "status", "Show the tasks of a job, or of every job matching a pattern",
                options)
      .description(
          "Show the active and inactive tasks of each job matching CLUSTER[/ROLE[/ENV[/NAME]]] "
          "(missing parts and shell wildcards match anything). --write-json prints upstream's "
          "JSON (booleans as 0/1); -o json prints the same document with true/false booleans.")
      .json_output()
      .flag("--write-json", "Print the status as JSON, as upstream did", options->write_json)
      .positional("jobspec", "cluster[/role[/env[/name]]]", "The jobs to show", options->key,
                  [](const std::string& v) { return grammars::WildcardJobKey::parse(v); },
                  cli::ValueHint::WildcardKey)
      .run([options](cli::Context& context) { return run_status(*options, context); });
}

}  // namespace aurora::commands::job
