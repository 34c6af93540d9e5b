#include "hooks/discovery.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <system_error>

namespace aurora::hooks {
namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

HookSearch HookSearch::from_environment() {
  HookSearch search;
  if (auto dir = env("AURORA_HOOKS_SYSTEM_DIR")) search.system_dir = *dir;
  search.home = env("HOME");
  return search;
}

std::vector<std::filesystem::path> hook_directories(const HookSearch& search) {
  std::vector<std::filesystem::path> dirs{search.system_dir};
  if (search.home) dirs.push_back(std::filesystem::path(*search.home) / ".aurora" / "hooks.d");
  for (const auto& dir : search.cluster_dirs) {
    if (dir.empty()) continue;
    if (dir.rfind("~/", 0) == 0 && search.home) {
      dirs.push_back(std::filesystem::path(*search.home) / dir.substr(2));
    } else {
      dirs.push_back(dir);
    }
  }
  return dirs;
}

Discovery discover_hooks(const std::vector<std::filesystem::path>& directories) {
  Discovery found;
  std::map<std::string, std::filesystem::path> by_name;  // std::map: byte-wise name order
  for (const auto& dir : directories) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) continue;
    std::vector<std::filesystem::directory_entry> entries;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      entries.push_back(entry);
    }
    if (error) {
      found.notes.push_back("Cannot read hook directory " + dir.string() + ": " + error.message());
      continue;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      if (!std::filesystem::is_regular_file(entry.path(), error)) {
        found.notes.push_back("Ignoring " + entry.path().string() + ": not a regular file");
        continue;
      }
      if (::access(entry.path().c_str(), X_OK) != 0) {
        found.notes.push_back("Ignoring " + entry.path().string() + ": not executable");
        continue;
      }
      auto [slot, added] = by_name.emplace(name, entry.path());
      if (!added) {
        found.notes.push_back("Hook " + entry.path().string() + " replaces " +
                              slot->second.string());
        slot->second = entry.path();
      }
    }
  }
  for (auto& [name, path] : by_name) found.hooks.push_back({name, path});
  return found;
}

}  // namespace aurora::hooks
