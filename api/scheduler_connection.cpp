#include "api/scheduler_connection.hpp"

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TJSONProtocol.h>
#include <thrift/protocol/TProtocolDecorator.h>

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

}  // namespace

std::shared_ptr<apache::thrift::protocol::TProtocol> make_protocol(
    WireProtocol protocol, std::shared_ptr<apache::thrift::transport::TTransport> transport) {
  if (protocol == WireProtocol::Json) {
    return std::make_shared<ContainerSizeCheck>(
        std::make_shared<apache::thrift::protocol::TJSONProtocol>(std::move(transport)));
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
