// Spec 5: the selected job as the Thrift JobConfiguration upstream's client sends, field by field.
#include <algorithm>
#include <cctype>

#include "config/config_failure.hpp"
#include "config/job_config.hpp"
#include "config/port_requests.hpp"
#include "config/template/operations.hpp"
#include "config/thermos_validation.hpp"

namespace aurora::config {
namespace {

using templating::Data;
using templating::EnvValue;
using templating::NodePtr;
using templating::Ref;

// fi(x): the field's check must pass; then its interpolated plain value.
NodePtr checked_field(const NodePtr& s, const char* field) {
  NodePtr v = templating::struct_field(s, field);
  if (!v) return nullptr;
  templating::CheckResult r = templating::check(v);
  if (!r.ok) fail_invalid(r.message);
  return v;
}

NodePtr required_field(const NodePtr& s, const char* field) {
  NodePtr v = checked_field(s, field);
  if (!v) fail_invalid(std::string(field) + " is required");
  return v;
}

std::string text(const NodePtr& s, const char* field) { return templating::str(required_field(s, field)); }
int64_t integer(const NodePtr& s, const char* field) { return required_field(s, field)->raw.i; }
bool boolean(const NodePtr& s, const char* field) { return required_field(s, field)->raw.b; }
double real(const NodePtr& s, const char* field) {
  const NodePtr node = required_field(s, field);  // may be a new node: keep it alive
  return node->raw.kind == Data::Kind::Float ? node->raw.f : static_cast<double>(node->raw.i);
}

bool good_identifier(const std::string& s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

gen::JobKey job_key(const NodePtr& job) {
  gen::JobKey key;
  for (const char* field : {"role", "environment", "name"}) {
    std::string value = text(job, field);
    if (!good_identifier(value)) fail_invalid(std::string("Invalid ") + field + " '" + value + "'");
    if (std::string(field) == "role") key.__set_role(value);
    else if (std::string(field) == "environment") key.__set_environment(value);
    else key.__set_name(value);
  }
  return key;
}

std::set<gen::Resource> resources(const NodePtr& task, const std::set<std::string>& ports) {
  NodePtr res = templating::struct_field(task, "resources");
  if (!res) fail_invalid("Task must specify resources!");
  double cpu = real(res, "cpu");
  int64_t ram = integer(res, "ram"), disk = integer(res, "disk"), gpu = integer(res, "gpu");
  if (ram == 0 || disk == 0)
    fail_invalid("Must specify ram and disk resources, got ram:" + std::to_string(ram) + " disk:" + std::to_string(disk));
  auto floor_mb = [](int64_t bytes) { return bytes >= 0 ? bytes / 1048576 : -((-bytes + 1048575) / 1048576); };
  int64_t ram_mb = floor_mb(ram), disk_mb = floor_mb(disk);
  if (cpu <= 0 || ram_mb <= 0 || disk_mb <= 0)
    fail_invalid("Task has invalid resources.  cpu/ramMb/diskMb must all be positive: cpu:" +
                 templating::python_repr(Data::real(cpu)) + " ramMb:" + std::to_string(ram_mb) +
                 " diskMb:" + std::to_string(disk_mb));
  std::set<gen::Resource> out;
  gen::Resource r;
  r.__set_numCpus(cpu);
  out.insert(r);
  r = {};
  r.__set_ramMb(ram_mb);
  out.insert(r);
  r = {};
  r.__set_diskMb(disk_mb);
  out.insert(r);
  for (const auto& port : ports) {
    r = {};
    r.__set_namedPort(port);
    out.insert(r);
  }
  if (gpu != 0) {
    r = {};
    r.__set_numGpus(gpu);
    out.insert(r);
  }
  return out;
}

std::set<gen::Constraint> constraints(const NodePtr& job) {
  std::set<gen::Constraint> out;
  NodePtr map = checked_field(job, "constraints");
  if (!map) return out;
  for (const auto& [k, v] : map->entries) {
    gen::Constraint c;
    c.__set_name(templating::str(k));
    std::string spec = templating::str(v);
    gen::TaskConstraint tc;
    if (spec.rfind("limit:", 0) == 0) {
      std::string rest = spec.substr(6);
      size_t used = 0;
      int64_t limit = 0;
      try {
        limit = std::stoll(rest, &used);
        while (used < rest.size() && std::isspace(static_cast<unsigned char>(rest[used]))) ++used;
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != rest.size())
        fail_loading(spec + " is not a valid limit value, must be integer: invalid literal for int() with base 10: '" +
                     rest + "'");
      gen::LimitConstraint lc;
      lc.__set_limit(static_cast<int32_t>(limit));
      tc.__set_limit(lc);
    } else {
      gen::ValueConstraint vc;
      bool negated = !spec.empty() && spec[0] == '!';
      vc.__set_negated(negated);
      std::string values = negated ? spec.substr(1) : spec;
      std::set<std::string> parts;
      size_t start = 0;
      while (true) {
        size_t comma = values.find(',', start);
        parts.insert(values.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      vc.__set_values(parts);
      tc.__set_value(vc);
    }
    c.__set_constraint(tc);
    out.insert(c);
  }
  return out;
}

std::set<gen::Metadata> metadata(const NodePtr& job) {
  std::set<gen::Metadata> out;
  NodePtr list = checked_field(job, "metadata");
  if (!list) return out;
  for (const auto& m : list->items) {
    gen::Metadata md;
    md.__set_key(text(m, "key"));
    md.__set_value(text(m, "value"));
    out.insert(md);
  }
  return out;
}

gen::DockerContainer docker_container(const NodePtr& docker) {
  gen::DockerContainer out;
  out.__set_image(text(docker, "image"));
  std::vector<gen::DockerParameter> parameters;
  if (NodePtr list = templating::struct_field(docker, "parameters"))
    for (const auto& p : list->items) {
      gen::DockerParameter dp;
      dp.__set_name(text(p, "name"));
      dp.__set_value(text(p, "value"));
      parameters.push_back(dp);
    }
  out.__set_parameters(parameters);
  return out;
}

gen::Container container(const NodePtr& job) {
  gen::Container out;
  NodePtr choice = templating::struct_field(job, "container");
  if (!choice) {
    out.__set_mesos(gen::MesosContainer{});
    return out;
  }
  NodePtr value = templating::unwrap_choice(choice);
  const std::string& kind = value->type->name;
  if (kind == "Container") {
    NodePtr docker = templating::struct_field(value, "docker");
    if (!docker) fail_invalid("Container() must set docker");
    out.__set_docker(docker_container(docker));
  } else if (kind == "Docker") {
    out.__set_docker(docker_container(value));
  } else if (kind == "Mesos") {
    gen::MesosContainer mesos;
    if (NodePtr image_choice = templating::struct_field(value, "image")) {
      NodePtr image = templating::unwrap_choice(image_choice);
      gen::Image img;
      if (image->type->name == "AppcImage") {
        gen::AppcImage appc;
        appc.__set_name(text(image, "name"));
        appc.__set_imageId(text(image, "image_id"));
        img.__set_appc(appc);
      } else if (image->type->name == "DockerImage") {
        gen::DockerImage docker;
        docker.__set_name(text(image, "name"));
        docker.__set_tag(text(image, "tag"));
        img.__set_docker(docker);
      } else {
        fail_invalid("Invalid image configuration: unexpected image type found.");
      }
      mesos.__set_image(img);
    }
    std::vector<gen::Volume> volumes;
    if (NodePtr list = templating::struct_field(value, "volumes"))
      for (const auto& v : list->items) {
        gen::Volume vol;
        vol.__set_containerPath(text(v, "container_path"));
        vol.__set_hostPath(text(v, "host_path"));
        std::string mode = text(v, "mode");
        if (mode == "RO") vol.__set_mode(gen::Mode::RO);
        else if (mode == "RW") vol.__set_mode(gen::Mode::RW);
        else fail_invalid("Invalid <class 'gen.apache.aurora.api.ttypes.Mode'> type: " + mode);
        volumes.push_back(vol);
      }
    mesos.__set_volumes(volumes);
    out.__set_mesos(mesos);
  } else {
    fail_invalid("If a container is specified it must set one type.");
  }
  return out;
}

void sla_policy(const NodePtr& job, gen::TaskConfig& task) {
  NodePtr choice = templating::struct_field(job, "sla_policy");
  if (!choice) return;
  NodePtr policy = templating::unwrap_choice(choice);
  gen::SlaPolicy out;
  const std::string& kind = policy->type->name;
  if (kind == "PercentageSlaPolicy") {
    gen::PercentageSlaPolicy p;
    p.__set_percentage(real(policy, "percentage"));
    p.__set_durationSecs(integer(policy, "duration_secs"));
    out.__set_percentageSlaPolicy(p);
  } else if (kind == "CountSlaPolicy") {
    gen::CountSlaPolicy p;
    p.__set_count(integer(policy, "count"));
    p.__set_durationSecs(integer(policy, "duration_secs"));
    out.__set_countSlaPolicy(p);
  } else {
    gen::CoordinatorSlaPolicy p;
    p.__set_coordinatorUrl(text(policy, "coordinator_url"));
    p.__set_statusKey(text(policy, "status_key"));
    out.__set_coordinatorSlaPolicy(p);
  }
  task.__set_slaPolicy(out);
}

bool runtime_ref(const Ref& ref) {
  const std::string a = ref.address();
  return a == "thermos.task_id" || a == "mesos.instance" || a == "mesos.hostname" ||
         a.rfind("thermos.ports", 0) == 0;
}

gen::ExecutorConfig executor_config(const NodePtr& job) {
  NodePtr config = required_field(job, "executor_config");
  std::string name = text(config, "name");
  gen::ExecutorConfig out;
  out.__set_name(name);
  if (name != "AuroraExecutor") {
    out.__set_data(text(config, "data"));
    return out;
  }
  NodePtr trimmed = templating::struct_with(templating::interpolate(job).value,
                                            {{"update_config", Data::empty()}, {"instances", Data::empty()}});
  out.__set_data(templating::json_dumps(trimmed));
  return out;
}

gen::JobConfiguration convert(const NodePtr& raw, const std::string& owner_user) {
  std::set<std::string> ports = requested_ports(raw);
  NodePtr job = templating::interpolate(raw).value;

  gen::TaskConfig task;
  gen::JobKey key = job_key(job);
  task.__set_production(boolean(job, "production"));
  task.__set_isService(boolean(job, "service"));
  task.__set_maxTaskFailures(static_cast<int32_t>(integer(job, "max_task_failures")));
  task.__set_priority(static_cast<int32_t>(integer(job, "priority")));
  if (NodePtr contact = checked_field(job, "contact")) task.__set_contactEmail(templating::str(contact));
  if (NodePtr tier = checked_field(job, "tier")) task.__set_tier(templating::str(tier));
  if (NodePtr partition = checked_field(job, "partition_policy")) {
    gen::PartitionPolicy p;
    p.__set_reschedule(boolean(partition, "reschedule"));
    p.__set_delaySecs(integer(partition, "delay_secs"));
    task.__set_partitionPolicy(p);
  }
  sla_policy(job, task);
  task.__set_metadata(metadata(job));
  NodePtr task_node = required_field(job, "task");
  task.__set_resources(resources(task_node, ports));
  task.__set_job(key);
  gen::Identity owner;
  owner.__set_user(owner_user);
  task.__set_owner(owner);
  task.__set_taskLinks({});
  task.__set_constraints(constraints(job));
  task.__set_container(container(job));

  validate_thermos_task(task_node, referenced_ports(raw));
  auto fake_mesos = templating::make_environment({
      {Ref::parse("mesos.instance"), EnvValue(std::string("31337"))},
      {Ref::parse("mesos.hostname"), EnvValue(std::string(""))},
  });
  templating::CheckResult full = templating::check(templating::bind(job, {fake_mesos}));
  if (!full.ok) fail_invalid("Job not fully specified: " + full.message);
  std::string unbound;
  for (const auto& ref : templating::interpolate(job).unbound)
    if (!runtime_ref(ref)) unbound += (unbound.empty() ? "" : " ") + ref.mustache();
  if (!unbound.empty()) fail_invalid("Config contains unbound variables: " + unbound);

  task.__set_executorConfig(executor_config(job));

  gen::JobConfiguration config;
  config.__set_key(key);
  config.__set_owner(owner);
  if (NodePtr cron = checked_field(job, "cron_schedule")) config.__set_cronSchedule(templating::str(cron));
  std::string policy = text(job, "cron_collision_policy");
  std::transform(policy.begin(), policy.end(), policy.begin(), [](unsigned char c) { return std::toupper(c); });
  if (policy == "KILL_EXISTING") config.__set_cronCollisionPolicy(gen::CronCollisionPolicy::KILL_EXISTING);
  else if (policy == "CANCEL_NEW") config.__set_cronCollisionPolicy(gen::CronCollisionPolicy::CANCEL_NEW);
  else if (policy == "RUN_OVERLAP") config.__set_cronCollisionPolicy(gen::CronCollisionPolicy::RUN_OVERLAP);
  else fail_invalid("Invalid <class 'gen.apache.aurora.api.ttypes.CronCollisionPolicy'> type: " + policy);
  config.__set_taskConfig(task);
  config.__set_instanceCount(static_cast<int32_t>(integer(job, "instances")));
  return config;
}

}  // namespace

gen::JobConfiguration to_job_configuration(const LoadedJob& job, const std::string& owner_user) {
  return reporting_template_errors([&] { return convert(job.raw, owner_user); });
}

}  // namespace aurora::config
