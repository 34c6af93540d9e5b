#include "clusters/discovery/serverset_member.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "errors/error.hpp"

namespace aurora::clusters {
namespace {

constexpr std::string_view kMemberPrefix = "member_";
constexpr std::array<std::string_view, 6> kStatuses = {"DEAD",     "STARTING", "ALIVE",
                                                       "STOPPING", "STOPPED",  "WARNING"};

[[noreturn]] void malformed(std::string_view znode_path, const std::string& why) {
  throw Error(
      ErrorKind::InvalidConfiguration,
      "Malformed scheduler announcement in Zookeeper node " + std::string(znode_path) + ": " + why);
}

ServersetEndpoint parse_endpoint(const nlohmann::json& value, const std::string& where,
                                 std::string_view znode_path) {
  if (!value.is_object()) malformed(znode_path, where + " is not an object");
  const auto host = value.find("host");
  if (host == value.end() || !host->is_string() || host->get_ref<const std::string&>().empty()) {
    malformed(znode_path, where + ".host is missing or not a string");
  }
  const auto port = value.find("port");
  if (port == value.end() || !port->is_number_integer()) {
    malformed(znode_path, where + ".port is missing or not an integer");
  }
  const auto port_number = port->get<std::int64_t>();
  if (port_number < 0 || port_number > 65535) {
    malformed(znode_path, where + ".port " + std::to_string(port_number) + " is out of range");
  }
  return ServersetEndpoint{host->get<std::string>(), static_cast<int>(port_number)};
}

std::string endpoint_url(std::string_view scheme, const ServersetEndpoint& endpoint) {
  const bool ipv6_literal = endpoint.host.find(':') != std::string::npos;
  const std::string host = ipv6_literal ? "[" + endpoint.host + "]" : endpoint.host;
  return std::string(scheme) + "://" + host + ":" + std::to_string(endpoint.port);
}

}  // namespace

std::optional<std::uint64_t> member_sequence(std::string_view child_name) {
  if (!child_name.starts_with(kMemberPrefix)) return std::nullopt;
  const std::string_view digits = child_name.substr(kMemberPrefix.size());
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::uint64_t sequence = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), sequence);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return sequence;
}

std::optional<std::string> leading_member(const std::vector<std::string>& children) {
  std::optional<std::string> leader;
  std::uint64_t lowest = 0;
  for (const auto& child : children) {
    const auto sequence = member_sequence(child);
    if (sequence && (!leader || *sequence < lowest)) {
      leader = child;
      lowest = *sequence;
    }
  }
  return leader;
}

ServersetMember parse_serverset_member(std::string_view json, std::string_view znode_path) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& error) {
    malformed(znode_path, std::string("not JSON (") + error.what() + ")");
  } catch (const nlohmann::json::out_of_range& error) {  // a number beyond a double: 1e400
    malformed(znode_path, std::string("not JSON (") + error.what() + ")");
  }
  if (!document.is_object()) malformed(znode_path, "not a JSON object");

  ServersetMember member;
  const auto service = document.find("serviceEndpoint");
  if (service == document.end()) malformed(znode_path, "serviceEndpoint is missing");
  member.service_endpoint = parse_endpoint(*service, "serviceEndpoint", znode_path);

  const auto additional = document.find("additionalEndpoints");
  if (additional == document.end() || !additional->is_object()) {
    malformed(znode_path, "additionalEndpoints is missing or not an object");
  }
  for (const auto& [name, endpoint] : additional->items()) {
    member.additional_endpoints[name] =
        parse_endpoint(endpoint, "additionalEndpoints." + name, znode_path);
  }

  const auto status = document.find("status");
  if (status == document.end() || !status->is_string()) {
    malformed(znode_path, "status is missing or not a string");
  }
  member.status = status->get<std::string>();
  if (std::find(kStatuses.begin(), kStatuses.end(), member.status) == kStatuses.end()) {
    malformed(znode_path, "unknown status \"" + member.status + "\"");
  }

  const auto shard = document.find("shard");
  if (shard != document.end() && !shard->is_null()) {
    if (!shard->is_number_integer()) malformed(znode_path, "shard is not an integer");
    member.shard = shard->get<int>();
  }
  return member;
}

std::string member_base_url(const ServersetMember& member) {
  for (const std::string_view scheme : {"https", "http"}) {
    const auto endpoint = member.additional_endpoints.find(std::string(scheme));
    if (endpoint != member.additional_endpoints.end())
      return endpoint_url(scheme, endpoint->second);
  }
  return endpoint_url("http", member.service_endpoint);
}

}  // namespace aurora::clusters
