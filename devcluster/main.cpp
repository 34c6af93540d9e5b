// aurora-devcluster: parses the command line, runs a DevclusterApp until SIGTERM or SIGINT.

#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "devcluster/devcluster_app.hpp"

int main(int argc, char** argv) {
  aurora::devcluster::DevclusterOptions options;
  CLI::App app{"A local, single-process Aurora scheduler speaking the Thrift API over HTTP."};
  app.add_option("--port", options.port, "HTTP port (0 = any free port)")->capture_default_str();
  app.add_option("--port-file", options.port_file, "Write the bound port to this file");
  app.add_option("--state-dir", options.state_dir,
                 "Keep state here (survives restarts); in memory if omitted");
  app.add_option("--zk", options.zk, "ZooKeeper hosts (host:port,...) to announce in");
  app.add_option("--zk-path", options.zk_path, "Serverset path")->capture_default_str();
  app.add_option("--zk-session-timeout-ms", options.zk_session_timeout_ms,
                 "ZooKeeper session timeout")
      ->capture_default_str();
  app.add_option("--sandbox-root", options.sandbox_root,
                 "Create task sandboxes under this directory (Mesos agent layout)");
  app.add_option("--hostname", options.hostname, "Address to bind, advertise and run tasks on")
      ->capture_default_str();
  app.add_option("--speed", options.speed, "Divide every delay by this factor")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--run-tasks", options.run_tasks, "Really run tasks' Thermos processes with bash");
  app.add_option("--cluster-name", options.cluster_name, "Cluster name in serverInfo")
      ->capture_default_str();
  app.add_flag("--verbose", options.verbose, "Log every Thrift call to stderr");
  app.add_option("--max-tasks-per-job", options.max_tasks_per_job,
                 "Largest instance count a job may have")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  // Signals are taken synchronously by this thread; every other thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  try {
    aurora::devcluster::DevclusterApp devcluster(options);
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "aurora-devcluster: stopping (signal " << received << ")" << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "aurora-devcluster: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
