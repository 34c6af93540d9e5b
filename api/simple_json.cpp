#include "api/simple_json.hpp"

#include <thrift/protocol/TVirtualProtocol.h>

#include <optional>
#include <vector>

namespace aurora::api {

using apache::thrift::protocol::TMessageType;
using apache::thrift::protocol::TType;
using nlohmann::ordered_json;

// A write-only protocol: each write lands in a stack of JSON containers under construction.
class SimpleJsonWriter
    : public apache::thrift::protocol::TVirtualProtocol<SimpleJsonWriter> {
 public:
  explicit SimpleJsonWriter(SimpleJsonOptions options)
      : TVirtualProtocol(std::make_shared<apache::thrift::transport::TMemoryBuffer>()),
        options_(options) {}

  ordered_json take() { return std::move(result_); }

  uint32_t writeMessageBegin(const std::string&, const TMessageType, const int32_t) { return 0; }
  uint32_t writeMessageEnd() { return 0; }
  uint32_t writeStructBegin(const char*) { return open(Kind::Struct, ordered_json::object()); }
  uint32_t writeStructEnd() { return close(); }
  uint32_t writeFieldBegin(const char* name, const TType, const int16_t) {
    stack_.back().key = name;
    return 0;
  }
  uint32_t writeFieldEnd() { return 0; }
  uint32_t writeFieldStop() { return 0; }
  uint32_t writeMapBegin(const TType, const TType, const uint32_t) {
    return open(Kind::Map, ordered_json::object());
  }
  uint32_t writeMapEnd() { return close(); }
  uint32_t writeListBegin(const TType, const uint32_t) {
    return open(Kind::List, ordered_json::array());
  }
  uint32_t writeListEnd() { return close(); }
  uint32_t writeSetBegin(const TType, const uint32_t) {
    return open(Kind::List, ordered_json::array());
  }
  uint32_t writeSetEnd() { return close(); }
  uint32_t writeBool(const bool value) {
    return options_.booleans_as_integers ? put(ordered_json(value ? 1 : 0)) : put(ordered_json(value));
  }
  uint32_t writeByte(const int8_t value) { return put(ordered_json(value)); }
  uint32_t writeI16(const int16_t value) { return put(ordered_json(value)); }
  uint32_t writeI32(const int32_t value) { return put(ordered_json(value)); }
  uint32_t writeI64(const int64_t value) { return put(ordered_json(value)); }
  uint32_t writeDouble(const double value) { return put(ordered_json(value)); }
  uint32_t writeString(const std::string& value) { return put(ordered_json(value)); }
  uint32_t writeBinary(const std::string& value) { return put(ordered_json(value)); }

 private:
  enum class Kind { Struct, List, Map };
  struct Frame {
    Kind kind;
    ordered_json value;
    std::optional<std::string> key;  // struct: the field being written; map: the entry's key
  };

  uint32_t open(Kind kind, ordered_json container) {
    stack_.push_back({kind, std::move(container), std::nullopt});
    return 0;
  }
  uint32_t close() {
    ordered_json value = std::move(stack_.back().value);
    stack_.pop_back();
    return put(std::move(value));
  }
  uint32_t put(ordered_json value) {
    if (stack_.empty()) {
      result_ = std::move(value);
      return 0;
    }
    Frame& top = stack_.back();
    switch (top.kind) {
      case Kind::List:
        top.value.push_back(std::move(value));
        break;
      case Kind::Struct:
        top.value[top.key.value_or("")] = std::move(value);
        top.key.reset();
        break;
      case Kind::Map:
        // Entries arrive as key, value, key, value; keys become member names.
        if (!top.key) {
          top.key = value.is_string() ? value.get<std::string>() : value.dump();
        } else {
          top.value[*top.key] = std::move(value);
          top.key.reset();
        }
        break;
    }
    return 0;
  }

  SimpleJsonOptions options_;
  std::vector<Frame> stack_;
  ordered_json result_;
};

ordered_json simple_json_of(const std::function<void(apache::thrift::protocol::TProtocol&)>& write,
                            const SimpleJsonOptions& options) {
  SimpleJsonWriter writer(options);
  write(writer);
  return writer.take();
}

}  // namespace aurora::api
