#include "hooks/hook_session.hpp"

#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::hooks {
namespace {

std::string with_dropped(const std::string& text, size_t dropped) {
  if (dropped == 0) return text;
  return text + (text.empty() || text.back() == '\n' ? "" : "\n") + "[" +
         std::to_string(dropped) + " more bytes of hook output not shown]\n";
}

// `base` with each of `overrides` replacing the variable of the same name, or appended.
void override_variables(Environment& base, const Environment& overrides) {
  for (const auto& [name, value] : overrides) {
    bool found = false;
    for (auto& entry : base) {
      if (entry.first == name) {
        entry.second = value;
        found = true;
      }
    }
    if (!found) base.emplace_back(name, value);
  }
}

std::string without_final_newline(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

HookSession::HookSession(std::vector<HookExecutable> hooks, Environment environment,
                         nlohmann::ordered_json document, std::chrono::milliseconds timeout,
                         HookReporter reporter)
    : hooks_(std::move(hooks)),
      environment_(std::move(environment)),
      document_(std::move(document)),
      timeout_(timeout),
      reporter_(std::move(reporter)) {}

HookRun HookSession::run_one(const HookExecutable& hook, std::string_view point,
                             const Environment& environment,
                             const nlohmann::ordered_json& document) const {
  HookRequest request;
  request.path = hook.path;
  request.arguments = {std::string(point)};
  request.environment = environment_;
  override_variables(request.environment,
                     {{"AURORA_HOOK_POINT", std::string(point)}, {"AURORA_HOOK_NAME", hook.name}});
  override_variables(request.environment, environment);
  nlohmann::ordered_json doc = {{"point", point}};
  for (const auto& [key, value] : document_.items()) doc[key] = value;
  for (const auto& [key, value] : document.items()) doc[key] = value;
  request.input = doc.dump(2) + "\n";
  request.timeout = timeout_;

  reporter_.debug("Running hook " + hook.path.string() + " " + std::string(point));
  HookRun run = run_hook(request);
  if (!run.out.empty()) {
    reporter_.debug("Hook " + hook.name + " printed:\n" +
                    without_final_newline(with_dropped(run.out, run.out_dropped)));
  }
  return run;
}

void HookSession::run_pre(std::string_view point, std::string_view what,
                          const Environment& environment,
                          const nlohmann::ordered_json& document) const {
  for (const auto& hook : hooks_) {
    const HookRun run = run_one(hook, point, environment, document);
    const std::string err = with_dropped(run.err, run.err_dropped);
    if (run.succeeded()) {
      if (!err.empty()) reporter_.show(err);
      continue;
    }
    std::string message =
        std::string(what) + " aborted by hook " + hook.name + run.outcome_phrase(timeout_);
    if (!err.empty()) message += "\n" + without_final_newline(err);
    throw Error(ErrorKind::CommandFailure, message);
  }
}

void HookSession::run_after(std::string_view point, const Environment& environment,
                            const nlohmann::ordered_json& document) const {
  if (interrupt::requested()) {
    reporter_.debug("Hooks at " + std::string(point) + " not run: the command was interrupted");
    return;
  }
  for (const auto& hook : hooks_) {
    const HookRun run = run_one(hook, point, environment, document);
    if (!run.succeeded()) {
      reporter_.warn("Hook " + hook.name + " failed at " + std::string(point) +
                     run.outcome_phrase(timeout_) + " (the command's result stands)");
    }
    const std::string err = with_dropped(run.err, run.err_dropped);
    if (!err.empty()) reporter_.show(err);
  }
}

}  // namespace aurora::hooks
