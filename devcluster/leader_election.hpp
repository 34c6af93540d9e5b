#pragma once
// Two devclusters sharing a ZooKeeper elect one leader the way the real scheduler does: lowest
// ephemeral-sequential lock node wins, and only the leader announces a serverset member.

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct _zhandle;

namespace aurora::devcluster {

struct Leadership {
  enum class Role { Leader, Follower, NoLeader };
  Role role = Role::NoLeader;
  // "http://host:port" of the leader, from its member node (followers only).
  std::string leader_url;
};

struct ElectionSettings {
  std::string connect_string;  // "127.0.0.1:2181"
  std::string path;            // serverset path, e.g. "/aurora/scheduler"
  std::string host;            // what this scheduler announces
  int port = 0;
  int session_timeout_ms = 10000;
};

class LeaderElection {
 public:
  explicit LeaderElection(ElectionSettings settings);
  // Closes the session: the lock and member nodes disappear at once.
  ~LeaderElection();
  LeaderElection(const LeaderElection&) = delete;
  LeaderElection& operator=(const LeaderElection&) = delete;

  Leadership leadership() const;

  // Called from ZooKeeper's thread; public only for the C callback.
  void on_event(int type, int state);

 private:
  void run();
  bool connect();
  void close_session();
  void ensure_path();
  void elect();
  std::string read_leader_url();

  ElectionSettings settings_;
  ::_zhandle* zh_ = nullptr;
  std::string lock_node_;    // full path of our lock node
  std::string member_node_;  // full path of our member node, while leading

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  bool session_expired_ = false;
  bool connected_ = false;
  Leadership leadership_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// The member node's JSON, as the real scheduler (Curator + Gson) writes it.
std::string serverset_member_json(const std::string& host, int port);

}  // namespace aurora::devcluster
