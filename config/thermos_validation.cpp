#include "config/thermos_validation.hpp"

#include <functional>
#include <map>
#include <vector>

#include "config/config_failure.hpp"
#include "config/template/operations.hpp"

namespace aurora::config {
namespace {

using templating::Data;
using templating::EnvValue;
using templating::NodePtr;
using templating::Ref;

[[noreturn]] void task_invalid(const std::string& message) { fail_invalid("Task is invalid: " + message); }

struct PlanProcess {
  std::string name;
  bool daemon = false, ephemeral = false, final = false;
};

bool flag(const NodePtr& process, const char* field) {
  NodePtr v = templating::struct_field(process, field);
  return v && v->raw.kind == Data::Kind::Bool && v->raw.b;
}

void validate_plan(const std::vector<PlanProcess>& processes, const std::vector<std::vector<std::string>>& orders,
                   bool finals) {
  std::map<std::string, const PlanProcess*> group;
  for (const auto& p : processes)
    if (p.final == finals) group[p.name] = &p;
  std::map<std::string, std::vector<std::string>> depends_on;
  for (const auto& order : orders) {
    size_t inside = 0;
    for (const auto& name : order) inside += group.count(name);
    if (inside != 0 && inside != order.size()) task_invalid("Task has invalid plan: Invalid process dependencies!");
    if (inside == 0) continue;
    for (size_t k = 1; k < order.size(); ++k)
      for (size_t j = 0; j < k; ++j) depends_on[order[k]].push_back(order[j]);
  }
  for (const auto& [name, deps] : depends_on) {
    const PlanProcess& process = *group[name];
    for (const auto& dep : deps) {
      const PlanProcess& before = *group[dep];
      if (before.daemon)
        task_invalid("Task has invalid plan: Process " + name + " may not depend upon daemon process " + dep);
      if (before.ephemeral && !process.ephemeral)
        task_invalid("Task has invalid plan: Non-ephemeral process " + name +
                     " may not depend upon ephemeral process " + dep);
    }
  }
  std::map<std::string, int> state;  // 0 unvisited, 1 in progress, 2 done
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    int& s = state[name];
    if (s == 2) return;
    if (s == 1) task_invalid("Task has invalid plan: Cycles detected in the task schedule!");
    s = 1;
    for (const auto& dep : depends_on[name]) visit(dep);
    state[name] = 2;
  };
  for (const auto& [name, deps] : depends_on) visit(name);
}

bool good_process_name(const std::string& name) {
  return !name.empty() && name[0] != '.' && name[0] != '/' && name.find('/') == std::string::npos;
}

}  // namespace

void validate_thermos_task(const NodePtr& task, const std::set<std::string>& ports) {
  auto fake_mesos = templating::make_environment({
      {Ref::parse("mesos.instance"), EnvValue(std::string("31337"))},
      {Ref::parse("mesos.hostname"), EnvValue(std::string(""))},
  });
  NodePtr bound = templating::bind(task, {fake_mesos});
  templating::Interpolated interpolated = templating::interpolate(bound);
  std::vector<PlanProcess> plan;
  if (NodePtr processes = templating::struct_field(interpolated.value, "processes")) {
    for (const auto& p : processes->items) {
      NodePtr name = templating::struct_field(p, "name");
      std::string text = name ? templating::str(name) : "";
      if (!good_process_name(text)) task_invalid("Task has invalid process: Invalid process name: " + text);
      plan.push_back({text, flag(p, "daemon"), flag(p, "ephemeral"), flag(p, "final")});
    }
  }
  templating::CheckResult check = templating::check(interpolated.value);
  if (!check.ok) task_invalid("Failed to fully evaluate task: " + check.message);
  std::vector<std::vector<std::string>> orders;
  if (NodePtr constraints = templating::struct_field(interpolated.value, "constraints")) {
    for (const auto& c : constraints->items) {
      std::vector<std::string> order;
      if (NodePtr names = templating::struct_field(c, "order"))
        for (const auto& n : names->items) order.push_back(templating::str(n));
      orders.push_back(order);
    }
  }
  validate_plan(plan, orders, false);
  validate_plan(plan, orders, true);
  std::vector<std::pair<Ref, EnvValue>> thermos = {
      {Ref::parse("thermos.task_id"), EnvValue(std::string("aurora-client-validation"))},
      {Ref::parse("thermos.user"), EnvValue(std::string("aurora-client-validation"))},
  };
  int dummy_port = 30000;
  for (const auto& port : ports)
    thermos.emplace_back(Ref{{{templating::RefComponent::Kind::Member, "thermos"},
                              {templating::RefComponent::Kind::Member, "ports"},
                              {templating::RefComponent::Kind::Index, port}}},
                         EnvValue(std::to_string(dummy_port++)));
  auto unbound = templating::interpolate(templating::bind(bound, {templating::make_environment(thermos)})).unbound;
  if (!unbound.empty()) {
    std::string refs;
    for (const auto& r : unbound) refs += (refs.empty() ? "" : " ") + r.mustache();
    task_invalid("Unexpected unbound refs: " + refs + ". Make sure you are not nesting template variables.");
  }
}

}  // namespace aurora::config
