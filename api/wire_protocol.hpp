#pragma once
// The scheduler's /api servlet speaks TBinary (upstream's choice) and TJSON, told apart by the
// Content-Type and Accept headers; a cluster may pick JSON (`protocol: "json"` or --protocol).

#include <optional>
#include <string_view>

namespace aurora::api {

enum class WireProtocol { Binary, Json };

constexpr std::string_view content_type(WireProtocol protocol) {
  return protocol == WireProtocol::Json ? "application/vnd.apache.thrift.json"
                                        : "application/vnd.apache.thrift.binary";
}

// "binary" or "json"; nullopt for anything else.
constexpr std::optional<WireProtocol> parse_wire_protocol(std::string_view name) {
  if (name == "binary") return WireProtocol::Binary;
  if (name == "json") return WireProtocol::Json;
  return std::nullopt;
}

}  // namespace aurora::api
