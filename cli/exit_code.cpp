#include "cli/exit_code.hpp"

#include "errors/interrupt.hpp"

namespace aurora::cli {

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::InvalidConfiguration: return kExitInvalidConfiguration;
    case ErrorKind::CommandFailure: return kExitCommandFailure;
    case ErrorKind::InvalidCommand: return kExitInvalidCommand;
    case ErrorKind::InvalidParameter: return kExitInvalidParameter;
    case ErrorKind::Network: return kExitNetworkError;
    case ErrorKind::Timeout: return kExitTimeout;
    case ErrorKind::Api: return kExitApiError;
    case ErrorKind::Unknown: return kExitUnknownError;
    case ErrorKind::Auth: return kExitAuthError;
    case ErrorKind::Interrupted: return interrupt::exit_code();  // 130, or 143 for SIGTERM
    case ErrorKind::Usage: return kExitUsage;
    case ErrorKind::Fatal: return kExitFatal;
  }
  return kExitUnknownError;
}

}  // namespace aurora::cli
