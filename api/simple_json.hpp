#pragma once
// Thrift structs as upstream's TSimpleJSONProtocol renders them (named fields in id order, unset
// fields omitted, containers as arrays, maps as objects), built through the generated write().

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

#include <thrift/protocol/TProtocol.h>
#include <thrift/transport/TBufferTransports.h>

namespace aurora::api {

struct SimpleJsonOptions {
  // TSimpleJSON writes booleans as 1/0 (upstream's --write-json keeps that); true/false otherwise.
  bool booleans_as_integers = false;
};


// Builds the JSON of any generated struct: `to_simple_json(task)`.
nlohmann::ordered_json simple_json_of(
    const std::function<void(apache::thrift::protocol::TProtocol&)>& write,
    const SimpleJsonOptions& options);

template <class ThriftStruct>
nlohmann::ordered_json to_simple_json(const ThriftStruct& value,
                                      const SimpleJsonOptions& options = {}) {
  return simple_json_of([&](apache::thrift::protocol::TProtocol& p) { value.write(&p); }, options);
}

}  // namespace aurora::api
