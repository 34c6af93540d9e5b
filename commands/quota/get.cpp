// aurora quota get CLUSTER/ROLE: a role's quota and what its jobs consume of it.
#include "api/scheduler_client.hpp"
#include "api/simple_json.hpp"
#include "cli/response.hpp"
#include "commands/quota/verbs.hpp"
#include "commands/scheduler_terms.hpp"
#include "grammars/wildcard_key.hpp"

namespace aurora::commands::quota {
namespace {

struct GetOptions {
  grammars::RoleArg role;
  bool write_json = false;
};

std::string render_aggregate(const std::string& heading, const gen::ResourceAggregate& aggregate) {
  std::string out = heading;
  for (const auto& text : resource_texts(aggregate.resources)) out += "\n  " + text;
  return out;
}

int run_get(const GetOptions& options, cli::Context& context) {
  const auto& cluster = context.clusters().get(options.role.cluster);
  context.log().info("Getting quota for: " + options.role.role);
  const auto response = context.scheduler(cluster).getQuota(options.role.role);
  cli::check_response(context, response,
                      "Error retrieving quota for role " + options.role.role);
  const auto& result = response.result.getQuotaResult;
  if (options.write_json || context.output == cli::OutputFormat::Json) {
    api::SimpleJsonOptions json_options;
    json_options.booleans_as_integers = options.write_json;
    context.print_out(api::to_simple_json_text(result, json_options, options.write_json ? -1 : 2));
    return 0;
  }
  std::string text = render_aggregate("Allocated:", result.quota);
  const std::pair<bool, std::pair<const char*, const gen::ResourceAggregate*>> pools[] = {
      {result.__isset.prodSharedConsumption,
       {"Production shared pool resources consumed:", &result.prodSharedConsumption}},
      {result.__isset.prodDedicatedConsumption,
       {"Production dedicated pool resources consumed:", &result.prodDedicatedConsumption}},
      {result.__isset.nonProdSharedConsumption,
       {"Non-production shared pool resources consumed:", &result.nonProdSharedConsumption}},
      {result.__isset.nonProdDedicatedConsumption,
       {"Non-production dedicated pool resources consumed:", &result.nonProdDedicatedConsumption}},
  };
  for (const auto& [present, pool] : pools) {
    if (present) text += "\n" + render_aggregate(pool.first, *pool.second);
  }
  context.print_out(text);
  return 0;
}

}  // namespace

void add_get(cli::CommandTree& tree) {
  auto options = std::make_shared<GetOptions>();
  tree.add_verb("quota", "get", "Show a role's quota and its consumption", options)
      .description(
          "Show the resources allocated to ROLE on CLUSTER and how much of them production and "
          "non-production jobs, shared and dedicated, consume.")
      .json_output()
      .flag("--write-json", "Print the quota as compact JSON, as upstream did",
            options->write_json)
      .positional("role", "CLUSTER/NAME", "The cluster and role", options->role,
                  [](const std::string& v) { return grammars::RoleArg::parse(v); })
      .run([options](cli::Context& context) { return run_get(*options, context); });
}

}  // namespace aurora::commands::quota
