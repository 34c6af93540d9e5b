#pragma once
// What `aurora-devcluster` is told on its command line.

#include <string>

namespace aurora::devcluster {

struct DevclusterOptions {
  int port = 8081;  // 0 = any free port
  std::string port_file;
  std::string state_dir;  // empty = keep state in memory only
  std::string zk;         // ZooKeeper hosts; empty = no ZooKeeper
  std::string zk_path = "/aurora/scheduler";
  int zk_session_timeout_ms = 10000;
  std::string sandbox_root;
  std::string hostname = "127.0.0.1";
  double speed = 1.0;
  bool run_tasks = false;
  std::string cluster_name = "devcluster";
  bool verbose = false;  // log every Thrift call to stderr
  int max_tasks_per_job = 4000;  // the real scheduler's default; benchmarks raise it
};

}  // namespace aurora::devcluster
