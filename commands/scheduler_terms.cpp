#include "commands/scheduler_terms.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace aurora::commands {

using S = gen::ScheduleStatus;
using U = gen::JobUpdateStatus;

const std::set<S::type>& active_states() {
  static const std::set<S::type> states = {S::ASSIGNED,  S::DRAINING,   S::KILLING,
                                           S::PENDING,   S::PREEMPTING, S::RESTARTING,
                                           S::RUNNING,   S::STARTING,   S::PARTITIONED,
                                           S::THROTTLED};
  return states;
}

const std::set<S::type>& live_states() {
  static const std::set<S::type> states = {S::KILLING, S::PREEMPTING, S::RESTARTING,
                                           S::DRAINING, S::PARTITIONED, S::RUNNING};
  return states;
}

const std::set<S::type>& terminal_states() {
  static const std::set<S::type> states = {S::FAILED, S::FINISHED, S::KILLED, S::LOST};
  return states;
}

const std::set<U::type>& active_update_states() {
  static const std::set<U::type> states = {U::ROLLING_FORWARD,     U::ROLLING_BACK,
                                           U::ROLL_FORWARD_PAUSED, U::ROLL_BACK_PAUSED,
                                           U::ROLL_FORWARD_AWAITING_PULSE,
                                           U::ROLL_BACK_AWAITING_PULSE};
  return states;
}

std::string status_name(S::type status) {
  auto it = gen::_ScheduleStatus_VALUES_TO_NAMES.find(status);
  return it == gen::_ScheduleStatus_VALUES_TO_NAMES.end() ? std::to_string(status) : it->second;
}

std::string update_status_name(U::type status) {
  auto it = gen::_JobUpdateStatus_VALUES_TO_NAMES.find(status);
  return it == gen::_JobUpdateStatus_VALUES_TO_NAMES.end() ? std::to_string(status) : it->second;
}

gen::JobKey to_thrift(const grammars::JobKey& key) {
  gen::JobKey job;
  job.__set_role(key.role);
  job.__set_environment(key.env);
  job.__set_name(key.name);
  return job;
}

std::string python_float_str(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  std::string text = buffer;
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

std::vector<std::string> resource_texts(const std::set<gen::Resource>& resources) {
  std::vector<std::string> cpu, ram, disk, port, gpu;
  for (const auto& r : resources) {
    if (r.__isset.numCpus) cpu.push_back("CPU: " + python_float_str(r.numCpus) + " core(s)");
    if (r.__isset.ramMb) ram.push_back("RAM: " + std::to_string(r.ramMb) + " MB");
    if (r.__isset.diskMb) disk.push_back("Disk: " + std::to_string(r.diskMb) + " MB");
    if (r.__isset.namedPort) port.push_back("Port: " + r.namedPort);
    if (r.__isset.numGpus) gpu.push_back("GPU: " + std::to_string(r.numGpus) + " GPU(s)");
  }
  std::vector<std::string> all;
  for (auto* group : {&cpu, &ram, &disk, &port, &gpu}) all.insert(all.end(), group->begin(), group->end());
  return all;
}

std::string iso_utc(int64_t milliseconds) {
  const std::time_t seconds = static_cast<std::time_t>(milliseconds / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &parts);
  return buffer;
}

std::string local_time(int64_t milliseconds) {
  const std::time_t seconds = static_cast<std::time_t>(milliseconds / 1000);
  std::tm parts{};
  localtime_r(&seconds, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &parts);
  return buffer;
}

}  // namespace aurora::commands
