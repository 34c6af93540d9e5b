#pragma once
// Which hook executables apply to a command: the system, user and cluster hook directories.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace aurora::hooks {

struct HookExecutable {
  std::string name;  // the file name; what --skip-hooks names
  std::filesystem::path path;
};

// Where hook directories are, taken from the environment once.
struct HookSearch {
  std::filesystem::path system_dir = "/etc/aurora/hooks.d";  // or $AURORA_HOOKS_SYSTEM_DIR
  std::optional<std::string> home;                           // $HOME: ~/.aurora/hooks.d
  std::vector<std::string> cluster_dirs;                     // the cluster's hooks_dir entries

  static HookSearch from_environment();
};

// The directories in search order: system, ~/.aurora/hooks.d, then the cluster's, as given
// (a leading "~/" is the home directory).
std::vector<std::filesystem::path> hook_directories(const HookSearch& search);

struct Discovery {
  std::vector<HookExecutable> hooks;  // sorted by name
  std::vector<std::string> notes;     // for -v: ignored files, replaced hooks
};

// Reads the directories in order. A missing directory is skipped silently; hidden files (".x")
// silently; directories and non-executable files with a note. An executable named like one of
// an earlier directory replaces it. The result runs in name order across all directories.
Discovery discover_hooks(const std::vector<std::filesystem::path>& directories);

}  // namespace aurora::hooks
