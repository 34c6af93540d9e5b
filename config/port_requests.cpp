#include "config/port_requests.hpp"

#include <cctype>

#include "config/config_failure.hpp"
#include "config/template/operations.hpp"

namespace aurora::config {
namespace {

using templating::Data;
using templating::NodePtr;
using templating::RefComponent;

std::optional<int64_t> as_port_number(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  if (b == e) return std::nullopt;
  size_t p = b + ((s[b] == '-' || s[b] == '+') ? 1 : 0);
  if (p == e) return std::nullopt;
  for (size_t i = p; i < e; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  return std::stoll(s.substr(b, e - b));
}

}  // namespace

std::set<std::string> referenced_ports(const NodePtr& raw_job) {
  std::set<std::string> ports;
  NodePtr task = templating::struct_field(raw_job, "task");
  if (!task) return ports;
  NodePtr processes = templating::struct_field(task, "processes");
  if (!processes) return ports;
  for (const auto& process : processes->items) {
    for (const auto& ref : templating::interpolate(process).unbound) {
      const auto& c = ref.components;
      if (c.size() < 2 || c[0].kind != RefComponent::Kind::Member || c[0].value != "thermos" ||
          c[1].kind != RefComponent::Kind::Member || c[1].value != "ports")
        continue;
      if (c.size() != 3 || c[2].kind != RefComponent::Kind::Index)
        fail_loading("Task has invalid process: " + templating::repr(process));
      ports.insert(c[2].value);
    }
  }
  return ports;
}

std::map<std::string, PortTarget> resolved_portmap(const NodePtr& raw_job) {
  std::map<std::string, PortTarget> resolved;
  NodePtr announce = templating::struct_field(raw_job, "announce");
  if (!announce) return resolved;
  NodePtr portmap = templating::struct_field(announce, "portmap");
  if (!portmap) return resolved;
  Data entries = templating::get(portmap);
  std::map<std::string, PortTarget> direct;
  for (const auto& [k, v] : entries.entries) {
    std::string value = templating::python_str(v);
    if (auto port = as_port_number(value)) direct[k.s] = *port;
    else direct[k.s] = value;
  }
  for (const auto& [name, target] : direct) {
    PortTarget current = target;
    std::set<std::string> seen = {name};
    while (const auto* alias = std::get_if<std::string>(&current)) {
      auto next = direct.find(*alias);
      if (next == direct.end()) break;
      if (!seen.insert(*alias).second) fail_loading("Found cycle in portmap!");
      current = next->second;
    }
    resolved[name] = current;
  }
  return resolved;
}

std::set<std::string> requested_ports(const NodePtr& raw_job) {
  std::set<std::string> requested;
  auto portmap = resolved_portmap(raw_job);
  for (const auto& [name, target] : portmap)
    if (const auto* s = std::get_if<std::string>(&target)) requested.insert(*s);
  for (const auto& port : referenced_ports(raw_job)) {
    auto it = portmap.find(port);
    PortTarget target = it == portmap.end() ? PortTarget(port) : it->second;
    if (const auto* s = std::get_if<std::string>(&target)) requested.insert(*s);
  }
  return requested;
}

}  // namespace aurora::config
