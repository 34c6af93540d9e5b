#pragma once
// A crash (even SIGKILL) must never leave a half-written state: write a temp file, fsync, rename.

#include <filesystem>
#include <optional>

#include "devcluster/cluster_state.hpp"

namespace aurora::devcluster {

// Holds an exclusive lock on the state directory for the life of the process, so two devclusters
// never write the same state (the kernel drops it when the process dies, even by SIGKILL).
class StateDirectoryLock {
 public:
  // Throws std::runtime_error when another process holds the directory.
  explicit StateDirectoryLock(const std::filesystem::path& directory);
  ~StateDirectoryLock();
  StateDirectoryLock(const StateDirectoryLock&) = delete;
  StateDirectoryLock& operator=(const StateDirectoryLock&) = delete;

 private:
  int fd_ = -1;
};

class StateFile {
 public:
  explicit StateFile(std::filesystem::path directory);

  // The state last saved, or nullopt when the directory holds none yet. Throws on a corrupt file.
  std::optional<ClusterState> load() const;
  // Replaces the saved state atomically. Throws std::runtime_error on I/O failure.
  void save(const ClusterState& state) const;

  std::filesystem::path path() const { return directory_ / "state.json"; }

 private:
  std::filesystem::path directory_;
};

}  // namespace aurora::devcluster
