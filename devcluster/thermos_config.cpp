#include "devcluster/thermos_config.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <stdexcept>

namespace aurora::devcluster {

ThermosTask parse_thermos_task(const std::string& executor_data) {
  ThermosTask task;
  try {
    auto document = nlohmann::json::parse(executor_data);
    const auto& thermos = document.at("task");
    for (const auto& process : thermos.at("processes")) {
      ThermosProcess parsed;
      parsed.name = process.at("name").get<std::string>();
      parsed.cmdline = process.at("cmdline").get<std::string>();
      if (process.contains("max_failures") && process["max_failures"].is_number()) {
        parsed.max_failures = process["max_failures"].get<int>();
      }
      parsed.ephemeral = process.value("ephemeral", false);
      parsed.final = process.value("final", false);
      task.processes.push_back(parsed);
    }
    if (thermos.contains("constraints") && thermos["constraints"].is_array()) {
      for (const auto& constraint : thermos["constraints"]) {
        if (!constraint.contains("order")) continue;
        std::vector<std::string> order = constraint["order"].get<std::vector<std::string>>();
        for (std::size_t i = 1; i < order.size(); ++i) {
          for (auto& process : task.processes) {
            if (process.name == order[i]) process.after.push_back(order[i - 1]);
          }
        }
      }
    }
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("not a Thermos task: ") + error.what());
  }
  return task;
}

std::string substitute_runtime_values(const std::string& cmdline, const gen::AssignedTask& task) {
  static const std::regex mustache(R"(\{\{\s*([A-Za-z0-9_.]+)(?:\[([^\]]+)\])?\s*\}\})");
  std::string result;
  auto begin = std::sregex_iterator(cmdline.begin(), cmdline.end(), mustache);
  std::size_t copied = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& match = *it;
    std::string name = match[1].str();
    std::string index = match[2].str();
    std::optional<std::string> value;
    if (name == "thermos.ports" && !index.empty()) {
      auto port = task.assignedPorts.find(index);
      if (port != task.assignedPorts.end()) value = std::to_string(port->second);
    } else if (name == "thermos.task_id" && index.empty()) {
      value = task.taskId;
    } else if (name == "mesos.instance" && index.empty()) {
      value = std::to_string(task.instanceId);
    } else if (name == "mesos.hostname" && index.empty()) {
      value = task.slaveHost;
    }
    if (!value) continue;
    result += cmdline.substr(copied, static_cast<std::size_t>(match.position()) - copied);
    result += *value;
    copied = static_cast<std::size_t>(match.position() + match.length());
  }
  result += cmdline.substr(copied);
  return result;
}

}  // namespace aurora::devcluster
