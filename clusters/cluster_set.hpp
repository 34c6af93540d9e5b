#pragma once
// Every cluster the user configured, read from the clusters.json files in upstream's order.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusters/cluster.hpp"

namespace aurora::clusters {

// Where clusters.json files live, taken from the environment once.
struct SearchInputs {
  std::optional<std::string> aurora_config_root;  // $AURORA_CONFIG_ROOT (a directory)
  std::optional<std::string> home;                // $HOME
  std::optional<std::string> xdg_config_home;     // $XDG_CONFIG_HOME

  static SearchInputs from_environment();
};

// $AURORA_CONFIG_ROOT (or /etc/aurora when unset or empty), then ~/.aurora, then
// $XDG_CONFIG_HOME/aurora (default ~/.config/aurora): each one's clusters.json. Later files win.
std::vector<std::filesystem::path> clusters_search_path(const SearchInputs& inputs);

class ClusterSet {
 public:
  // Adds a cluster; a later entry with the same name replaces the whole earlier one but keeps
  // its place in the listing order.
  void add(Cluster cluster);

  const Cluster* find(std::string_view name) const;
  // Throws Error(InvalidConfiguration) "Unknown cluster: <name>" listing the known clusters.
  const Cluster& get(std::string_view name) const;

  const std::vector<Cluster>& all() const { return clusters_; }
  std::vector<std::string> names() const;

  // Files read, and entries skipped because they had no name (upstream skips them silently;
  // we mention them when a lookup fails).
  std::vector<std::string> files_searched;
  std::vector<std::string> files_read;
  std::vector<std::string> skipped_entries;

 private:
  std::vector<Cluster> clusters_;
};

// Parses the text of one clusters.json into `into`. Throws Error(InvalidConfiguration) naming
// `source` and the line and column of a syntax error, or the cluster and field of a bad value.
void parse_clusters_json(std::string_view text, const std::string& source, ClusterSet& into);

// Reads every existing file of `files` in order. Missing files are skipped silently.
ClusterSet load_clusters(const std::vector<std::filesystem::path>& files);

}  // namespace aurora::clusters
