#include "cli/command_hooks.hpp"

#include <cmath>
#include <cstdlib>

#include "cli/exit_code.hpp"
#include "config/job_config.hpp"
#include "errors/error.hpp"
#include "grammars/grammar_error.hpp"
#include "grammars/instance_spec.hpp"
#include "grammars/wildcard_key.hpp"
#include "hooks/skip_rules.hpp"

namespace aurora::cli {
namespace {

using nlohmann::ordered_json;

// What the verb's key argument says about where the command runs.
struct HookTarget {
  std::string cluster;
  std::optional<grammars::JobKey> job;
  std::optional<std::vector<int32_t>> instances;
};

bool has_wildcard(const std::string& text) {
  return text.find_first_of("*?[") != std::string::npos;
}

HookTarget target_of(const ParsedCommand& parsed) {
  HookTarget target;
  if (!parsed.key_argument) return target;
  const auto& [hint, word] = *parsed.key_argument;
  try {
    if (hint == ValueHint::JobKey) {
      target.job = grammars::JobKey::parse(word);
    } else if (hint == ValueHint::InstanceSpec) {
      const auto spec = grammars::InstanceSpec::parse(word);
      target.job = spec.job;
      target.instances = spec.instances;
    } else if (hint == ValueHint::TaskInstance) {
      const auto task = grammars::TaskInstanceKey::parse(word);
      target.job = task.job;
      target.instances = std::vector<int32_t>{task.instance};
    } else if (hint == ValueHint::WildcardKey) {
      const auto key = grammars::WildcardJobKey::parse(word);
      if (!has_wildcard(key.cluster)) target.cluster = key.cluster;
      if (!key.has_wildcard()) target.job = grammars::JobKey{key.cluster, key.role, key.env, key.name};
    }
  } catch (const grammars::GrammarError&) {
    // The verb accepted the word with a looser grammar (job open): no key for hooks.
  }
  if (target.job) target.cluster = target.job->cluster;
  return target;
}

std::chrono::milliseconds hook_timeout() {
  const char* text = std::getenv("AURORA_HOOK_TIMEOUT_SECS");
  if (text == nullptr || *text == '\0') return std::chrono::milliseconds(60'000);
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  if (*end != '\0' || !std::isfinite(seconds) || seconds <= 0 || seconds > 86'400) {
    throw Error(ErrorKind::InvalidConfiguration,
                std::string("AURORA_HOOK_TIMEOUT_SECS must be a number of seconds above 0 "
                            "(at most 86400), got '") +
                    text + "'");
  }
  return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000)));
}

std::vector<std::string> cluster_hook_dirs(Context& context, const std::string& cluster) {
  if (cluster.empty()) return {};
  try {
    if (const auto* found = context.clusters().find(cluster)) return found->hooks_dir;
  } catch (const Error& e) {
    // A broken clusters.json is the verb's error to report; hooks use the global directories.
    context.log().debug(std::string("Hooks: cannot read the cluster's hooks_dir: ") + e.what());
  }
  return {};
}

hooks::Environment base_environment(const ParsedCommand& parsed, const HookTarget& target,
                                    const std::string& user) {
  const auto& verb = *parsed.verb;
  const auto field = [&](std::string grammars::JobKey::*member) {
    return target.job ? (*target.job).*member : std::string();
  };
  return {
      {"AURORA_COMMAND", verb.noun + " " + verb.name},
      {"AURORA_NOUN", verb.noun},
      {"AURORA_VERB", verb.name},
      {"AURORA_CLUSTER", target.cluster},
      {"AURORA_ROLE", field(&grammars::JobKey::role)},
      {"AURORA_ENV", field(&grammars::JobKey::env)},
      {"AURORA_JOB_NAME", field(&grammars::JobKey::name)},
      {"AURORA_JOB_KEY", target.job ? target.job->str() : std::string()},
      {"AURORA_INSTANCES",
       target.instances ? grammars::format_instances(*target.instances) : std::string()},
      {"AURORA_USER", user},
      {"AURORA_DRY_RUN", parsed.dry_run ? "1" : ""},
      {"AURORA_EXIT_CODE", ""},
  };
}

ordered_json base_document(const Context& context, const ParsedCommand& parsed,
                           const HookTarget& target, const std::string& user) {
  const auto& verb = *parsed.verb;
  ordered_json doc;
  doc["command"] = verb.noun + " " + verb.name;
  doc["noun"] = verb.noun;
  doc["verb"] = verb.name;
  doc["argv"] = context.argv;
  doc["cluster"] = target.cluster.empty() ? ordered_json() : ordered_json(target.cluster);
  doc["job_key"] = target.job ? ordered_json(target.job->str()) : ordered_json();
  doc["instances"] = target.instances ? ordered_json(*target.instances) : ordered_json();
  doc["user"] = user;
  doc["dry_run"] = parsed.dry_run;
  doc["result"] = nullptr;  // set at post and err points
  return doc;
}

}  // namespace

std::shared_ptr<const hooks::HookSession> make_command_hooks(Context& context,
                                                            const ParsedCommand& parsed,
                                                            const hooks::HookSearch& search) {
  const auto skip = hooks::SkipRules::parse(parsed.skip_hooks);
  context.skip_all_hooks = skip.all;
  if (const char* point = std::getenv("AURORA_HOOK_POINT"); point != nullptr && *point != '\0') {
    context.log().debug("Hooks: not run, since this command runs inside a hook");
    return nullptr;
  }
  if (parsed.dry_run && !parsed.run_hooks) {
    context.log().debug("Hooks: not run for --dry-run (add --run-hooks to run them)");
    return nullptr;
  }
  const auto timeout = hook_timeout();
  const HookTarget target = target_of(parsed);
  hooks::HookSearch where = search;
  where.cluster_dirs = cluster_hook_dirs(context, target.cluster);
  auto found = hooks::discover_hooks(hooks::hook_directories(where));
  for (const auto& note : found.notes) context.log().debug("Hooks: " + note);
  std::vector<hooks::HookExecutable> selected;
  for (auto& hook : found.hooks) {
    if (skip.skips(hook.name)) {
      context.log().debug("Hooks: skipping " + hook.name + " (--skip-hooks)");
    } else {
      selected.push_back(std::move(hook));
    }
  }
  if (selected.empty()) return nullptr;

  const std::string user = config::local_user();
  hooks::HookReporter reporter;
  reporter.show = [&context](std::string_view text) {
    context.err() << text;
    if (!text.empty() && text.back() != '\n') context.err() << '\n';
    context.err().flush();
  };
  reporter.warn = [&context](std::string_view text) { context.log().warn(text); };
  reporter.debug = [&context](std::string_view text) { context.log().debug(text); };
  return std::make_shared<hooks::HookSession>(
      std::move(selected), base_environment(parsed, target, user),
      base_document(context, parsed, target, user), timeout, std::move(reporter));
}

int run_after_command_hooks(Context& context, const hooks::HookSession& hooks, int exit_code,
                            const std::optional<std::string>& error) {
  const std::string point = exit_code == kExitOk ? "post" : "err";
  ordered_json result = {{"exit_code", exit_code},
                         {"error", error && !error->empty() ? ordered_json(*error) : ordered_json()}};
  try {
    hooks.run_after(point, {{"AURORA_EXIT_CODE", std::to_string(exit_code)}},
                    {{"result", result}});
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Interrupted) {
      context.log().error("Command interrupted by user");
      return kExitInterrupted;
    }
    context.log().warn(std::string("Hooks at ") + point + " could not run: " + e.what());
  }
  return exit_code;
}

}  // namespace aurora::cli
