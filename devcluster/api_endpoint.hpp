#pragma once
// The /api servlet: picks TBinary or TJSON from Content-Type and Accept exactly as upstream's
// TContentAwareServlet (ApiModule) does, and runs the Thrift processor on the body.

#include <memory>
#include <optional>
#include <string>

#include "devcluster/http_message.hpp"

namespace apache::thrift {
class TProcessor;
}

namespace aurora::devcluster {

enum class ThriftEncoding { Binary, Json };

inline constexpr const char* kThriftBinaryType = "application/vnd.apache.thrift.binary";
inline constexpr const char* kThriftJsonType = "application/vnd.apache.thrift.json";

// What upstream's servlet makes of a request's Content-Type. It looks the parsed media type up in
// a map, and media types are equal only with equal parameters, so a Content-Type with a parameter
// (charset=...) matches nothing. A missing or unparsable one makes it throw before the lookup.
enum class RequestEncoding {
  Binary,
  Json,
  Unsupported,  // HTTP 415
  Unreadable,   // HTTP 500
};
RequestEncoding request_encoding(const std::optional<std::string>& content_type);
// The response protocol for an Accept header: binary only when it is exactly the binary type
// (any case, no parameters), else TJSON.
ThriftEncoding response_encoding(const std::optional<std::string>& accept);

class ApiEndpoint {
 public:
  explicit ApiEndpoint(std::shared_ptr<apache::thrift::TProcessor> processor)
      : processor_(std::move(processor)) {}

  HttpResponse handle(const HttpRequest& request) const;

 private:
  std::shared_ptr<apache::thrift::TProcessor> processor_;
};

}  // namespace aurora::devcluster
