#include "config/load_validation.hpp"

#include <cmath>

#include "config/config_failure.hpp"
#include "config/lang/number_format.hpp"
#include "config/port_requests.hpp"
#include "config/template/operations.hpp"

namespace aurora::config {
namespace {

using templating::Data;
using templating::NodePtr;

// The number a simple field holds once interpolated in its struct's scope (nullopt if templated).
std::optional<Data> number_field(const NodePtr& s, const char* field) {
  if (!s) return std::nullopt;
  NodePtr v = templating::struct_field(s, field);
  if (!v) return std::nullopt;
  Data d = v->raw;
  if (d.kind != Data::Kind::Int && d.kind != Data::Kind::Float) return std::nullopt;
  return d;
}

double as_double(const Data& d) { return d.kind == Data::Kind::Float ? d.f : static_cast<double>(d.i); }

bool is_dedicated(const NodePtr& raw) {
  NodePtr constraints = templating::struct_field(raw, "constraints");
  if (!constraints) return false;
  for (const auto& [k, v] : constraints->entries)
    if (templating::str(k) == "dedicated") return true;
  return false;
}

void check_update_config(const NodePtr& raw) {
  NodePtr update = templating::struct_field(raw, "update_config");
  auto instances = number_field(raw, "instances");
  auto max_total_failures = number_field(update, "max_total_failures");
  if (instances && max_total_failures) {
    int64_t n = instances->i, mtf = max_total_failures->i;
    if (mtf >= n)
      fail_loading("max_total_failures in update_config must be lesser than the job size.\n"
                   "Based on your job size (" + std::to_string(n) + ") you should use max_total_failures <= " +
                   std::to_string(n - 1) + ".");
    if (is_dedicated(raw)) {
      auto minimum = static_cast<int64_t>(std::floor(static_cast<double>(n) * 0.02));
      if (mtf < minimum)
        fail_loading("Since this is a dedicated job, you must set your max_total_failures in\n"
                     "your update configuration to no less than 2% of your job size.\n"
                     "Based on your job size (" + std::to_string(n) + ") you should use max_total_failures >= " +
                     std::to_string(minimum) + ".");
    }
  }
  NodePtr health = templating::struct_field(raw, "health_check_config");
  const std::pair<NodePtr, const char*> non_negative[] = {
      {update, "watch_secs"},
      {health, "max_consecutive_failures"},
      {health, "min_consecutive_successes"},
      {health, "initial_interval_secs"},
      {health, "interval_secs"},
  };
  for (const auto& [owner, field] : non_negative) {
    auto v = number_field(owner, field);
    if (v && as_double(*v) < 0)
      fail_loading("Invalid value (" + templating::python_str(*v) + ") specified for " + field +
                   ". Value cannot be less than 0.");
  }
}

void check_announce(LoadedJob& job) {
  NodePtr announce = templating::struct_field(job.raw, "announce");
  if (!announce) return;
  std::string primary = templating::str(templating::struct_field(announce, "primary_port"));
  NodePtr portmap = templating::struct_field(announce, "portmap");
  std::set<std::string> portmap_keys;
  bool static_port = false;
  if (portmap) {
    for (const auto& [k, v] : templating::get(portmap).entries) {
      portmap_keys.insert(k.s);
      const std::string value = templating::python_str(v);
      static_port = static_port || (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos);
    }
  }
  std::set<std::string> ports = requested_ports(job.raw);
  if (!ports.count(primary) && !portmap_keys.count(primary))
    job.warnings.push_back("Announcer specified primary port as '" + primary +
                           "' but no processes have bound that port.\n"
                           "If you would like to utilize this port, you should listen on {{thermos.ports[" +
                           primary + "]}}\nfrom some Process bound to your task.");
  if (static_port && !is_dedicated(job.raw)) fail_loading("Job must be dedicated in order to specify static ports!");
}

void check_deprecations(LoadedJob& job) {
  NodePtr production = templating::struct_field(job.raw, "production");
  if (!production || production->raw.kind != Data::Kind::Bool || !production->raw.b) return;
  if (templating::has_field(job.raw, "tier")) return;
  const std::string bar(80, '*');
  job.warnings.push_back(bar + "\n* The command you ran is deprecated and will soon break!\n"
                         "* Job configuration attribute 'production' is deprecated.\n"
                         "* Use 'tier' attribute instead. For more information please refer to\n"
                         "* http://aurora.apache.org/documentation/latest/reference/configuration/#job-objects\n" +
                         bar);
}

}  // namespace

void validate_loaded_job(LoadedJob& job) {
  check_update_config(job.raw);
  check_announce(job);
  check_deprecations(job);
}

}  // namespace aurora::config
