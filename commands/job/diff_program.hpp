#pragma once
// Runs job diff's viewer ($DIFF_VIEWER or diff) on two renderings, without a shell.

#include <string>
#include <vector>

namespace aurora::commands::job {

// $DIFF_VIEWER split on whitespace (so "diff -u" works), or {"diff"} when unset or blank.
std::vector<std::string> diff_viewer_command();

// Writes `remote` and `local` to temporary files, runs `command` + [remote_file, local_file] and
// returns its stdout. An exit status other than 0 or 1 (or a program that cannot be started)
// throws Error(CommandFailure, "Error running diff: <stderr or reason>").
std::string run_diff_program(const std::vector<std::string>& command, const std::string& remote,
                             const std::string& local);

}  // namespace aurora::commands::job
