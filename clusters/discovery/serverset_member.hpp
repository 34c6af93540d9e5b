#pragma once
// What a scheduler announces in ZooKeeper, and which announcement names the leader.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aurora::clusters {

struct ServersetEndpoint {
  std::string host;
  int port = 0;
};

// The JSON a scheduler writes into its member_NNNNNNNNNN znode (Gson encoding of ServiceInstance).
struct ServersetMember {
  ServersetEndpoint service_endpoint;
  std::map<std::string, ServersetEndpoint> additional_endpoints;
  std::string status;  // DEAD, STARTING, ALIVE, STOPPING, STOPPED or WARNING
  std::optional<int> shard;
};

// The sequence number of a serverset member child ("member_0000000007" → 7); nullopt for any other
// child, such as leader-latch lock nodes.
std::optional<std::uint64_t> member_sequence(std::string_view child_name);

// The member child with the lowest sequence number, which is the leader; nullopt when none.
std::optional<std::string> leading_member(const std::vector<std::string>& children);

// Parses a member's data; throws Error(InvalidConfiguration) naming `znode_path` when malformed.
ServersetMember parse_serverset_member(std::string_view json, std::string_view znode_path);

// "https://host:port" from the https endpoint, else "http://host:port" from the http endpoint, else
// the service endpoint over http.
std::string member_base_url(const ServersetMember& member);

}  // namespace aurora::clusters
