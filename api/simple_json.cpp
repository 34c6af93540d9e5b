#include "api/simple_json.hpp"

#include <thrift/protocol/TVirtualProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <string>
#include <vector>

namespace aurora::api {
namespace {

using apache::thrift::protocol::TMessageType;
using apache::thrift::protocol::TType;

// A write-only protocol that turns the generated write() calls into JSON text.
class SimpleJsonProtocol : public apache::thrift::protocol::TVirtualProtocol<SimpleJsonProtocol> {
 public:
  SimpleJsonProtocol(JsonTextWriter& out, const SimpleJsonOptions& options)
      : TVirtualProtocol(std::make_shared<apache::thrift::transport::TMemoryBuffer>(0)),
        out_(out),
        options_(options) {}

  uint32_t writeMessageBegin(const std::string&, const TMessageType, const int32_t) { return 0; }
  uint32_t writeMessageEnd() { return 0; }
  uint32_t writeStructBegin(const char*) { return begin(Kind::Struct); }
  uint32_t writeStructEnd() { return end(); }
  uint32_t writeFieldBegin(const char* name, const TType, const int16_t) {
    out_.key(name);
    frames_.back().field = name;
    return 0;
  }
  uint32_t writeFieldEnd() { return 0; }
  uint32_t writeFieldStop() { return 0; }
  uint32_t writeMapBegin(const TType, const TType, const uint32_t) { return begin(Kind::Map); }
  uint32_t writeMapEnd() { return end(); }
  uint32_t writeListBegin(const TType, const uint32_t) { return begin(Kind::List); }
  uint32_t writeListEnd() { return end(); }
  uint32_t writeSetBegin(const TType, const uint32_t) { return begin(Kind::List); }
  uint32_t writeSetEnd() { return end(); }

  uint32_t writeBool(const bool value) {
    if (is_map_key()) return key(value ? "true" : "false");
    if (options_.booleans_as_integers && !options_.literal_boolean_fields.count(field())) {
      out_.integer(value ? 1 : 0);
    } else {
      out_.boolean(value);
    }
    return 0;
  }
  uint32_t writeByte(const int8_t value) { return integer(value); }
  uint32_t writeI16(const int16_t value) { return integer(value); }
  uint32_t writeI32(const int32_t value) {
    if (is_map_key()) return key(std::to_string(value));
    if (const auto table = options_.enum_fields.find(field()); table != options_.enum_fields.end()) {
      if (const auto name = table->second->find(value); name != table->second->end()) {
        out_.string(name->second);
        return 0;
      }
    }
    out_.integer(value);
    return 0;
  }
  uint32_t writeI64(const int64_t value) { return integer(value); }
  uint32_t writeDouble(const double value) {
    if (is_map_key()) return key(std::to_string(value));
    out_.number(value);
    return 0;
  }
  uint32_t writeString(const std::string& value) {
    if (is_map_key()) return key(value);
    out_.string(value);
    return 0;
  }
  uint32_t writeBinary(const std::string& value) { return writeString(value); }

 private:
  enum class Kind { Struct, List, Map };
  struct Frame {
    Kind kind;
    std::string_view field;   // structs: the field being written
    bool value_next = false;  // maps: entries arrive as key, value, key, value
  };

  // True when the scalar about to be written is a map entry's key (it becomes a member name; the
  // scheduler's API has only scalar map keys). Otherwise the value being written is noted.
  bool is_map_key() {
    if (frames_.empty() || frames_.back().kind != Kind::Map) return false;
    Frame& map = frames_.back();
    map.value_next = !map.value_next;
    return map.value_next;
  }
  // The struct field a value belongs to; elements of a list or map belong to the list's field.
  std::string_view field() const {
    for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame) {
      if (frame->kind == Kind::Struct) return frame->field;
    }
    return {};
  }
  uint32_t key(std::string_view name) {
    out_.key(name);
    return 0;
  }
  uint32_t integer(int64_t value) {
    if (is_map_key()) return key(std::to_string(value));
    out_.integer(value);
    return 0;
  }
  uint32_t begin(Kind kind) {
    if (!frames_.empty() && frames_.back().kind == Kind::Map) frames_.back().value_next = false;
    kind == Kind::List ? out_.begin_array() : out_.begin_object();
    frames_.push_back({kind, {}});
    return 0;
  }
  uint32_t end() {
    frames_.back().kind == Kind::List ? out_.end_array() : out_.end_object();
    frames_.pop_back();
    return 0;
  }

  JsonTextWriter& out_;
  const SimpleJsonOptions& options_;
  std::vector<Frame> frames_;
};

}  // namespace

void write_thrift_as_json(JsonTextWriter& out,
                          const std::function<void(apache::thrift::protocol::TProtocol&)>& write,
                          const SimpleJsonOptions& options) {
  SimpleJsonProtocol protocol(out, options);
  write(protocol);
}

}  // namespace aurora::api
