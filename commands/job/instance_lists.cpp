#include "commands/job/instance_lists.hpp"

namespace aurora::commands::job {

std::string python_int_list(const std::vector<int32_t>& ids) {
  std::string text = "[";
  for (size_t i = 0; i < ids.size(); ++i) text += (i ? ", " : "") + std::to_string(ids[i]);
  return text + "]";
}

std::string python_int_list(const std::set<int32_t>& ids) {
  return python_int_list(std::vector<int32_t>(ids.begin(), ids.end()));
}

nlohmann::ordered_json json_int_list(const std::vector<int32_t>& ids) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (int32_t id : ids) list.push_back(id);
  return list;
}

nlohmann::ordered_json json_int_list(const std::set<int32_t>& ids) {
  return json_int_list(std::vector<int32_t>(ids.begin(), ids.end()));
}

}  // namespace aurora::commands::job
