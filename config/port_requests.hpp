#pragma once
// Spec 5.4: which named ports a job asks the scheduler for (process refs plus announcer aliases).

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "config/template/model.hpp"

namespace aurora::config {

using PortTarget = std::variant<int64_t, std::string>;  // a static port or a port name

// Port names referenced as {{thermos.ports[NAME]}} by the job's processes.  A malformed
// thermos.ports ref fails with "Task has invalid process: <process>".
std::set<std::string> referenced_ports(const templating::NodePtr& raw_job);
// The announcer's portmap with alias chains followed; throws on "Found cycle in portmap!".
std::map<std::string, PortTarget> resolved_portmap(const templating::NodePtr& raw_job);
// The ports to request: unallocated alias targets and referenced ports that are not static.
std::set<std::string> requested_ports(const templating::NodePtr& raw_job);

}  // namespace aurora::config
