#pragma once
// Log lines on stderr in upstream's plain format: "LEVEL] message", labels 5 characters wide.

#include <ostream>
#include <string_view>

namespace aurora::cli {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Fatal = 4 };

class Logger {
 public:
  Logger(std::ostream& sink, LogLevel threshold) : sink_(&sink), threshold_(threshold) {}

  void debug(std::string_view message) const { write(LogLevel::Debug, message); }
  void info(std::string_view message) const { write(LogLevel::Info, message); }
  void warn(std::string_view message) const { write(LogLevel::Warn, message); }
  void error(std::string_view message) const { write(LogLevel::Error, message); }
  void fatal(std::string_view message) const { write(LogLevel::Fatal, message); }

  bool enabled(LogLevel level) const { return level >= threshold_; }
  void write(LogLevel level, std::string_view message) const;

 private:
  std::ostream* sink_;
  LogLevel threshold_;
};

}  // namespace aurora::cli
