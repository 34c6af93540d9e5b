// aurora job diff CLUSTER/ROLE/ENV/NAME[/INSTANCES] CONFIG: what CONFIG would change in the
// running job.
#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "cli/usage_error.hpp"
#include "commands/job/diff_program.hpp"
#include "commands/job/job_diff_render.hpp"
#include "commands/job/verbs.hpp"
#include "commands/job_config_loading.hpp"
#include "commands/scheduler_terms.hpp"
#include "commands/update_diff_summary.hpp"
#include "grammars/grammar_error.hpp"
#include "grammars/instance_spec.hpp"

namespace aurora::commands::job {
namespace {

using nlohmann::ordered_json;

struct DiffOptions {
  grammars::InstanceSpec spec;
  ConfigArguments config;
  std::optional<std::string> from;
  bool exit_code = false;
  const cli::VerbSpec* verb = nullptr;
};

// Instances whose running config the local one would replace, and that running config.
struct ReplacedGroup {
  std::vector<int32_t> instances;
  std::string ranges;  // "[0-1], [3]"
  ordered_json remote;
};

struct JobDiff {
  std::vector<int32_t> add, remove, update, unchanged;
  // As the summary lines print them: "[0-1], [3]".
  std::string add_ranges, remove_ranges, unchanged_ranges;
  std::vector<ReplacedGroup> updated;
  ordered_json local;
  // Cron jobs: the canonical config of every active instance compared.
  std::map<int32_t, ordered_json> active;

