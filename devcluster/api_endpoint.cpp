#include "devcluster/api_endpoint.hpp"

#include <thrift/TProcessor.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TJSONProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <algorithm>
#include <cctype>

namespace aurora::devcluster {
namespace {

using apache::thrift::protocol::TBinaryProtocol;
using apache::thrift::protocol::TJSONProtocol;
using apache::thrift::protocol::TProtocol;
using apache::thrift::transport::TMemoryBuffer;

// "Application/JSON; charset=UTF-8" -> "application/json".
std::string media_type(const std::string& header) {
  std::string type = header.substr(0, header.find(';'));
  auto first = type.find_first_not_of(" \t");
  auto last = type.find_last_not_of(" \t");
  type = first == std::string::npos ? "" : type.substr(first, last - first + 1);
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

std::shared_ptr<TProtocol> make_protocol(ThriftEncoding encoding,
                                         std::shared_ptr<TMemoryBuffer> buffer) {
  if (encoding == ThriftEncoding::Binary) return std::make_shared<TBinaryProtocol>(buffer);
  return std::make_shared<TJSONProtocol>(buffer);
}

}  // namespace

std::optional<ThriftEncoding> request_encoding(const std::optional<std::string>& content_type) {
  std::string type = content_type ? media_type(*content_type) : "application/x-thrift";
  if (type == kThriftBinaryType) return ThriftEncoding::Binary;
  if (type == kThriftJsonType || type == "application/json" || type == "application/x-thrift") {
    return ThriftEncoding::Json;
  }
  return std::nullopt;
}

ThriftEncoding response_encoding(const std::optional<std::string>& accept) {
  if (accept && media_type(*accept) == kThriftBinaryType) return ThriftEncoding::Binary;
  return ThriftEncoding::Json;
}

HttpResponse ApiEndpoint::handle(const HttpRequest& request) const {
  HttpResponse response;
  auto content_type = request.header("content-type");
  auto input = request_encoding(content_type);
  if (!input) {
    response.status = 415;
    response.body = "Unsupported Content-Type: " + content_type.value_or("");
    return response;
  }
  ThriftEncoding output = response_encoding(request.header("accept"));
  std::string body = request.body;
  auto in_buffer =
      std::make_shared<TMemoryBuffer>(reinterpret_cast<uint8_t*>(body.data()),
                                      static_cast<uint32_t>(body.size()), TMemoryBuffer::COPY);
  auto out_buffer = std::make_shared<TMemoryBuffer>();
  try {
    processor_->process(make_protocol(*input, in_buffer), make_protocol(output, out_buffer),
                        nullptr);
  } catch (const std::exception& error) {
    response.status = 500;
    response.body = std::string("Thrift processing failed: ") + error.what();
    return response;
  }
  response.content_type = output == ThriftEncoding::Binary ? kThriftBinaryType : kThriftJsonType;
  response.body = out_buffer->getBufferAsString();
  return response;
}

}  // namespace aurora::devcluster
