// aurora job open CLUSTER[/ROLE[/ENV[/NAME]]]: the scheduler's web page for a cluster, role, or job.
#include <nlohmann/json.hpp>

#include "cli/browser.hpp"
#include "clusters/discovery/display_urls.hpp"
#include "commands/job/verbs.hpp"
#include "errors/error.hpp"
#include "grammars/wildcard_key.hpp"

namespace aurora::commands::job {

struct OpenOptions {
  grammars::OpenKey key;
};

static int run_open(const OpenOptions& options, cli::Context& context) {
  const auto& cluster = context.clusters().get(options.key.cluster);
  // After the cluster check, as upstream: its synthesize_url die()s on these (spec 5.3), which
  // prints "FATAL] <message>" and exits 1.
  const auto& key = options.key;
  if (key.env && !key.role) throw Error(ErrorKind::Fatal, "If env specified, must specify role");
  if (key.name && !(key.role && key.env)) {
    throw Error(ErrorKind::Fatal, "If job specified, must specify role and env");
  }
  const std::string url = clusters::scheduler_page_url(
      context.display_base_url(cluster),
      {options.key.role, options.key.env, options.key.name, std::nullopt});
  if (context.output == cli::OutputFormat::Json) {
    context.print_out(nlohmann::ordered_json{{"url", url}}.dump(2));
  } else {
    context.print_out(url);
  }
  cli::open_in_browser(url);
  return 0;
}

void add_open(cli::CommandTree& tree) {
  auto options = std::make_shared<OpenOptions>();
  tree.add_verb("job", "open", "Print the scheduler web page of a cluster, role or job and open it",
                options)
      .description(
          "Print the URL of the scheduler's web page for CLUSTER[/ROLE[/ENV[/NAME]]] and open it "
          "in a browser when one is available ($BROWSER, or xdg-open with a display). With "
          "ZooKeeper discovery the page is on proxy_url when the cluster sets one. Unlike "
          "upstream, the URL is always printed, so the verb is useful on a headless machine. "
          "An environment without a role (CLUSTER//ENV), or a name without both, fails as "
          "upstream's does: \"FATAL] If env specified, must specify role\" (or \"If job "
          "specified, must specify role and env\"), exit 1. -o json prints {\"url\"}.")
      .json_output()
      .positional("key", "cluster[/role[/env[/job]]]", "The page to open", options->key,
                  [](const std::string& v) { return grammars::OpenKey::parse(v); },
                  cli::ValueHint::WildcardKey)
      .run([options](cli::Context& context) { return run_open(*options, context); });
}

}  // namespace aurora::commands::job
