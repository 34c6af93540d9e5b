#pragma once
// One ZooKeeper C-client session behind RAII, so every failure becomes an aurora::Error with
// context.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct _zhandle zhandle_t;

namespace aurora::clusters {

struct ZooKeeperSessionOptions {
  // Bounds both connecting and the session timeout requested from the server.
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
  // The C client's own logging goes to stderr only when verbose; otherwise it is dropped.
  bool verbose = false;
};

enum class ZnodeMode { Persistent, EphemeralSequential };

class ZooKeeperSession {
 public:
  // Connects to `connect_string` ("h1:2181,h2:2181") and waits for ZOO_CONNECTED_STATE; throws
  // Error(Network) with upstream's "Failed to connect to Zookeeper within N seconds." otherwise.
  ZooKeeperSession(const std::string& connect_string, const ZooKeeperSessionOptions& options);
  ~ZooKeeperSession();
  ZooKeeperSession(const ZooKeeperSession&) = delete;
  ZooKeeperSession& operator=(const ZooKeeperSession&) = delete;

  // Child names of `path`, or nullopt when the znode does not exist.
  std::optional<std::vector<std::string>> children(const std::string& path);
  // Data of `path`, or nullopt when the znode does not exist.
  std::optional<std::string> data(const std::string& path);
  // Creates `path` (a sequence suffix is appended in EphemeralSequential mode); returns the real
  // path.
  std::string create(const std::string& path, std::string_view data, ZnodeMode mode);
  // Creates `path` and its missing ancestors as empty persistent znodes.
  void create_recursively(const std::string& path);
  // Deletes `path`; false when it did not exist.
  bool remove(const std::string& path);

  const std::string& connect_string() const { return connect_string_; }

  struct ConnectionState;

 private:
  std::string connect_string_;
  std::unique_ptr<ConnectionState> state_;  // the watcher's context; outlives the handle
  zhandle_t* handle_ = nullptr;
};

}  // namespace aurora::clusters
