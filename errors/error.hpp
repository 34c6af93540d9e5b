#pragma once
// The one exception type every library throws; cli/ turns its kind into an exit code.

#include <stdexcept>
#include <string>

namespace aurora {

// What went wrong, in the terms of the exit codes a user sees (cli/exit_code.cpp maps them).
enum class ErrorKind {
  InvalidConfiguration,  // 3: clusters.json, .aurora files, unknown cluster
  CommandFailure,        // 4: the command ran and failed
  InvalidCommand,        // 5
  InvalidParameter,      // 6: arguments that parse but make no sense
  Network,               // 7: transport failure on a call that must not be retried
  Timeout,               // 9
  Api,                   // 10: the scheduler answered with an error
  Unknown,               // 20
  Auth,                  // 30
  Interrupted,           // 130
  Usage,                 // 2: command-line syntax
  Fatal,                 // 1: upstream's die(): logged as "FATAL] message"
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace aurora
