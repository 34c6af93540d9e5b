#pragma once
// Upstream's rule for a scheduler answer: OK logs its messages; anything else (WARNING too)
// prints the messages under a heading and fails the command with the verb's exit code.

#include <string>

#include "AuroraAdmin.h"
#include "cli/context.hpp"
#include "errors/error.hpp"

namespace aurora::cli {

// On OK, logs the combined detail messages at INFO (when there are any) and returns. Otherwise
// prints `heading`, "\t<messages>" (and the lock hint for JOB_UPDATING_ERROR) to stderr and
// throws Error(`kind`) with nothing more to print.
void check_response(Context& context, const gen::Response& response,
                    const std::string& heading = "Command failure:",
                    ErrorKind kind = ErrorKind::Api);

}  // namespace aurora::cli