  bool identical() const { return add.empty() && remove.empty() && update.empty(); }
};

std::vector<int32_t> ids_of(const std::set<gen::ConfigGroup>& groups) {
  std::set<gen::Range> ranges;
  for (const auto& group : groups) ranges.insert(group.instances.begin(), group.instances.end());
  return instances_of(ranges);
}

// The groups' ranges as upstream prints them, one after the other: "[0-1], [2-3]".
std::string ranges_text(const std::set<gen::ConfigGroup>& groups) {
  std::vector<gen::Range> ranges;
  for (const auto& group : groups) {
    ranges.insert(ranges.end(), group.instances.begin(), group.instances.end());
  }
  return render_ranges(ranges);
}

// "[0-1], [3]" for sorted ids.
std::string ranges_text(const std::vector<int32_t>& ids) {
  std::vector<gen::Range> ranges;
  for (int32_t id : ids) {
    if (!ranges.empty() && ranges.back().last + 1 == id) {
      ranges.back().last = id;
    } else {
      gen::Range range;
      range.first = range.last = id;
      ranges.push_back(range);
    }
  }
  return render_ranges(ranges);
}

// Services and batch jobs: the scheduler's getJobUpdateDiff says which instances change.
JobDiff scheduler_diff(cli::Context& context, api::SchedulerClient& scheduler,
                       const PreparedJob& job, const gen::JobConfiguration& configuration,
                       const DiffOptions& options, ordered_json local) {
  gen::JobUpdateRequest request;
  request.__set_taskConfig(configuration.taskConfig);
  request.__set_instanceCount(configuration.instanceCount);
  request.__set_settings(aurora::config::to_update_settings(job.loaded, options.spec.instances));
  const auto response = scheduler.getJobUpdateDiff(request);
  cli::check_response(context, response, "Error getting diff info from scheduler",
                      ErrorKind::CommandFailure);
  const auto& result = response.result.getJobUpdateDiffResult;
  JobDiff diff;
  diff.local = std::move(local);
  diff.add = ids_of(result.add);
  diff.remove = ids_of(result.remove);
  diff.update = ids_of(result.update);
  diff.unchanged = ids_of(result.unchanged);
  diff.add_ranges = ranges_text(result.add);
  diff.remove_ranges = ranges_text(result.remove);
  diff.unchanged_ranges = ranges_text(result.unchanged);
  for (const auto& group : result.update) {
    if (group.instances.empty()) continue;
    diff.updated.push_back(
        {instances_of(group.instances),
         render_ranges(std::vector<gen::Range>(group.instances.begin(), group.instances.end())),
         canonical_task_json(group.config)});
  }
  std::sort(diff.updated.begin(), diff.updated.end(), [](const auto& a, const auto& b) {
    return a.instances.front() < b.instances.front();
  });
  return diff;
}

// Cron jobs: upstream compares with the job's active tasks, instance by instance.
JobDiff active_tasks_diff(cli::Context& context, api::SchedulerClient& scheduler,
                          const grammars::JobKey& remote_key, int32_t instance_count,
                          const DiffOptions& options, ordered_json local, bool& no_tasks) {
  gen::TaskQuery query;
  query.__set_jobKeys({to_thrift(remote_key)});
  query.__set_statuses(active_states());
  const auto response = scheduler.getTasksStatus(query);
  cli::check_response(context, response, "Could not find job to diff against",
                      ErrorKind::InvalidParameter);
  const auto& tasks = response.result.scheduleStatusResult.tasks;
  no_tasks = tasks.empty();
  const auto wanted = [&](int32_t id) {
    return !options.spec.instances ||
           std::binary_search(options.spec.instances->begin(), options.spec.instances->end(), id);
  };
  std::map<int32_t, ordered_json> remote;
  for (const auto& task : tasks) {
    const int32_t id = task.assignedTask.instanceId;
    if (wanted(id)) remote[id] = canonical_task_json(task.assignedTask.task);
  }
  JobDiff diff;
  diff.local = std::move(local);
  std::map<int32_t, ordered_json> replaced;
  for (int32_t id = 0; id < instance_count; ++id) {
    if (!wanted(id)) continue;
    auto found = remote.find(id);
    if (found == remote.end()) {
      diff.add.push_back(id);
    } else if (found->second == diff.local) {
      diff.unchanged.push_back(id);
    } else {
      diff.update.push_back(id);
      replaced.insert(*found);
    }
  }
  for (const auto& [id, config] : remote) {
    if (id < 0 || id >= instance_count) diff.remove.push_back(id);
  }
  for (auto& group : group_instances(replaced)) {
    diff.updated.push_back({group.instances, ranges_text(group.instances), std::move(group.config)});
  }
  diff.active = std::move(remote);
  diff.add_ranges = ranges_text(diff.add);
  diff.remove_ranges = ranges_text(diff.remove);
  diff.unchanged_ranges = ranges_text(diff.unchanged);
  return diff;
}

ordered_json diff_json(const JobDiff& diff, const DiffOptions& options,
                       const grammars::JobKey& remote_key) {
  ordered_json doc;
  doc["job"] = options.spec.job.str();
  if (options.from) doc["from"] = remote_key.str();
  doc["identical"] = diff.identical();
  doc["add_instances"] = diff.add;
  doc["remove_instances"] = diff.remove;
  doc["update_instances"] = diff.update;
  doc["unchanged_instances"] = diff.unchanged;
  doc["changes"] = ordered_json::array();
  for (const auto& group : diff.updated) {
    for (const auto& change : field_changes(diff.local, group.remote)) {
      ordered_json entry;
      entry["instances"] = group.instances;
      entry["path"] = change.path;
      entry["local"] = change.has_local ? change.local : ordered_json();
      entry["remote"] = change.has_remote ? change.remote : ordered_json();
      doc["changes"].push_back(std::move(entry));
    }
  }
  return doc;
}

std::vector<InstanceGroup> one_group(const std::vector<int32_t>& ids, const ordered_json& config) {
  return {InstanceGroup{ids, config}};
}

// Upstream's layout: the summary, with each replaced group's diff after its "update instances:".
void print_scheduler_diff(cli::Context& context, const JobDiff& diff,
                          const std::vector<std::string>& viewer) {
  context.print_out("This job update will:");
  if (!diff.add.empty()) context.print_out("add instances: " + diff.add_ranges);
  // Upstream printed this line twice; once is enough.
  if (!diff.remove.empty()) context.print_out("remove instances: " + diff.remove_ranges);
  for (const auto& group : diff.updated) {
    context.print_out("update instances: " + group.ranges);
    context.print_out("with diff:\n");
    context.print_out(run_diff_program(viewer, render_groups(one_group(group.instances, group.remote)),
                                       render_groups(one_group(group.instances, diff.local))));
    context.print_out("");
  }
  if (!diff.unchanged.empty()) {
    context.print_out("not change instances: " + diff.unchanged_ranges);
  }
}

int run_diff(const DiffOptions& options, cli::Context& context) {
  grammars::JobKey remote_key = options.spec.job;
  if (options.from) {
    try {
      remote_key = grammars::JobKey::parse(*options.from);
    } catch (const grammars::GrammarError& error) {
      cli::fail_argument(context, *options.verb, "--from", error.what());
    }
  }
  const PreparedJob job = prepare_job(context, options.spec.job, options.config);
  gen::JobConfiguration configuration = job.configuration;
  if (options.from) {
    // Compare as if the local job were already named like the running one.
    configuration.key = to_thrift(remote_key);
    configuration.taskConfig.job = configuration.key;
  }
  auto& scheduler = context.scheduler(context.clusters().get(remote_key.cluster));
  const auto populated = scheduler.populateJobConfig(configuration);
  cli::check_response(context, populated, "Error loading configuration",
                      ErrorKind::InvalidConfiguration);
  ordered_json local = canonical_task_json(populated.result.populateJobResult.taskConfig);

  const bool json = context.output == cli::OutputFormat::Json;
  const bool cron = configuration.__isset.cronSchedule && !configuration.cronSchedule.empty();
  bool no_tasks = false;
  const JobDiff diff =
      cron ? active_tasks_diff(context, scheduler, remote_key, configuration.instanceCount,
                               options, std::move(local), no_tasks)
           : scheduler_diff(context, scheduler, job, configuration, options, std::move(local));
  const int differs = options.exit_code && !diff.identical() ? 1 : 0;
  // "Differs" is the answer a pipeline asked for, not a failure worth an INFO line.
  context.answer_exit_code = differs;
  if (json) {
    context.print_out(diff_json(diff, options, remote_key).dump(2));
    return differs;
  }
  const auto viewer = diff_viewer_command();
  if (!cron) {
    print_scheduler_diff(context, diff, viewer);
    return differs;
  }
  if (no_tasks) {
    context.print_err("No tasks found for job " + options.spec.job.str());
    return differs;
  }
  // Every active instance against the local config of every configured instance.
  std::vector<int32_t> local_ids = diff.add;
  local_ids.insert(local_ids.end(), diff.update.begin(), diff.update.end());
  local_ids.insert(local_ids.end(), diff.unchanged.begin(), diff.unchanged.end());
  std::sort(local_ids.begin(), local_ids.end());
  context.print_out(run_diff_program(viewer, render_groups(group_instances(diff.active)),
                                     render_groups(one_group(local_ids, diff.local))));
  return differs;
}

}  // namespace

void add_diff(cli::CommandTree& tree) {
  auto options = std::make_shared<DiffOptions>();
  cli::VerbBuilder verb = tree.add_verb("job", "diff", "Compare a configuration file with the running job", options)
      .description(
          "Load CONFIG, have the scheduler fill in its defaults (populateJobConfig), and compare "
          "it with the running job. Services and batch jobs print the scheduler's summary "
          "(\"This job update will:\" with the add / remove / update / not change instance "
          "lines); under each \"update instances:\" line, the running config and the local one "
          "are diffed. Cron jobs are compared with their active tasks. Both sides are rendered "
          "canonically (JSON with IDL field names, sets sorted, executor data expanded, instances "
          "with equal configs collapsed into ranges) and given to $DIFF_VIEWER (split into words, "
          "so \"diff -u\" works; default diff) as `VIEWER... REMOTE_FILE LOCAL_FILE`, run "
          "directly, never through a shell; a viewer exit status other than 0 or 1 fails with "
          "exit 4. --from compares with the job running under another key (as if the local job "
          "had that key), e.g. before a rename. Exit status: 0 (errors >1, as upstream); with "
          "--exit-code, 0 when the job would not change, 1 when it would (without a "
          "\"Command terminated with error code\" line: it is the answer), >1 on errors. "
          "-o json prints {\"job\": KEY, \"from\": KEY (with --from only), \"identical\": bool, "
          "\"add_instances\": [ids], \"remove_instances\": [ids], \"update_instances\": [ids], "
          "\"unchanged_instances\": [ids], \"changes\": [{\"instances\": [ids], \"path\": "
          "\"executorConfig.data.task.processes[0].cmdline\", \"local\": value, \"remote\": "
          "value}]}: one change per differing leaf of the canonical TaskConfig (null where a side "
          "lacks the field; array indexes follow the canonical order). Unlike upstream, --from "
          "works (it crashed) and \"remove instances:\" is printed once (it was printed twice).")
      .json_output()
      .positional("instance_spec", "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
                  "The job, and optionally the instances to compare", options->spec,
                  [](const std::string& v) { return grammars::InstanceSpec::parse(v); },
                  cli::ValueHint::InstanceSpec);
  config_arguments(verb, options->config, "The .aurora file to compare")
      .option("--from", "CLUSTER/ROLE/ENV/NAME",
              "Compare with the job running under this key instead", options->from)
      .hint(cli::ValueHint::JobKey)
      .flag("--exit-code", "Exit 1 when the job would change, 0 when not (errors: >1)",
            options->exit_code)
      .run([options](cli::Context& context) { return run_diff(*options, context); });
  options->verb = tree.find_verb("job", "diff");
}

}  // namespace aurora::commands::job
