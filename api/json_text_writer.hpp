#pragma once
// Writes JSON text as it goes, without building a document first: `job status` of 10,000 tasks
// prints 17 MB, and a tree of that size costs more than the RPC. Output is pure ASCII, as Python's
// json.dumps(ensure_ascii=True) writes it; with an indent, the layout is json.dumps(indent=N).

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace aurora::api {

class JsonTextWriter {
 public:
  // indent < 0: compact (`{"a":1,"b":[2]}`); otherwise one member per line, `": "` after keys.
  explicit JsonTextWriter(int indent = -1) : indent_(indent) {}
  // Writes to `sink` a megabyte at a time instead of keeping the text; finish() writes the rest.
  JsonTextWriter(int indent, std::ostream& sink) : indent_(indent), sink_(&sink) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The next value is this member of the innermost object.
  void key(std::string_view name);

  void string(std::string_view value);
  void integer(int64_t value);
  // Python's repr: the shortest text that reads back, `10.0` rather than `10`; null for inf/NaN.
  void number(double value);
  void boolean(bool value) { scalar(value ? "true" : "false"); }
  void null() { scalar("null"); }

  // The text (without a sink); complete once every container is closed.
  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }
  // With a sink: writes what is left, and a newline.
  void finish();

 private:
  void open(char bracket);
  void close(char bracket);
  void scalar(std::string_view literal);
  // Separator and line break before a value; nothing after a key.
  void before_value();
  void newline(size_t depth);

  int indent_;
  std::ostream* sink_ = nullptr;
  std::string out_;
  std::vector<size_t> counts_;  // values written in each open container
  bool after_key_ = false;
};

}  // namespace aurora::api
