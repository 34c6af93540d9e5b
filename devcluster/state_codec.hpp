#pragma once
// The state file is JSON; Thrift values inside it are their TJSON form, so nothing is lost.

#include <nlohmann/json.hpp>
#include <string>

#include "devcluster/cluster_state.hpp"

namespace aurora::devcluster {

nlohmann::json encode_state(const ClusterState& state);
// Throws std::runtime_error on a malformed document.
ClusterState decode_state(const nlohmann::json& document);

}  // namespace aurora::devcluster
