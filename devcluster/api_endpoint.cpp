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

struct MediaType {
  std::string type;  // "type/subtype" in lower case
  bool has_parameters = false;
};

// A header's media type; nullopt when it does not start with "type/subtype". Header values come
// trimmed from the HTTP layer.
std::optional<MediaType> parse_media_type(const std::string& header) {
  const auto semicolon = header.find(';');
  std::string type = header.substr(0, semicolon);
  type.erase(type.find_last_not_of(" \t") + 1);
  const auto slash = type.find('/');
  if (slash == 0 || slash == std::string::npos || slash + 1 == type.size() ||
      type.find_first_of(" \t/", slash + 1) != std::string::npos ||
      type.find_first_of(" \t") < slash) {
    return std::nullopt;
  }
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return MediaType{type, semicolon != std::string::npos};
}

std::shared_ptr<TProtocol> make_protocol(ThriftEncoding encoding,
                                         std::shared_ptr<TMemoryBuffer> buffer) {
  if (encoding == ThriftEncoding::Binary) return std::make_shared<TBinaryProtocol>(buffer);
  return std::make_shared<TJSONProtocol>(buffer);
}

}  // namespace

RequestEncoding request_encoding(const std::optional<std::string>& content_type) {
  const auto media = content_type ? parse_media_type(*content_type) : std::nullopt;
  if (!media) return RequestEncoding::Unreadable;
  if (media->has_parameters) return RequestEncoding::Unsupported;
  if (media->type == kThriftBinaryType) return RequestEncoding::Binary;
  if (media->type == kThriftJsonType || media->type == "application/json" ||
      media->type == "application/x-thrift") {
    return RequestEncoding::Json;
  }
  return RequestEncoding::Unsupported;
}

ThriftEncoding response_encoding(const std::optional<std::string>& accept) {
  const auto media = accept ? parse_media_type(*accept) : std::nullopt;
  const bool binary = media && !media->has_parameters && media->type == kThriftBinaryType;
  return binary ? ThriftEncoding::Binary : ThriftEncoding::Json;
}

HttpResponse ApiEndpoint::handle(const HttpRequest& request) const {
  HttpResponse response;
  auto content_type = request.header("content-type");
  const RequestEncoding encoding = request_encoding(content_type);
  if (encoding == RequestEncoding::Unreadable) {
    response.status = 500;
    response.body = content_type ? "Cannot parse Content-Type: " + *content_type
                                 : std::string("The request has no Content-Type");
    return response;
  }
  if (encoding == RequestEncoding::Unsupported) {
    response.status = 415;
    response.body = "Unsupported Content-Type: " + *content_type;
    return response;
  }
  const ThriftEncoding input =
      encoding == RequestEncoding::Binary ? ThriftEncoding::Binary : ThriftEncoding::Json;
  ThriftEncoding output = response_encoding(request.header("accept"));
  std::string body = request.body;
  auto in_buffer =
      std::make_shared<TMemoryBuffer>(reinterpret_cast<uint8_t*>(body.data()),
                                      static_cast<uint32_t>(body.size()), TMemoryBuffer::COPY);
  auto out_buffer = std::make_shared<TMemoryBuffer>();
  try {
    processor_->process(make_protocol(input, in_buffer), make_protocol(output, out_buffer),
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
