// task ssh over real ssh: --command in the sandbox, ssh's exit status, tunnels, the pid file.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <sstream>

#include "tests/integration/fixtures/loopback.hpp"
#include "tests/integration/fixtures/temp_dir.hpp"
#include "tests/integration/task/task_cluster.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

// Listens on 127.0.0.1:port and returns what the first connection sends (empty on timeout).
std::string receive_one_connection(int listener) {
  timeval timeout{20, 0};
  setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  const int connection = accept(listener, nullptr, nullptr);
  if (connection < 0) return "";
  setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string received;
  char buffer[256];
  for (ssize_t n; (n = read(connection, buffer, sizeof buffer)) > 0;) received.append(buffer, n);
  close(connection);
  return received;
}

int listen_on(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd, 1) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

TEST_CASE("task ssh --command runs in the chosen instance's sandbox and exits with ssh's status") {
  TaskCluster cluster;
  cluster.create(task_job("root", "hello", 2, "echo up; sleep 600"));
  cluster.wait_running("root", "hello", 2);
  const auto task = cluster.tasks("root", "hello").at(1);

  auto result = cluster.aurora({"task", "ssh", cluster.ssh_flag(),
                                job_path("root", "hello") + "/1", "--command",
                                "echo {{mesos.instance}} {{thermos.task_id}} \"$PWD\""});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "1 " + task.assignedTask.taskId + " " + cluster.sandbox(task).string() + "\n");

  result = cluster.aurora({"task", "ssh", cluster.ssh_flag(), "-l", "root",
                           job_path("root", "hello") + "/1", "-c", "exit 7"});
  CHECK(result.exit_code == 7);
}

TEST_CASE("task ssh --pid-file receives the ssh process id") {
  TaskCluster cluster;
  cluster.create(task_job("root", "pid", 1, "echo up; sleep 600"));
  cluster.wait_running("root", "pid", 1);
  const auto pid_file = cluster.devcluster.scratch().path() / "ssh.pid";
  const auto result =
      cluster.aurora({"task", "ssh", cluster.ssh_flag(), "-p",
                      pid_file.string(), job_path("root", "pid") + "/0", "-c", "echo $PPID"});
  CHECK(result.exit_code == 0);
  const std::string pid = read_file(pid_file);
  REQUIRE(!pid.empty());
  CHECK(pid.find_first_not_of("0123456789") == std::string::npos);
}

TEST_CASE("task ssh --tunnels forwards a local port to the task's named port") {
  TaskCluster cluster;
  cluster.create(task_job("root", "tun", 1, "echo up; sleep 600"));
  cluster.wait_running("root", "tun", 1);
  const int http_port = cluster.tasks("root", "tun").at(0).assignedTask.assignedPorts.at("http");
  const int listener = listen_on(http_port);
  REQUIRE(listener >= 0);
  auto received = std::async(std::launch::async, [listener] {
    return receive_one_connection(listener);
  });
  const int local_port = pick_free_loopback_port();

  // The agent is this machine, so the remote command can dial the local end of the tunnel.
  const auto result = cluster.aurora(
      {"task", "ssh", cluster.ssh_flag() + " -o ExitOnForwardFailure=yes",
       "-L", std::to_string(local_port) + ":http", job_path("root", "tun") + "/0", "-c",
       "echo through-the-tunnel > /dev/tcp/127.0.0.1/" + std::to_string(local_port)});
  CHECK(result.exit_code == 0);
  CHECK(received.get() == "through-the-tunnel\n");
  close(listener);
}

TEST_CASE("task ssh refuses bad tunnels, --command without an instance, and unknown instances") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "bad", 1, "sleep 600"));
  cluster.wait_running("root", "bad", 1);
  const std::string job = job_path("root", "bad");

  auto result = cluster.aurora({"task", "ssh", job, "-c", "true"});
  CHECK(result.exit_code == 6);
  CHECK(result.err == "INSTANCE must be specified when --command option is given\n");

  result = cluster.aurora({"task", "ssh", job + "/0", "-L", "80-http"});
  CHECK(result.exit_code == 6);
  CHECK(result.err == "Could not parse tunnel: 80-http.  Must be of form PORT:NAME\n");

  result = cluster.aurora({"task", "ssh", job + "/0", "-L", "8080:admin"});
  CHECK(result.exit_code == 6);
  const auto task_id = cluster.tasks("root", "bad").at(0).assignedTask.taskId;
  CHECK(result.err == "Task " + task_id + " has no port named admin\n");

  result = cluster.aurora({"task", "ssh", job + "/4"});
  CHECK(result.exit_code == 6);
  CHECK(result.err == "Job devcluster/root/prod/bad not found\n");
}

TEST_CASE("task ssh without slave_root in clusters.json is a configuration error") {
  TaskCluster cluster(false);
  const auto etc = cluster.devcluster.scratch().path() / "etc-no-run-dir";
  std::filesystem::create_directories(etc);
  std::ofstream(etc / "clusters.json")
      << "[{\"name\": \"devcluster\", \"scheduler_uri\": \"" << cluster.devcluster.url()
      << "\", \"slave_root\": \"/var/lib/mesos\"}]\n";
  const auto result = cluster.aurora({"task", "ssh", job_path("root", "any") + "/0"},
                                     std::chrono::seconds(60), etc);
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("has no slave_run_directory") != std::string::npos);
}

TEST_CASE("task ssh without an instance opens bash in the sandbox of one of the job's live tasks") {
  TaskCluster cluster(false);
  cluster.create(task_job("root", "any", 2, "sleep 600"));
  cluster.wait_running("root", "any", 2);
  const auto tasks = cluster.tasks("root", "any");

  // No terminal and stdin at EOF: the remote bash reads nothing and exits 0, so ssh does too.
  const auto result = cluster.aurora({"task", "ssh", cluster.ssh_flag(), job_path("root", "any")},
                                     std::chrono::seconds(60), {}, cluster.recording_ssh_env());
  CHECK(result.exit_code == 0);
  const auto calls = cluster.recorded_ssh_calls();
  REQUIRE(calls.size() == 1);
  const auto& argv = calls.front();
  REQUIRE(argv.size() == 5);
  CHECK(std::vector<std::string>(argv.begin(), argv.begin() + 4) ==
        std::vector<std::string>{"-t", "-F", cluster.sshd.ssh_config().string(), "root@127.0.0.1"});
  CHECK(std::any_of(tasks.begin(), tasks.end(), [&](const gen::ScheduledTask& task) {
    return argv[4] == cluster.remote_cd(task) + "bash";
  }));
}
