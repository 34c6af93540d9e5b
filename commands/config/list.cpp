// aurora config list CONFIG: the job keys a configuration file defines (no scheduler call).
#include "commands/config/verbs.hpp"
#include "config/job_config.hpp"

namespace aurora::commands::config {
namespace {

struct ListOptions {
  std::string config_file;
  std::vector<std::string> bindings;
  bool read_json = false;
};

int run_list(const ListOptions& options, cli::Context& context) {
  aurora::config::LoadOptions load;
  load.config_path = options.config_file;
  load.bindings = options.bindings;
  load.read_json = options.read_json;
  std::vector<std::string> keys;
  try {
    for (const auto& job : aurora::config::evaluate_jobs(load)) keys.push_back(aurora::config::job_key_text(job));
  } catch (const Error& e) {
    std::string message = e.what();
    const std::string prefix = "Error loading configuration: ";
    if (message.rfind(prefix, 0) == 0) message = message.substr(prefix.size());
    context.print_err("Error loading configuration file: " + message);
    return 4;
  }
  std::string line = "jobs=[";
  for (size_t i = 0; i < keys.size(); ++i) line += (i ? ", " : "") + keys[i];
  context.print_out(line + "]");
  return 0;
}

}  // namespace

void add_list(cli::CommandTree& tree) {
  auto options = std::make_shared<ListOptions>();
  tree.add_verb("config", "list", "List the jobs a configuration file defines", options)
      .description("Evaluate CONFIG (or read it as JSON with --read-json) and print the key of every job "
                   "it defines, after applying --bind. The scheduler is not contacted.")
      .option("--bind", "NAME=VALUE", "Bind a template variable (repeatable)", options->bindings)
      .flag("--read-json", "Read the configuration as JSON instead of a .aurora file", options->read_json)
      .positional("config", "CONFIG", "The configuration file", options->config_file, cli::ValueHint::File)
      .run([options](cli::Context& context) { return run_list(*options, context); });
}

}  // namespace aurora::commands::config
