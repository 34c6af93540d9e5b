// Python 2 repr() of the converted job: which strings were unicode follows upstream's converter
// (pystachio's String yields unicode; getpass, str() and json.dumps yield str).
#include "config/job_configuration_repr.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "config/lang/number_format.hpp"
#include "config/template/py2_dict_order.hpp"
#include "grammars/grammar_error.hpp"

namespace aurora::config {
namespace {

using grammars::python_str_repr;

using lang::unicode_repr;

std::string boolean(bool b) { return b ? "True" : "False"; }
std::string optional_unicode(bool set, const std::string& value) {
  return set ? unicode_repr(value) : "None";
}

// "Name(a=1, b=2)" from (field, repr) pairs already in __dict__ order.
std::string object(const char* name,
                   std::initializer_list<std::pair<const char*, std::string>> fields) {
  std::string out = std::string(name) + "(";
  bool first = true;
  for (const auto& [field, value] : fields) {
    out += (first ? "" : ", ") + std::string(field) + "=" + value;
    first = false;
  }
  return out + ")";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

std::string repr(const gen::JobKey& key) {
  return object("JobKey", {{"environment", unicode_repr(key.environment)},
                           {"role", unicode_repr(key.role)},
                           {"name", unicode_repr(key.name)}});
}

std::string repr(const gen::Identity& owner) {
  return object("Identity", {{"user", python_str_repr(owner.user)}});
}

// set(constraint_value.split(',')) iterates in CPython 2's hash order.  Where two values collide,
// that order also depends on the order of the split, which the Thrift set no longer holds; we
// assume sorted order there.
std::string value_set(const std::set<std::string>& values) {
  std::vector<std::string> inserted(values.begin(), values.end());
  std::vector<int64_t> hashes;
  for (const auto& v : inserted) hashes.push_back(templating::py2_string_hash(v));
  std::vector<std::string> items;
  for (size_t index : templating::py2_insertion_order(hashes))
    items.push_back(unicode_repr(inserted[index]));
  return "set([" + joined(items) + "])";
}

std::string repr(const gen::Constraint& c) {
  std::string limit = "None", value = "None";
  if (c.constraint.__isset.limit)
    limit = object("LimitConstraint", {{"limit", std::to_string(c.constraint.limit.limit)}});
  if (c.constraint.__isset.value) {
    value = object("ValueConstraint", {{"negated", boolean(c.constraint.value.negated)},
                                       {"values", value_set(c.constraint.value.values)}});
  }
  return object("Constraint",
                {{"name", unicode_repr(c.name)},
                 {"constraint", object("TaskConstraint", {{"limit", limit}, {"value", value}})}});
}

std::string repr(const gen::Resource& r) {
  return object("Resource",
                {{"ramMb", r.__isset.ramMb ? std::to_string(r.ramMb) : "None"},
                 {"numGpus", r.__isset.numGpus ? std::to_string(r.numGpus) : "None"},
                 {"namedPort", r.__isset.namedPort ? unicode_repr(r.namedPort) : "None"},
                 {"diskMb", r.__isset.diskMb ? std::to_string(r.diskMb) : "None"},
                 {"numCpus", r.__isset.numCpus ? lang::float_repr(r.numCpus) : "None"}});
}

// The converter's order: cpu, ram, disk, the named ports, gpu.
std::string resources(const std::set<gen::Resource>& set) {
  auto rank = [](const gen::Resource& r) {
    return r.__isset.numCpus     ? 0
           : r.__isset.ramMb     ? 1
           : r.__isset.diskMb    ? 2
           : r.__isset.namedPort ? 3
                                 : 4;
  };
  std::vector<const gen::Resource*> ordered;
  for (const auto& r : set) ordered.push_back(&r);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](auto* a, auto* b) { return rank(*a) < rank(*b); });
  std::vector<std::string> items;
  for (const auto* r : ordered) items.push_back(repr(*r));
  return "frozenset([" + joined(items) + "])";
}

std::string repr(const gen::Image& image) {
  std::string docker = "None", appc = "None";
  if (image.__isset.docker)
    docker = object("DockerImage", {{"tag", unicode_repr(image.docker.tag)},
                                    {"name", unicode_repr(image.docker.name)}});
  if (image.__isset.appc)
    appc = object("AppcImage", {{"name", unicode_repr(image.appc.name)},
                                {"imageId", unicode_repr(image.appc.imageId)}});
  return object("Image", {{"docker", docker}, {"appc", appc}});
}

std::string repr(const gen::Container& container) {
  std::string docker = "None", mesos = "None";
  if (container.__isset.docker) {
    std::string parameters = "None";
    if (container.docker.__isset.parameters) {
      std::vector<std::string> items;
      for (const auto& p : container.docker.parameters)
        items.push_back(object("DockerParameter",
                               {{"name", unicode_repr(p.name)}, {"value", unicode_repr(p.value)}}));
      parameters = "[" + joined(items) + "]";
    }
    docker = object("DockerContainer",
                    {{"image", unicode_repr(container.docker.image)}, {"parameters", parameters}});
  } else {
    const gen::MesosContainer& m = container.mesos;
    std::string volumes = "None";
    if (m.__isset.volumes) {
      std::vector<std::string> items;
      for (const auto& v : m.volumes)
        items.push_back(object("Volume", {{"hostPath", unicode_repr(v.hostPath)},
                                          {"containerPath", unicode_repr(v.containerPath)},
                                          {"mode", std::to_string(static_cast<int>(v.mode))}}));
      volumes = "[" + joined(items) + "]";
    }
    mesos = object("MesosContainer",
                   {{"image", m.__isset.image ? repr(m.image) : "None"}, {"volumes", volumes}});
  }
  return object("Container", {{"docker", docker}, {"mesos", mesos}});
}

std::string repr(const gen::SlaPolicy& sla) {
  std::string count = "None", coordinator = "None", percentage = "None";
  if (sla.__isset.countSlaPolicy)
    count = object("CountSlaPolicy",
                   {{"count", std::to_string(sla.countSlaPolicy.count)},
                    {"durationSecs", std::to_string(sla.countSlaPolicy.durationSecs)}});
  if (sla.__isset.coordinatorSlaPolicy)
    coordinator =
        object("CoordinatorSlaPolicy",
               {{"statusKey", unicode_repr(sla.coordinatorSlaPolicy.statusKey)},
                {"coordinatorUrl", unicode_repr(sla.coordinatorSlaPolicy.coordinatorUrl)}});
  if (sla.__isset.percentageSlaPolicy)
    percentage = object("PercentageSlaPolicy",
                        {{"percentage", lang::float_repr(sla.percentageSlaPolicy.percentage)},
                         {"durationSecs", std::to_string(sla.percentageSlaPolicy.durationSecs)}});
  return object("SlaPolicy", {{"countSlaPolicy", count},
                              {"coordinatorSlaPolicy", coordinator},
                              {"percentageSlaPolicy", percentage}});
}

std::string repr(const gen::ExecutorConfig& executor) {
  // Aurora's own executor gets a constant name and json.dumps() output (str); a custom executor's
  // fields come from the configuration (unicode).
  if (executor.name == "AuroraExecutor")
    return object("ExecutorConfig", {{"data", python_str_repr(executor.data)},
                                     {"name", python_str_repr(executor.name)}});
  return object("ExecutorConfig",
                {{"data", unicode_repr(executor.data)}, {"name", unicode_repr(executor.name)}});
}

std::string repr(const gen::TaskConfig& task) {
  std::vector<std::string> metadata, constraints;
  for (const auto& m : task.metadata)
    metadata.push_back(
        object("Metadata", {{"value", python_str_repr(m.value)}, {"key", python_str_repr(m.key)}}));
  for (const auto& c : task.constraints) constraints.push_back(repr(c));
  std::string partition = "None";
  if (task.__isset.partitionPolicy)
    partition =
        object("PartitionPolicy", {{"reschedule", boolean(task.partitionPolicy.reschedule)},
                                   {"delaySecs", std::to_string(task.partitionPolicy.delaySecs)}});
  return object(
      "TaskConfig",
      {{"isService", boolean(task.isService)},
       {"contactEmail", optional_unicode(task.__isset.contactEmail, task.contactEmail)},
       {"taskLinks", "{}"},
       {"container", repr(task.container)},
       {"mesosFetcherUris", "None"},
       {"partitionPolicy", partition},
       {"executorConfig", task.__isset.executorConfig ? repr(task.executorConfig) : "None"},
       {"slaPolicy", task.__isset.slaPolicy ? repr(task.slaPolicy) : "None"},
       {"maxTaskFailures", std::to_string(task.maxTaskFailures)},
       {"priority", std::to_string(task.priority)},
       {"tier", optional_unicode(task.__isset.tier, task.tier)},
       {"job", repr(task.job)},
       {"production", boolean(task.production)},
       {"owner", repr(task.owner)},
       {"metadata", "frozenset([" + joined(metadata) + "])"},
       {"resources", resources(task.resources)},
       {"constraints", "set([" + joined(constraints) + "])"}});
}

}  // namespace

std::string python_repr(const gen::JobConfiguration& config) {
  return object(
      "JobConfiguration",
      {{"instanceCount", std::to_string(config.instanceCount)},
       {"cronSchedule", optional_unicode(config.__isset.cronSchedule, config.cronSchedule)},
       {"cronCollisionPolicy", std::to_string(static_cast<int>(config.cronCollisionPolicy))},
       {"key", repr(config.key)},
       {"taskConfig", repr(config.taskConfig)},
       {"owner", repr(config.owner)}});
}

}  // namespace aurora::config
