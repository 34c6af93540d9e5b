#include "cli/log.hpp"

namespace aurora::cli {

void Logger::write(LogLevel level, std::string_view message) const {
  if (!enabled(level)) return;
  static constexpr std::string_view kLabels[] = {"DEBUG", " INFO", " WARN", "ERROR", "FATAL"};
  *sink_ << kLabels[static_cast<int>(level)] << "] " << message << '\n';
  sink_->flush();
}

}  // namespace aurora::cli
