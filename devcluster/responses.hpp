#pragma once
// Every RPC answers with a Response built the same few ways, as upstream's Responses helpers do.

#include <string>

#include "aurora_api_types.h"

namespace aurora::devcluster {

inline gen::Response respond(gen::ResponseCode::type code, const std::string& message = "") {
  gen::Response response;
  response.responseCode = code;
  if (!message.empty()) {
    gen::ResponseDetail detail;
    detail.message = message;
    response.details.push_back(detail);
  }
  return response;
}

inline gen::Response ok(const std::string& message = "") {
  return respond(gen::ResponseCode::OK, message);
}

inline gen::Response ok_with(const gen::Result& result, const std::string& message = "") {
  gen::Response response = ok(message);
  response.__set_result(result);
  return response;
}

inline gen::Response invalid_request(const std::string& message) {
  return respond(gen::ResponseCode::INVALID_REQUEST, message);
}

}  // namespace aurora::devcluster
