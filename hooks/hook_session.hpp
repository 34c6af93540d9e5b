#pragma once
// The hooks of one command: who runs, with what environment and stdin document, and the rules
// (a failing pre hook vetoes; a failing post or err hook is only reported).

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooks/discovery.hpp"
#include "hooks/runner.hpp"

namespace aurora::hooks {

// How a session talks to the user; cli/ supplies its logger (hooks/ never prints).
struct HookReporter {
  std::function<void(std::string_view)> show;   // a hook's stderr, verbatim
  std::function<void(std::string_view)> warn;   // failures of post and err hooks
  std::function<void(std::string_view)> debug;  // -v: what ran, a hook's stdout
};

class HookSession {
 public:
  HookSession(std::vector<HookExecutable> hooks, Environment environment,
              nlohmann::ordered_json document, std::chrono::milliseconds timeout,
              HookReporter reporter);

  bool empty() const { return hooks_.empty(); }
  const std::vector<HookExecutable>& hooks() const { return hooks_; }

  // Runs the hooks at a pre point in name order and stops at the first that fails, throwing
  // Error(CommandFailure): "<what> aborted by hook NAME with exit code N" and the hook's stderr.
  // `what` is "Command" or "Call to create_job".
  void run_pre(std::string_view point, std::string_view what, const Environment& environment,
               const nlohmann::ordered_json& document) const;
  // Runs every hook at a post or err point; a failure is reported and changes nothing. After
  // Ctrl-C none runs.
  void run_after(std::string_view point, const Environment& environment,
                 const nlohmann::ordered_json& document) const;

 private:
  HookRun run_one(const HookExecutable& hook, std::string_view point,
                  const Environment& environment, const nlohmann::ordered_json& document) const;

  std::vector<HookExecutable> hooks_;
  Environment environment_;
  nlohmann::ordered_json document_;
  std::chrono::milliseconds timeout_;
  HookReporter reporter_;
};

}  // namespace aurora::hooks
