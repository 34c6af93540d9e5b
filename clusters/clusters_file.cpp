#include <cstdlib>
#include <fstream>
#include <sstream>

#include "clusters/cluster_set.hpp"
#include "errors/error.hpp"
#include "grammars/json_syntax.hpp"

namespace aurora::clusters {
namespace {

using nlohmann::json;

Error invalid(const std::string& message) {
  return Error(ErrorKind::InvalidConfiguration, message);
}

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::string json_type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "an object";
    default: return "null";
  }
}

// Whether `value` nests containers more than `levels` deep. Copying and dump() recurse once per
// level, so a file of 100000 '[' would overflow the stack without this check.
bool nested_deeper_than(const json& value, int levels) {
  if (!value.is_structured()) return false;
  if (levels == 0) return true;
  for (const auto& child : value) {
    if (nested_deeper_than(child, levels - 1)) return true;
  }
  return false;
}

class EntryReader {
 public:
  EntryReader(const json& entry, const std::string& source, const std::string& name)
      : entry_(entry), source_(source), name_(name) {}

  // Strings; numbers are accepted and rendered as text, as the upstream type checks allow.
  std::optional<std::string> string(const char* field) const {
    const json* value = find(field);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number()) return value->dump();
    throw error(field, "must be a string", *value);
  }

  std::optional<int> integer(const char* field, int maximum = 65535) const {
    const json* value = find(field);
    if (value == nullptr) return std::nullopt;
    if (value->is_number_integer() || value->is_number_unsigned()) {
      const auto number = value->get<int64_t>();
      if (number >= 0 && number <= maximum) return static_cast<int>(number);
      throw error(field, "must be an integer between 0 and " + std::to_string(maximum), *value);
    }
    if (value->is_string()) {
      try {
        size_t used = 0;
        const std::string text = value->get<std::string>();
        const int number = std::stoi(text, &used);
        if (used == text.size() && number >= 0 && number <= maximum) return number;
      } catch (const std::exception&) {
      }
    }
    throw error(field, "must be an integer", *value);
  }

  std::vector<std::string> string_list(const char* field) const {
    const json* value = find(field);
    if (value == nullptr) return {};
    if (value->is_string()) return {value->get<std::string>()};
    if (value->is_array()) {
      std::vector<std::string> items;
      for (const auto& item : *value) {
        if (!item.is_string()) throw error(field, "must be a string or a list of strings", *value);
        items.push_back(item.get<std::string>());
      }
      return items;
    }
    throw error(field, "must be a string or a list of strings", *value);
  }

  Error error(const char* field, const std::string& expectation, const json& value) const {
    return invalid(source_ + ": cluster " + json(name_).dump() + ": field \"" + field + "\" " +
                   expectation + ", got " + json_type_name(value) + " " + value.dump());
  }

 private:
  const json* find(const char* field) const {
    auto it = entry_.find(field);
    if (it == entry_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  const json& entry_;
  const std::string& source_;
  const std::string& name_;
};

Cluster read_cluster(const json& entry, const std::string& source) {
  const json& name = entry.at("name");
  if (!name.is_string()) {
    throw invalid(source + ": cluster field \"name\" must be a string, got " + json_type_name(name) +
                  " " + name.dump());
  }
  Cluster cluster;
  cluster.name = name.get<std::string>();
  cluster.raw = entry;
  cluster.source = source;
  const EntryReader read(entry, source, cluster.name);
  cluster.zk = read.string("zk");
  if (auto port = read.integer("zk_port")) cluster.zk_port = *port;
  cluster.scheduler_zk_path = read.string("scheduler_zk_path");
  cluster.scheduler_uri = read.string("scheduler_uri");
  cluster.proxy_url = read.string("proxy_url");
  if (auto mechanism = read.string("auth_mechanism")) cluster.auth_mechanism = *mechanism;
  cluster.slave_root = read.string("slave_root");
  cluster.slave_run_directory = read.string("slave_run_directory");
  if (auto registry = read.string("docker_registry")) cluster.docker_registry = *registry;
  cluster.protocol = read.string("protocol");
  if (cluster.protocol && *cluster.protocol != "binary" && *cluster.protocol != "json") {
    throw read.error("protocol", "must be \"binary\" or \"json\"", entry.at("protocol"));
  }
  cluster.ca_file = read.string("ca_file");
  cluster.token_file = read.string("token_file");
  cluster.hooks_dir = read.string_list("hooks_dir");
  constexpr int kDay = 86400;
  if (auto secs = read.integer("rpc_retry_interval_secs", kDay)) cluster.rpc_retry_interval_secs = *secs;
  if (auto secs = read.integer("rpc_max_wait_secs", kDay)) cluster.rpc_max_wait_secs = *secs;
  if (auto secs = read.integer("rpc_timeout_secs", kDay)) cluster.rpc_timeout_secs = *secs;
  if (auto secs = read.integer("zk_timeout_secs", kDay)) cluster.zk_timeout_secs = *secs;
  return cluster;
}

}  // namespace

