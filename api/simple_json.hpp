#pragma once
// Thrift structs as upstream's TSimpleJSONProtocol renders them (named fields in id order, unset
// fields omitted, containers as arrays, maps as objects), written through the generated write().

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <thrift/protocol/TProtocol.h>

#include "api/json_text_writer.hpp"

namespace aurora::api {

// A generated enum's names, e.g. gen::_ScheduleStatus_VALUES_TO_NAMES.
using EnumNames = std::map<int, const char*>;

struct SimpleJsonOptions {
  // TSimpleJSON writes booleans as 1/0 (upstream's --write-json keeps that); true/false otherwise.
  bool booleans_as_integers = false;
  // Fields (by IDL name) holding an enum, written by name; a value the table lacks stays a number.
  std::map<std::string_view, const EnumNames*> enum_fields;
  // Boolean fields written true/false even with booleans_as_integers.
  std::set<std::string_view> literal_boolean_fields;
};

// Writes a generated struct's JSON into `out` as its next value.
void write_thrift_as_json(JsonTextWriter& out,
                          const std::function<void(apache::thrift::protocol::TProtocol&)>& write,
                          const SimpleJsonOptions& options);

template <class ThriftStruct>
void write_simple_json(JsonTextWriter& out, const ThriftStruct& value,
                       const SimpleJsonOptions& options = {}) {
  write_thrift_as_json(
      out, [&](apache::thrift::protocol::TProtocol& p) { value.write(&p); }, options);
}

// The JSON text of any generated struct, compact or with `indent`.
template <class ThriftStruct>
std::string to_simple_json_text(const ThriftStruct& value, const SimpleJsonOptions& options = {},
                                int indent = -1) {
  JsonTextWriter out(indent);
  write_simple_json(out, value, options);
  return out.take();
}

// The same as a document, for callers that edit or embed it.
template <class ThriftStruct>
nlohmann::ordered_json to_simple_json(const ThriftStruct& value,
                                      const SimpleJsonOptions& options = {}) {
  return nlohmann::ordered_json::parse(to_simple_json_text(value, options));
}

}  // namespace aurora::api
