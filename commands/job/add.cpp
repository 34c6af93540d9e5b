// aurora job add CLUSTER/ROLE/ENV/NAME/INSTANCE COUNT: clone an instance's task config COUNT times.
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/browser.hpp"
#include "cli/response.hpp"
#include "commands/api_hooks.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/job/active_tasks.hpp"
#include "commands/job/instance_lists.hpp"
#include "commands/job/job_monitor.hpp"
#include "commands/job/verbs.hpp"
#include "commands/scheduler_terms.hpp"
#include "grammars/grammar_error.hpp"
#include "grammars/job_key.hpp"
#include "grammars/text.hpp"

namespace aurora::commands::job {
namespace {

struct AddOptions {
  grammars::TaskInstanceKey task_instance;
  int instance_count = 0;
  bool open_browser = false;
  std::vector<std::string> bindings;  // ignored, as upstream
  std::string wait_until = "PENDING";
  std::optional<std::string> config;  // ignored, as upstream
  bool read_json = false;             // ignored, as upstream
};

int parse_count(const std::string& text) {
  const auto value = grammars::parse_python_int(text);
  if (!value || *value < INT32_MIN || *value > INT32_MAX) {
    throw grammars::GrammarError::invalid_value("int", text);
  }
  return static_cast<int>(*value);
}

int run_add(const AddOptions& options, cli::Context& context) {
  const auto& job = options.task_instance.job;
  const int32_t source = options.task_instance.instance;
  const auto tasks = fetch_active_tasks(context, job);
  const auto active = instance_ids_of(tasks);
  ensure_instances_active(active, {source});
  const int32_t start = *active.rbegin() + 1;
  warn_if_sla_policy(context, tasks, "WARNING: Adding instances without updating SlaPolicy.");

  const auto& cluster = context.clusters().get(job.cluster);
  auto& scheduler = context.scheduler(cluster);
  context.log().info("Adding " + std::to_string(options.instance_count) + " instances to " +
                     job.str() + " using the task config of instance " + std::to_string(source));
  gen::InstanceKey key;
  key.__set_jobKey(to_thrift(job));
  key.__set_instanceId(source);
  const ApiHookCall hook_call{
      .api = "add_instances",
      .job = job,
      .arguments = {{"instance_id", source}, {"count", options.instance_count}}};
  cli::check_response(context, call_with_api_hooks(context, hook_call, [&] {
                        return scheduler.addInstances(key, options.instance_count);
                      }));

  std::vector<int32_t> added;
  for (int32_t i = 0; i < options.instance_count; ++i) added.push_back(start + i);
  if (const auto predicate = predicate_for_wait_until(options.wait_until)) {
    JobMonitor(scheduler, to_thrift(job))
        .wait_until(*predicate, std::set<int32_t>(added.begin(), added.end()), false);
  }
  if (options.open_browser) {
    cli::open_in_browser(
        clusters::job_page_url(context.display_base_url(cluster), job.role, job.env, job.name));
  }
  if (context.output == cli::OutputFormat::Json) {
    nlohmann::ordered_json doc;
    doc["job"] = job.str();
    doc["source_instance"] = source;
    doc["added"] = json_int_list(added);
    context.print_out(doc.dump(2));
  }
  return 0;
}

}  // namespace

void add_add(cli::CommandTree& tree) {
  auto options = std::make_shared<AddOptions>();
  tree.add_verb("job", "add", "Add instances that copy an existing instance's task config", options)
      .description(
          "Add COUNT instances to a job, each with the task config of the active instance named "
          "by TASK_INSTANCE; the new instances are numbered from one past the highest active "
          "instance. --wait-until RUNNING or FINISHED waits for them (without a time limit, as "
          "upstream). --bind, --config and --read-json are accepted and ignored, as upstream "
          "ignores them. Nothing is printed on success; -o json prints {\"job\", "
          "\"source_instance\", \"added\"}.")
      .json_output()
      .flag("--open-browser", "Open the job's page in a browser afterwards", options->open_browser)
      .option("--bind", "var=value", "Accepted and ignored, as upstream", options->bindings)
      .choice("--wait-until", {"PENDING", "RUNNING", "FINISHED"},
              "Wait until the new instances reach this state", options->wait_until)
      .option("--config", "pathname", "Accepted and ignored, as upstream", options->config)
      .flag("--read-json", "Accepted and ignored, as upstream", options->read_json)
      .positional(
          "task_instance", "CLUSTER/ROLE/ENV/NAME/INSTANCE",
          "The job and the instance whose task config the new instances copy",
          options->task_instance,
          [](const std::string& v) { return grammars::TaskInstanceKey::parse(v); },
          cli::ValueHint::TaskInstance)
      .positional("instance_count", "instance_count", "Number of instances to add",
                  options->instance_count, parse_count)
      .run([options](cli::Context& context) { return run_add(*options, context); });
}

}  // namespace aurora::commands::job
