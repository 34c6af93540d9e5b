#include "devcluster/task_config_rules.hpp"

#include <set>

#include "devcluster/job_keys.hpp"

namespace aurora::devcluster {
namespace {

const char* const kExecutorName = "AuroraExecutor";

std::map<std::string, std::string> tier_settings(bool preemptible, bool revocable) {
  return {{"preemptible", preemptible ? "true" : "false"},
          {"revocable", revocable ? "true" : "false"}};
}

std::string resource_type_name(const gen::Resource& resource) {
  if (resource.__isset.numCpus) return "CPU";
  if (resource.__isset.ramMb) return "RAM";
  if (resource.__isset.diskMb) return "DISK";
  if (resource.__isset.numGpus) return "GPU";
  return "PORTS";
}

void check_resources(const gen::TaskConfig& task) {
  std::map<std::string, int> counts;
  double cpus = 0;
  int64_t ram = 0;
  int64_t disk = 0;
  for (const auto& resource : task.resources) {
    ++counts[resource_type_name(resource)];
    if (resource.__isset.numCpus) cpus = resource.numCpus;
    if (resource.__isset.ramMb) ram = resource.ramMb;
    if (resource.__isset.diskMb) disk = resource.diskMb;
  }
  std::string repeated;
  for (const auto& [type, count] : counts) {
    if (type == "PORTS" || count < 2) continue;
    repeated += (repeated.empty() ? "" : ", ") + type;
  }
  if (!repeated.empty()) {
    throw InvalidConfig("Multiple resource values are not supported for " + repeated);
  }
  if (!(cpus > 0)) throw InvalidConfig("num_cpus must be greater than 0.0");
  if (ram <= 0) throw InvalidConfig("ram_mb must be greater than 0.0");
  if (disk <= 0) throw InvalidConfig("disk_mb must be greater than 0.0");
}

}  // namespace

gen::GetTierConfigResult default_tiers() {
  gen::GetTierConfigResult result;
  result.defaultTierName = "preferred";
  for (const auto& [name, preemptible, revocable] :
       {std::tuple{"preemptible", true, false}, std::tuple{"preferred", false, false},
        std::tuple{"revocable", true, true}}) {
    gen::TierConfig tier;
    tier.name = name;
    tier.settings = tier_settings(preemptible, revocable);
    result.tiers.insert(tier);
  }
  return result;
}

bool is_dedicated(const gen::TaskConfig& task) {
  for (const auto& constraint : task.constraints) {
    if (constraint.name == "dedicated") return true;
  }
  return false;
}

bool is_production(const gen::TaskConfig& task) {
  return task.__isset.production && task.production;
}

gen::TaskConfig validate_and_populate(const gen::TaskConfig& input) {
  gen::TaskConfig task = input;
  if (task.__isset.tier && !is_good_identifier(task.tier)) {
    throw InvalidConfig("Tier contains illegal characters: " + task.tier);
  }
  auto tiers = default_tiers();
  if (task.__isset.tier) {
    const gen::TierConfig* found = nullptr;
    for (const auto& tier : tiers.tiers) {
      if (tier.name == task.tier) found = &tier;
    }
    if (found == nullptr) throw InvalidConfig("Invalid tier '" + task.tier + "' in TaskConfig.");
    // Backfill: production follows the tier.
    task.__set_production(found->settings.at("preemptible") == "false");
  } else {
    // Backfill: a production task lands on the non-preemptible tier, others on preemptible.
    task.__set_tier(is_production(task) ? "preferred" : "preemptible");
    task.__set_production(is_production(task));
  }
  if (!is_valid(task.job)) {
    throw InvalidConfig("Job key " + java_string(task.job) + " is invalid.");
  }
  if (!task.__isset.executorConfig && !task.container.__isset.docker) {
    throw InvalidConfig("Configuration may not be null.");
  }
  if (task.__isset.executorConfig) {
    if (task.executorConfig.name.empty()) {
      throw InvalidConfig("Executor name may not be left unset.");
    }
    if (task.executorConfig.name != kExecutorName) {
      throw InvalidConfig("Configuration for executor '" + task.executorConfig.name +
                          "' doesn't exist.");
    }
  }
  for (const auto& constraint : task.constraints) {
    if (constraint.name != "dedicated") continue;
    if (!constraint.constraint.__isset.value) {
      throw InvalidConfig("A dedicated constraint must be of value type.");
    }
    const auto& values = constraint.constraint.value.values;
    if (values.size() != 1) {
      throw InvalidConfig("A dedicated constraint must have exactly one value");
    }
    std::string role = values.begin()->substr(0, values.begin()->find('/'));
    if (role != "*" && role != task.job.role) {
      throw InvalidConfig("Only " + role + " may use hosts dedicated for that role.");
    }
  }
  if (task.container.__isset.docker && task.container.docker.image.empty()) {
    throw InvalidConfig("A container must specify an image.");
  }
  check_resources(task);
  if (!task.__isset.taskLinks || task.taskLinks.empty()) {
    std::map<std::string, std::string> links;
    for (const auto& resource : task.resources) {
      if (!resource.__isset.namedPort) continue;
      if (resource.namedPort == "health") links["health"] = "http://%host%:%port:health%";
      if (resource.namedPort == "http") links["http"] = "http://%host%:%port:http%";
    }
    task.__set_taskLinks(links);
  }
  return task;
}

gen::JobConfiguration validate_and_populate(const gen::JobConfiguration& input) {
  gen::JobConfiguration job = input;
  if (job.instanceCount <= 0) throw InvalidConfig("Instance count must be positive.");
  if (!is_valid(job.key)) throw InvalidConfig("Job key " + java_string(job.key) + " is invalid.");
  if (!job.owner.user.empty() && !is_good_identifier(job.owner.user)) {
    throw InvalidConfig("Job user contains illegal characters: " + job.owner.user);
  }
  job.taskConfig.job = job.key;
  job.taskConfig = validate_and_populate(job.taskConfig);
  if (job.__isset.cronSchedule && !job.cronSchedule.empty() && job.taskConfig.isService) {
    throw InvalidConfig("A service task may not be run on a cron schedule: JobConfiguration(key:" +
                        java_string(job.key) + ", ...)");
  }
  return job;
}

void ResourceTotals::add(const gen::TaskConfig& task, int count) {
  for (const auto& resource : task.resources) {
    if (resource.__isset.numCpus) cpus += resource.numCpus * count;
    if (resource.__isset.ramMb) ram_mb += resource.ramMb * count;
    if (resource.__isset.diskMb) disk_mb += resource.diskMb * count;
    if (resource.__isset.numGpus) gpus += resource.numGpus * count;
  }
}

void ResourceTotals::add(const gen::ResourceAggregate& aggregate) {
  for (const auto& resource : aggregate.resources) {
    if (resource.__isset.numCpus) cpus += resource.numCpus;
    if (resource.__isset.ramMb) ram_mb += resource.ramMb;
    if (resource.__isset.diskMb) disk_mb += resource.diskMb;
    if (resource.__isset.numGpus) gpus += resource.numGpus;
  }
}

gen::ResourceAggregate ResourceTotals::to_aggregate() const {
  gen::ResourceAggregate aggregate;
  gen::Resource resource;
  resource.__set_numCpus(cpus);
  aggregate.resources.insert(resource);
  resource = {};
  resource.__set_ramMb(ram_mb);
  aggregate.resources.insert(resource);
  resource = {};
  resource.__set_diskMb(disk_mb);
  aggregate.resources.insert(resource);
  if (gpus > 0) {
    resource = {};
    resource.__set_numGpus(gpus);
    aggregate.resources.insert(resource);
  }
  return aggregate;
}

}  // namespace aurora::devcluster
