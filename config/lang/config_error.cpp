#include "config/lang/config_error.hpp"

namespace aurora::config::lang {

std::string_view SourceFile::line(int number) const {
  size_t start = 0;
  for (int i = 1; i < number; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view view(text);
  view = view.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

std::string format_config_error(const std::string& type, const std::string& message,
                                const std::string& file, int line, int column,
                                const std::string& source_line,
                                const std::vector<TraceFrame>& traceback) {
  std::string out = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + type;
  if (!message.empty()) out += ": " + message;
  if (!source_line.empty()) {
    // Very long lines are shown as a window around the column.
    std::string shown = source_line;
    int caret = column;
    constexpr int kWindow = 60;
    if (shown.size() > 2 * kWindow + 40) {
      int start = column > kWindow ? column - 1 - kWindow : 0;
      shown = (start > 0 ? "..." : "") + source_line.substr(start, 2 * kWindow) +
              (start + 2 * kWindow < static_cast<int>(source_line.size()) ? "..." : "");
      caret = column - start + (start > 0 ? 3 : 0);
    }
    out += "\n    " + shown + "\n    ";
    for (int i = 1; i < caret && i <= static_cast<int>(shown.size()); ++i)
      out += shown[i - 1] == '\t' ? '\t' : ' ';
    out += "^";
  }
  // The calls that led there, innermost first, as located lines rather than a Python traceback:
  // the message is said once, at the top.
  for (size_t i = traceback.size(); i-- > 1;) {
    const TraceFrame& caller = traceback[i - 1];
    out += "\n  called from " + caller.file + ":" + std::to_string(caller.line);
    if (caller.function != "<module>") out += ", in " + caller.function;
  }
  return out;
}

ConfigError::ConfigError(std::string type, std::string message, std::string file, int line,
                         int column, std::string source_line, std::vector<TraceFrame> traceback)
    : aurora::Error(ErrorKind::InvalidConfiguration,
                    format_config_error(type, message, file, line, column, source_line, traceback)),
      type_(std::move(type)),
      message_(std::move(message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      source_line_(std::move(source_line)),
      traceback_(std::move(traceback)) {}

void throw_syntax_error(const Location& loc, const std::string& message, const std::string& type) {
  std::string path = loc.file ? loc.file->path : "<string>";
  std::string src = loc.file ? std::string(loc.file->line(loc.line)) : "";
  throw ConfigError(type, message, path, loc.line, loc.column, src, {});
}

}  // namespace aurora::config::lang
