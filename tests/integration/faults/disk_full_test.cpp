// The devcluster cannot write its state (ENOSPC): the change must be refused with an error, not
// acknowledged and then lost at the next restart.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "tests/integration/faults/fault_cluster.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

// Makes the state directory's filesystem full by the most real means this process may use: a
// small tmpfs over the directory, filled up, when mounting is allowed (root with CAP_SYS_ADMIN);
// otherwise /dev/full in place of the file the state is written to first, whose writes fail
// with the same ENOSPC. Either way the devcluster's own write(2) fails: nothing is simulated in it.
class FullDisk {
 public:
  explicit FullDisk(std::filesystem::path state_dir) : state_dir_(std::move(state_dir)) {
    mounted_ = ::mount("tmpfs", state_dir_.c_str(), "tmpfs", 0, "size=256k") == 0;
    mount_error_ = errno;
  }
  ~FullDisk() {
    if (mounted_) ::umount2(state_dir_.c_str(), MNT_DETACH);
  }
  FullDisk(const FullDisk&) = delete;
  FullDisk& operator=(const FullDisk&) = delete;

  bool usable() const { return mounted_ || std::filesystem::exists("/dev/full"); }
  std::string how() const {
    return mounted_ ? "a full 256 KiB tmpfs"
                    : "/dev/full as state.json.tmp (mount failed: " +
                          std::string(std::strerror(mount_error_)) + ")";
  }

  void fill() {
    if (!mounted_) {
      std::filesystem::create_symlink("/dev/full", state_dir_ / "state.json.tmp");
      return;
    }
    std::ofstream filler(state_dir_ / "filler", std::ios::binary);
    const std::string block(4096, 'x');
    while (filler.write(block.data(), block.size()) && filler.flush()) {
    }
  }
  void free() {
    std::filesystem::remove(state_dir_ / (mounted_ ? "filler" : "state.json.tmp"));
  }

 private:
  std::filesystem::path state_dir_;
  bool mounted_ = false;
  int mount_error_ = 0;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string jobs_listed(const DevclusterServer& server) {
  return server.aurora({"job", "list", "devcluster/www-data"}).out;
}

void restart(DevclusterServer& server) {
  server.kill_hard();
  server.start();
}

}  // namespace

TEST_CASE("a change the devcluster cannot persist (ENOSPC) is refused, and a restart agrees") {
  DevclusterServer server;
  FullDisk disk(server.state_dir());
  if (!disk.usable()) {
    MESSAGE("skipped: neither a tmpfs mount nor /dev/full is available to make a disk full");
    return;
  }
  MESSAGE("the disk is made full with " << disk.how());
  const auto config = write_service(server.scratch(), "hello.aurora", "devcluster", 2, "sleep 600");

  disk.fill();
  const auto refused = server.aurora({"job", "create", kHello, config});
  CHECK(refused.exit_code == 4);
  CHECK(contains(refused.err, "Job creation failed due to error:\n\tStorage failure, the request "
                              "was not applied: cannot "));
  CHECK(contains(refused.err, "state.json.tmp: No space left on device\n"));
  CHECK(jobs_listed(server).empty());  // not kept in memory either
  restart(server);
  CHECK(jobs_listed(server).empty());

  disk.free();
  const auto created = server.aurora({"job", "create", kHello, config, "--wait-until", "RUNNING"});
  CHECK(created.exit_code == 0);
  restart(server);
  CHECK(jobs_listed(server) == kHello + "\n");
  SeededCluster(server).wait_running("hello", 2);

  // A kill is refused the same way, and both instances survive it and a restart.
  disk.fill();
  const auto kill = server.aurora({"job", "kill", kHello + "/1", "--no-batching"});
  CHECK(kill.exit_code == 10);
  CHECK(contains(kill.err, "Storage failure, the request was not applied: "));
  CHECK(SeededCluster(server).tasks("hello", {gen::ScheduleStatus::RUNNING}).size() == 2);
  disk.free();
  restart(server);
  CHECK(SeededCluster(server).tasks("hello", {gen::ScheduleStatus::RUNNING}).size() == 2);
}
