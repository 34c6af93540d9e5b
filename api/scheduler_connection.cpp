#include "api/scheduler_connection.hpp"

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TJSONProtocol.h>
#include <thrift/protocol/TProtocolDecorator.h>
#include <thrift/protocol/TVirtualProtocol.h>

#include <cstdint>
#include <string>
#include <vector>

namespace aurora::api {
namespace {

using apache::thrift::protocol::TType;

// Thrift checks a container's claimed size against the bytes received, except for structs (it
// counts them as 0 bytes), and the generated code resizes a vector to that size before reading:
// a 20-byte reply could claim millions of ScheduledTasks. Every element takes at least one byte.
class ContainerSizeCheck : public apache::thrift::protocol::TProtocolDecorator {
 public:
  using TProtocolDecorator::TProtocolDecorator;

  uint32_t readMapBegin_virt(TType& key, TType& value, uint32_t& size) override {
    const uint32_t read = TProtocolDecorator::readMapBegin_virt(key, value, size);
    check_available(size);
    return read;
  }
  uint32_t readListBegin_virt(TType& element, uint32_t& size) override {
    const uint32_t read = TProtocolDecorator::readListBegin_virt(element, size);
    check_available(size);
    return read;
  }
  uint32_t readSetBegin_virt(TType& element, uint32_t& size) override {
    const uint32_t read = TProtocolDecorator::readSetBegin_virt(element, size);
    check_available(size);
    return read;
  }

 private:
  void check_available(uint32_t size) {
    getTransport()->checkReadBytesAvailable(static_cast<long>(size));
  }
};

// Debian's libthrift asserts, aborting the process, when a TJSON byte is 256 or more (an unknown
// i8 field is read too, to be skipped): no answer of a scheduler may do that. The same range is
// accepted, and anything beyond it is a protocol error like any other malformed answer.
class CheckedJsonProtocol
    : public apache::thrift::protocol::TVirtualProtocol<CheckedJsonProtocol,
                                                        apache::thrift::protocol::TJSONProtocol> {
 public:
  explicit CheckedJsonProtocol(std::shared_ptr<apache::thrift::transport::TTransport> transport)
      : TVirtualProtocol(std::move(transport)) {}

  uint32_t readByte(int8_t& byte) {
    int16_t wide = 0;
    const uint32_t read = TJSONProtocol::readI16(wide);
    if (wide >= 256) {
      throw apache::thrift::protocol::TProtocolException(
          apache::thrift::protocol::TProtocolException::INVALID_DATA,
          "byte value out of range: " + std::to_string(wide));
    }
    byte = static_cast<int8_t>(wide);
    return read;
  }

  // libthrift reads a bool as a number through an istringstream and returns its own
  // uninitialized variable when there are no digits (`{"tf":}`), so the bool could hold any
  // byte, which is neither true nor false to the code that prints it (found by
  // fuzz_thrift_json). Reading an i64 instead keeps the garbage out of the bool: any non-zero
  // number is true.
  uint32_t readBool(bool& value) {
    int64_t wide = 0;
    const uint32_t read = TJSONProtocol::readI64(wide);
    value = wide != 0;
    return read;
  }
  uint32_t readBool(std::vector<bool>::reference value) {
    bool plain = false;
    const uint32_t read = readBool(plain);
    value = plain;
    return read;
  }
};

}  // namespace

std::shared_ptr<apache::thrift::protocol::TProtocol> make_protocol(
    WireProtocol protocol, std::shared_ptr<apache::thrift::transport::TTransport> transport) {
  if (protocol == WireProtocol::Json) {
    return std::make_shared<ContainerSizeCheck>(
        std::make_shared<CheckedJsonProtocol>(std::move(transport)));
  }
  // Strict writes (versioned message header), lenient reads: what upstream's client sends.
  // TBinary allocates a string's claimed length before reading it: bound it, or a proxy's HTML
  // page ("<htm" read as a length) costs a gigabyte. Container sizes are checked against the
  // body (HttpTransport resets the message size per response), but Thrift multiplies the count
  // by the element size in an int: keep counts where that cannot overflow.
  constexpr int32_t kMaxStringBytes = 16 << 20;
  constexpr int32_t kMaxContainerElements = 16 << 20;
  return std::make_shared<ContainerSizeCheck>(
      std::make_shared<apache::thrift::protocol::TBinaryProtocol>(
          std::move(transport), kMaxStringBytes, kMaxContainerElements, /*strict_read=*/false,
          /*strict_write=*/true));
}

SchedulerConnection::SchedulerConnection(HttpTransportOptions options)
    : transport_(std::make_shared<HttpTransport>(std::move(options))) {
  client_ = std::make_unique<gen::AuroraAdminClient>(
      make_protocol(transport_->options().protocol, transport_));
}

}  // namespace aurora::api
