#pragma once
// The `pre`, `post` and `err` hook points around every verb, and the session the verbs' API
// hook points share (spec §8; the rules are in man/aurora-hooks.7).

#include <memory>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "cli/parse.hpp"
#include "hooks/discovery.hpp"
#include "hooks/hook_session.hpp"

namespace aurora::cli {

// The command's hook session, or null when no hook applies: none found, all skipped, a
// --dry-run without --run-hooks, or aurora itself running inside a hook (no recursion).
// Throws Error(InvalidConfiguration) for a bad $AURORA_HOOK_TIMEOUT_SECS.
std::shared_ptr<const hooks::HookSession> make_command_hooks(Context& context,
                                                            const ParsedCommand& parsed,
                                                            const hooks::HookSearch& search);

// After the verb: `post` when it exited 0, `err` otherwise, with its exit code and error
// message. Never throws; returns the exit code to use (130 when Ctrl-C stopped a hook).
int run_after_command_hooks(Context& context, const hooks::HookSession& hooks, int exit_code,
                            const std::optional<std::string>& error);

}  // namespace aurora::cli