SearchInputs SearchInputs::from_environment() {
  return SearchInputs{env("AURORA_CONFIG_ROOT"), env("HOME"), env("XDG_CONFIG_HOME")};
}

std::vector<std::filesystem::path> clusters_search_path(const SearchInputs& inputs) {
  std::vector<std::filesystem::path> files;
  const bool root_set = inputs.aurora_config_root && !inputs.aurora_config_root->empty();
  files.emplace_back(std::filesystem::path(root_set ? *inputs.aurora_config_root : "/etc/aurora") /
                     "clusters.json");
  if (inputs.home && !inputs.home->empty()) {
    files.emplace_back(std::filesystem::path(*inputs.home) / ".aurora" / "clusters.json");
  }
  if (inputs.xdg_config_home && !inputs.xdg_config_home->empty()) {
    files.emplace_back(std::filesystem::path(*inputs.xdg_config_home) / "aurora" / "clusters.json");
  } else if (inputs.home && !inputs.home->empty()) {
    files.emplace_back(std::filesystem::path(*inputs.home) / ".config" / "aurora" /
                       "clusters.json");
  }
  return files;
}

void ClusterSet::add(Cluster cluster) {
  for (auto& existing : clusters_) {
    if (existing.name == cluster.name) {
      existing = std::move(cluster);
      return;
    }
  }
  clusters_.push_back(std::move(cluster));
}

const Cluster* ClusterSet::find(std::string_view name) const {
  for (const auto& cluster : clusters_) {
    if (cluster.name == name) return &cluster;
  }
  return nullptr;
}

const Cluster& ClusterSet::get(std::string_view name) const {
  if (const Cluster* cluster = find(name)) return *cluster;
  std::string message = "Unknown cluster: " + std::string(name);
  if (clusters_.empty()) {
    message += "\nNo clusters are configured; looked for";
    for (const auto& file : files_searched) message += " " + file;
  } else {
    message += "\nKnown clusters:";
    for (const auto& known : names()) message += " " + known;
  }
  for (const auto& skipped : skipped_entries) message += "\nSkipped " + skipped;
  throw invalid(message);
}

std::vector<std::string> ClusterSet::names() const {
  std::vector<std::string> names;
  for (const auto& cluster : clusters_) names.push_back(cluster.name);
  return names;
}

void parse_clusters_json(std::string_view text, const std::string& source, ClusterSet& into) {
  json document;
  try {
    document = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    const auto error = grammars::locate_json_syntax_error(text, e.byte, e.what());
    throw invalid(source + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) +
                  ": Unable to parse clusters file: " + error.reason);
  } catch (const json::out_of_range& e) {  // a number beyond a double, such as 1e400
    const std::string text = e.what();
    throw invalid(source + ": Unable to parse clusters file: " + text.substr(text.find("] ") + 2));
  }
  constexpr int kMaxNesting = 100;
  if (nested_deeper_than(document, kMaxNesting)) {
    throw invalid(source + ": Unable to parse clusters file: nested deeper than " +
                  std::to_string(kMaxNesting) + " levels");
  }
  std::vector<const json*> entries;
  if (document.is_array()) {
    for (const auto& entry : document) entries.push_back(&entry);
  } else if (document.is_object()) {
    for (const auto& [key, entry] : document.items()) entries.push_back(&entry);
  } else {
    throw invalid("Unknown layout in " + source + ": expected a list of clusters or an object");
  }
  for (const json* entry : entries) {
    if (!entry->is_object()) {
      throw invalid(source + ": Clusters must be maps of key/value pairs, got " +
                    json_type_name(*entry) + " " + entry->dump());
    }
    if (!entry->contains("name")) {
      into.skipped_entries.push_back(source + ": an entry without \"name\": " + entry->dump());
      continue;
    }
    into.add(read_cluster(*entry, source));
  }
}

ClusterSet load_clusters(const std::vector<std::filesystem::path>& files) {
  ClusterSet set;
  for (const auto& file : files) {
    set.files_searched.push_back(file.string());
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw invalid("Unable to read " + file.string());
    std::ostringstream content;
    content << in.rdbuf();
    set.files_read.push_back(file.string());
    parse_clusters_json(content.str(), file.string(), set);
  }
  return set;
}

}  // namespace aurora::clusters
