#pragma once
// The process exit codes, upstream's numbers, and the single mapping from error kinds to them.

#include "errors/error.hpp"

namespace aurora::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFatal = 1,
  kExitUsage = 2,
  kExitInvalidConfiguration = 3,
  kExitCommandFailure = 4,
  kExitInvalidCommand = 5,
  kExitInvalidParameter = 6,
  kExitNetworkError = 7,
  kExitTimeout = 9,
  kExitApiError = 10,
  kExitUnknownError = 20,
  kExitAuthError = 30,
  kExitInterrupted = 130,
};

int exit_code_for(ErrorKind kind);

}  // namespace aurora::cli
