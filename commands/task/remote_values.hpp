#pragma once
// What the scheduler tells us about a task ends up in ssh's argv and in a remote shell command, so
// every such value is checked against a safe grammar first and only ever spliced in quoted.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::commands::task {

// POSIX single-quote shell quoting: 'text', each ' written as '\''. Safe for any byte string.
std::string shell_quote(std::string_view text);

// A host name or IPv4 address: letters, digits, '.', '-', '_'; starts with a letter or digit; at
// most 253 characters. Anything else (spaces, quotes, ':', '@', a leading '-') is refused.
bool is_safe_host(std::string_view host);
// A task id: letters, digits, '.', '-', '_'; starts with a letter or digit; at most 255 characters.
bool is_safe_task_id(std::string_view id);
// A remote user: upstream's role grammar (^[\w\-.]+$) without a leading '-' (ssh would read it as
// an option).
bool is_safe_user(std::string_view user);

// The facts of one task that verbs splice into commands, each checked (see checked_task).
struct RemoteTask {
  int32_t instance = 0;
  std::string host;
  std::string task_id;
  std::string role;  // the task's job role, the default ssh user
  std::map<std::string, int32_t> ports;
};

// Text that means the same to a shell, to a glob and as a literal path: letters, digits and
// / . _ - + , = @ % (for slave_root and slave_run_directory, which scp may hand to a shell).
bool is_safe_path_text(std::string_view text);

// Checks host, task id and role of a task the scheduler returned. Throws Error(CommandFailure)
// naming the task and the refused value, so nothing is run with it.
RemoteTask checked_task(const gen::ScheduledTask& task);

// Checks a user given with --ssh-user; throws Error(InvalidParameter).
void check_ssh_user(std::string_view user);

// Substitutes {{mesos.instance}}, {{mesos.hostname}}, {{thermos.task_id}} and
// {{thermos.ports[NAME]}} of `task` in the user's command, pystachio style; any other mustache
// stays as written. A malformed mustache is Error(InvalidParameter).
std::string interpolate_command(const std::string& command, const RemoteTask& task);

// `text` in single quotes with anything unprintable as \xNN, for error messages.
std::string printable(std::string_view text);

// Python's str.split(): whitespace-separated words (for --ssh-options / --scp-options).
std::vector<std::string> split_words(std::string_view text);

}  // namespace aurora::commands::task
