// aurora job status CLUSTER[/ROLE[/ENV[/NAME]]]: the tasks of every matching job.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "api/json_text_writer.hpp"
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
  std::vector<const gen::TaskEvent*> events;
  for (const auto& event : task.taskEvents) events.push_back(&event);
  std::stable_sort(events.begin(), events.end(),
                   [](const auto* a, const auto* b) { return a->timestamp < b->timestamp; });
  for (const auto* event : events) {
    out += "\t   " + local_time(event->timestamp) + " " + status_name(event->status) + ": " +
           (event->__isset.message ? event->message : "None") + "\n";
  }
  if (!config.metadata.empty()) {
    out += "\t  metadata:\n";
    for (const auto& entry : config.metadata) {
      out += "\t\t  (key: '" + entry.key + "', value: '" + entry.value + "')\n";
    }
  }
  return out;
}

// Upstream's status JSON: TSimpleJSON of each ScheduledTask, with the task's and its events'
// status by name and isService/production as true/false even where other booleans are 0/1.
api::SimpleJsonOptions task_json_options(bool upstream_booleans) {
  api::SimpleJsonOptions options;
  options.booleans_as_integers = upstream_booleans;
  options.enum_fields = {{"status", &gen::_ScheduleStatus_VALUES_TO_NAMES}};
  options.literal_boolean_fields = {"isService", "production"};
  return options;
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

// A job's tasks, active first, each group by instance id.
struct TaskGroups {
  std::vector<const gen::ScheduledTask*> active, inactive;
};

TaskGroups group_tasks(const std::vector<gen::ScheduledTask>& tasks) {
  TaskGroups groups;
  for (const auto& task : tasks) {
    (active_states().count(task.status) ? groups.active : groups.inactive).push_back(&task);
  }
  auto by_instance = [](const auto* a, const auto* b) {
    return a->assignedTask.instanceId < b->assignedTask.instanceId;
  };
  std::stable_sort(groups.active.begin(), groups.active.end(), by_instance);
  std::stable_sort(groups.inactive.begin(), groups.inactive.end(), by_instance);
  return groups;
}

int run_status(const StatusOptions& options, cli::Context& context) {
  const bool json = options.write_json || context.output == cli::OutputFormat::Json;
  const auto jobs = jobs_matching(context, options.key);
  if (jobs.empty()) return not_found(options, context, json);

  // Every job is queried before anything is printed, so a failing query leaves no partial output.
  std::vector<std::pair<grammars::JobKey, gen::Response>> answers;
  for (const auto& job : jobs) {
    context.log().info("Checking status of " + job.str());
    gen::TaskQuery query;
    query.__set_jobKeys({to_thrift(job)});
    auto response =
        context.scheduler(context.clusters().get(job.cluster)).getTasksWithoutConfigs(query);
    cli::check_response(context, response, "Command failure:", ErrorKind::InvalidParameter);
    if (response.result.scheduleStatusResult.tasks.empty()) {
      context.log().info("No tasks were found for jobkey " + job.str());
      continue;
    }
    answers.emplace_back(job, std::move(response));
  }
  if (answers.empty()) return not_found(options, context, json);

  if (json) {
    // Written as it is produced: 10,000 tasks are 17 MB of JSON.
    api::JsonTextWriter out(2, context.out());
    const auto json_options = task_json_options(options.write_json);
    out.begin_array();
    for (const auto& [job, response] : answers) {
      const TaskGroups groups = group_tasks(response.result.scheduleStatusResult.tasks);
      out.begin_object();
      out.key("job");
      out.string(job.str());
      for (const auto& [name, group] : {std::pair{"active", &groups.active}, {"inactive", &groups.inactive}}) {
        out.key(name);
        out.begin_array();
        for (const auto* task : *group) api::write_simple_json(out, *task, json_options);
        out.end_array();
      }
      out.end_object();
    }
    out.end_array();
    out.finish();
    return 0;
  }
  std::string text;
  for (const auto& [job, response] : answers) {
    const TaskGroups groups = group_tasks(response.result.scheduleStatusResult.tasks);
    text += "Active tasks (" + std::to_string(groups.active.size()) + "):\n";
    for (const auto* task : groups.active) text += render_task(*task);
    text += "Inactive tasks (" + std::to_string(groups.inactive.size()) + "):\n";
    for (const auto* task : groups.inactive) text += render_task(*task);
  }
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
          "(missing parts and shell wildcards match anything). -o json prints a stable schema "
          "for scripts: an array with one {\"job\": \"CLUSTER/ROLE/ENV/NAME\", \"active\": "
          "[TASK...], \"inactive\": [TASK...]} per job that has tasks, each list sorted by "
          "instance id, where TASK is the scheduler's ScheduledTask as TSimpleJSON (Thrift field "
          "names as keys, unset fields left out, sets and lists as arrays, maps as objects), "
          "with status and taskEvents[].status as ScheduleStatus names (\"RUNNING\"), booleans "
          "as true/false and other enums as numbers; e.g. .status, .failureCount, "
          ".assignedTask.instanceId, .assignedTask.taskId, .assignedTask.slaveHost, "
          ".assignedTask.assignedPorts, .assignedTask.task.job.role, .taskEvents[].timestamp "
          "(ms). These names and renderings stay the same across aurora versions; a newer "
          "scheduler may add fields, and key order is not part of the schema. No matching job "
          "prints {\"jobspec\": KEY, \"error\": \"No matching jobs found\"} and exits 0. "
          "--write-json prints upstream's document: the same, with booleans as 0/1 except "
          "isService and production.")
      .json_output()
      .flag("--write-json", "Print the status as JSON, as upstream did", options->write_json)
      .positional("jobspec", "cluster[/role[/env[/name]]]", "The jobs to show", options->key,
                  [](const std::string& v) { return grammars::WildcardJobKey::parse(v); },
                  cli::ValueHint::WildcardKey)
      .run([options](cli::Context& context) { return run_status(*options, context); });
}

}  // namespace aurora::commands::job
