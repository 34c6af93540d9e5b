#pragma once
// The one exception a config evaluation throws to the host: a located, Python-style error.

#include <string>
#include <vector>

#include "config/lang/token.hpp"
#include "errors/error.hpp"

namespace aurora::config::lang {

// One config-level stack frame (never a C++ frame).
struct TraceFrame {
  std::string file;
  int line = 0;
  int column = 0;
  std::string function;  // "<module>" for top level
  std::string source_line;
};

// Thrown out of the interpreter: kind is InvalidConfiguration (exit code 3).
class ConfigError : public aurora::Error {
 public:
  ConfigError(std::string type, std::string message, std::string file, int line, int column,
              std::string source_line, std::vector<TraceFrame> traceback);

  const std::string& type() const { return type_; }  // "SyntaxError", "NameError", ...
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& source_line() const { return source_line_; }
  const std::vector<TraceFrame>& traceback() const { return traceback_; }

 private:
  std::string type_, message_, file_;
  int line_, column_;
  std::string source_line_;
  std::vector<TraceFrame> traceback_;
};

// Formats "file:line:col: Type: message", the source line with a caret, then one
// "  called from file:line[, in function]" line per call that led there, innermost first.
std::string format_config_error(const std::string& type, const std::string& message,
                                const std::string& file, int line, int column,
                                const std::string& source_line,
                                const std::vector<TraceFrame>& traceback);

// Throws a SyntaxError (or another compile-time error type) at a location.
[[noreturn]] void throw_syntax_error(const Location& loc, const std::string& message,
                                     const std::string& type = "SyntaxError");

}  // namespace aurora::config::lang
