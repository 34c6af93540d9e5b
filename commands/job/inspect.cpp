// aurora job inspect CLUSTER/ROLE/ENV/NAME CONFIG: how the client reads a job from its configuration.
#include <nlohmann/json.hpp>

#include "api/simple_json.hpp"
#include "commands/job/verbs.hpp"
#include "commands/job_config_loading.hpp"
#include "config/job_config.hpp"
#include "config/job_configuration_repr.hpp"
#include "config/template/operations.hpp"

namespace aurora::commands::job {
namespace {

using aurora::config::templating::NodePtr;
namespace tpl = aurora::config::templating;

struct InspectOptions {
  grammars::JobKey key;
  std::string config_file;
  std::vector<std::string> bindings;
  bool read_json = false;
  bool write_json = false;
  bool raw = false;
  bool thrift = false;
};

std::string field(const NodePtr& s, const char* name) {
  NodePtr v = tpl::struct_field(s, name);
  return v ? tpl::str(v) : "";
}

std::string pretty(const NodePtr& job) {
  std::string out = "Job level information\n";
  out += "  name:       '" + field(job, "name") + "'\n";
  out += "  role:       '" + field(job, "role") + "'\n";
  if (tpl::has_field(job, "contact")) out += "  contact:    '" + field(job, "contact") + "'\n";
  out += "  cluster:    '" + field(job, "cluster") + "'\n";
  out += "  instances:  '" + field(job, "instances") + "'\n";
  if (tpl::has_field(job, "cron_schedule")) {
    out += "  cron:\n";
    out += "    schedule: '" + field(job, "cron_schedule") + "'\n";
    out += "    policy:   '" + field(job, "cron_collision_policy") + "'\n";
  }
  if (NodePtr constraints = tpl::struct_field(job, "constraints"); constraints && !constraints->entries.empty()) {
    // Upstream iterates constraints().get().items(): a dict, so CPython 2.7's order.
    out += "  constraints:\n";
    for (const auto& [k, v] : tpl::get(constraints).entries)
      out += "    '" + tpl::python_str(k) + "': '" + tpl::python_str(v) + "'\n";
  }
  if (NodePtr partition = tpl::struct_field(job, "partition_policy")) {
    out += "  partition_policy:\n";
    out += "    reschedule: " + field(partition, "reschedule") + "\n";
    out += "    delay_secs: '" + field(partition, "delay_secs") + "'\n";
  }
  out += "  service:    " + field(job, "service") + "\n";
  out += "  production: " + field(job, "production") + "\n\n";
  NodePtr task = tpl::struct_field(job, "task");
  out += "Task level information\n";
  out += "  name: '" + field(task, "name") + "'\n";
  NodePtr constraints = tpl::struct_field(task, "constraints");
  if (constraints && !constraints->items.empty()) {
    out += "  constraints:\n";
    for (const auto& c : constraints->items) {
      std::string line;
      if (NodePtr order = tpl::struct_field(c, "order"))
        for (const auto& name : order->items) line += (line.empty() ? "" : " < ") + tpl::str(name);
      out += "  " + line + "\n";
    }
  }
  out += "\n";
  if (NodePtr processes = tpl::struct_field(task, "processes")) {
    for (const auto& p : processes->items) {
      out += "Process '" + field(p, "name") + "':\n";
      for (const char* flag : {"daemon", "ephemeral", "final"})
        if (field(p, flag) == "True") out += std::string("  ") + flag + "\n";
      out += "  cmdline:\n";
      std::string cmdline = field(p, "cmdline");
      size_t start = 0;
      while (start <= cmdline.size()) {
        size_t end = cmdline.find('\n', start);
        std::string line = cmdline.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!(end == std::string::npos && line.empty() && start > 0)) out += "    " + line + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
      }
      out += "\n";
    }
  }
  return out;
}

int run_inspect(const InspectOptions& options, cli::Context& context) {
  ConfigArguments arguments{options.config_file, options.bindings, options.read_json};
  PreparedJob job = prepare_job(context, options.key, arguments, TierLookup::DefaultsWhenUnreachable);
  if (options.raw) {
    context.print_out(aurora::config::python_repr(job.configuration));
    return 0;
  }
  if (options.thrift) {
    context.print_out(job_configuration_json(job.configuration));
    return 0;
  }
  if (options.write_json || context.output == cli::OutputFormat::Json) {
    context.print_out(aurora::config::job_json(job.loaded));
    return 0;
  }
  NodePtr interpolated = tpl::interpolate(job.loaded.raw).value;
  context.out() << pretty(interpolated);
  return 0;
}

}  // namespace

void add_inspect(cli::CommandTree& tree) {
  auto options = std::make_shared<InspectOptions>();
  tree.add_verb("job", "inspect", "Show how a job is read from its configuration file", options)
      .description("Evaluate CONFIG, select the job CLUSTER/ROLE/ENV/NAME and print its job, task and "
                   "process settings. --write-json (or -o json) prints the job as JSON (upstream's format, which --read-json reads); --raw prints "
                   "the JobConfiguration the client would send as the Python client printed it; --thrift "
                   "prints it as JSON. When the scheduler cannot be reached, the tier is chosen from "
                   "the scheduler's default tiers, with a warning.")
      .option("--bind", "pystachio-binding", "Bind a template variable: NAME=VALUE (repeatable)",
              options->bindings)
      .flag("--read-json", "Read the configuration as JSON instead of a .aurora file", options->read_json)
      .json_output()
      .flag("--write-json", "Print the job as JSON", options->write_json)
      .flag("--raw", "Print the JobConfiguration that would be sent, as upstream's Python repr", options->raw)
      .flag("--thrift", "Print the JobConfiguration that would be sent, as JSON", options->thrift)
      .positional("jobkey", "CLUSTER/ROLE/ENV/NAME", "The job", options->key,
                  [](const std::string& v) { return grammars::JobKey::parse(v); }, cli::ValueHint::JobKey)
      .positional("config", "CONFIG", "The configuration file", options->config_file, cli::ValueHint::File)
      .run([options](cli::Context& context) { return run_inspect(*options, context); });
}

}  // namespace aurora::commands::job
