#include "config/thermos_validation.hpp"

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

// Upstream's plan check: in an order constraint every process depends on every process before
// it. The dependencies are kept as places in the orders (with, per order, where the first daemon
// and the first daemon-or-ephemeral process sits before each place), so a SequentialTask of 800
// processes costs 800 entries instead of 320,000 pairs; errors name the same pair upstream's
// does, and the cycle check follows each order's adjacent pairs, which reach what the pairs do.
void validate_plan(const std::vector<PlanProcess>& processes, const std::vector<std::vector<std::string>>& orders,
                   bool finals) {
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::map<std::string, const PlanProcess*> group;
  for (const auto& p : processes)
    if (p.final == finals) group[p.name] = &p;
  struct UsedOrder {
    const std::vector<std::string>* names;
    std::vector<size_t> first_daemon;  // [k]: the first daemon before position k, or kNone
    std::vector<size_t> first_either;  // [k]: the first daemon or ephemeral one before k
  };
  std::vector<UsedOrder> used;
  std::map<std::string, std::vector<std::pair<size_t, size_t>>> places;  // name -> (order, k)
  for (const auto& order : orders) {
    size_t inside = 0;
    for (const auto& name : order) inside += group.count(name);
    if (inside != 0 && inside != order.size()) task_invalid("Task has invalid plan: Invalid process dependencies!");
    if (inside == 0) continue;
    UsedOrder u{&order, {kNone}, {kNone}};
    for (size_t k = 1; k < order.size(); ++k) {
      const PlanProcess& before = *group[order[k - 1]];
      u.first_daemon.push_back(u.first_daemon.back() != kNone ? u.first_daemon.back() : before.daemon ? k - 1 : kNone);
      u.first_either.push_back(u.first_either.back() != kNone                 ? u.first_either.back()
                               : before.daemon || before.ephemeral ? k - 1
                                                                   : kNone);
      places[order[k]].emplace_back(used.size(), k);
    }
    used.push_back(std::move(u));
  }
  for (const auto& [name, where] : places) {
    const PlanProcess& process = *group[name];
    for (const auto& [o, k] : where) {
      const size_t j = process.ephemeral ? used[o].first_daemon[k] : used[o].first_either[k];
      if (j == kNone) continue;
      const std::string& dep = (*used[o].names)[j];
      if (group[dep]->daemon)
        task_invalid("Task has invalid plan: Process " + name + " may not depend upon daemon process " + dep);
      task_invalid("Task has invalid plan: Non-ephemeral process " + name +
                   " may not depend upon ephemeral process " + dep);
    }
  }
  std::map<std::string, std::vector<std::string>> edges;  // a name -> the names just before it
  for (const auto& u : used)
    for (size_t k = 1; k < u.names->size(); ++k) edges[(*u.names)[k]].push_back((*u.names)[k - 1]);
  // Depth-first search for a cycle, iterative: a chain of thousands of processes is one path.
  std::map<std::string, int> state;  // 0 unvisited, 1 on the current path, 2 done
  for (const auto& entry : edges) {
    if (state[entry.first] != 0) continue;
    std::vector<std::pair<const std::string*, size_t>> path{{&entry.first, 0}};
    state[entry.first] = 1;
    while (!path.empty()) {
      auto& [name, next] = path.back();
      const std::vector<std::string>& deps = edges[*name];
      if (next == deps.size()) {
        state[*name] = 2;
        path.pop_back();
        continue;
      }
      const std::string& dep = deps[next++];
      int& s = state[dep];
      if (s == 1) task_invalid("Task has invalid plan: Cycles detected in the task schedule!");
      if (s == 0) {
        s = 1;
        path.emplace_back(&dep, 0);
      }
    }
  }
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
