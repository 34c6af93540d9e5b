// Kills whose tasks do not die within upstream's wait (polls 2 s apart, doubling, given up after
// about 254 s): exit 9 without batching, exit 4 once batches fail (spec 7.6). The three commands
// run at once, so the case takes one wait, not three.
#include <doctest/doctest.h>

#include <future>
#include <mutex>
#include <set>

#include "tests/integration/jobs/scripted_scheduler.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;

namespace {

// gamma has instances 0 and 1; a kill of 1 works, 0 never leaves RUNNING.
ScriptedScheduler::Answer instance_zero_never_dies() {
  auto killed = std::make_shared<std::set<int32_t>>();
  auto mutex = std::make_shared<std::mutex>();
  return [killed, mutex](const ScriptedCall& call) {
    std::lock_guard lock(*mutex);
    if (call.method == "killTasks") {
      const auto args = kill_tasks_arguments(call);
      if (args.instances && args.instances->count(1)) killed->insert(1);
      return ok_response();
    }
    if (call.method != "getTasksWithoutConfigs") return ok_response();
    const auto query = task_query_of(call);
    std::vector<gen::ScheduledTask> tasks;
    for (int32_t id : {0, 1}) {
      const auto status =
          killed->count(id) ? gen::ScheduleStatus::KILLED : gen::ScheduleStatus::RUNNING;
      const bool wanted = query.instanceIds.empty() || query.instanceIds.count(id);
      const bool matches = query.statuses.empty() || query.statuses.count(status);
      if (wanted && matches) tasks.push_back(scripted_task("gamma", id, status));
    }
    return tasks_response(tasks);
  };
}

}  // namespace

TEST_CASE("kills that outlast the wait exit 9 without batching and 4 when batches fail") {
  DevclusterServer server;
  SeededCluster cluster(server);
  cluster.create(service_job("alpha", 1));
  cluster.create(service_job("beta", 2));
  cluster.wait_running("alpha", 1);
  cluster.wait_running("beta", 2);
  // KILLING now lasts 500 s: far past the client's wait.
  server.restart_at_speed(0.002);
  ScriptedScheduler scripted(instance_zero_never_dies());

  auto at_once = std::async(std::launch::async, [&] {
    return server.aurora({"job", "kill", "--no-batching", job_path("alpha") + "/0"});
  });
  auto batched = std::async(std::launch::async, [&] {
    return server.aurora({"job", "killall", job_path("beta")});
  });
  auto tolerated = std::async(std::launch::async, [&] {
    return scripted.aurora(
        {"job", "kill", "--max-total-failures", "1", "devcluster/www-data/prod/gamma/0-1"});
  });

  const auto no_batching = at_once.get();
  CHECK(no_batching.exit_code == 9);
  CHECK(no_batching.out == "");
  CHECK(no_batching.err ==
        " INFO] Killing tasks for job: devcluster/www-data/prod/alpha\n"
        " INFO] Instances to be killed: [0]\n"
        "Instances [0] were not killed in time\n"
        " INFO] Command terminated with error code 9\n");

  const auto exceeded = batched.get();
  CHECK(exceeded.exit_code == 4);
  CHECK(exceeded.out == "");
  CHECK(exceeded.err ==
        " INFO] Killing tasks for job: devcluster/www-data/prod/beta\n"
        " INFO] Instances to be killed: [0]\n"
        "Instances [0] were not killed in time\n"
        "Exceeded maximum number of errors while killing instances\n");
  // The second batch was never sent.
  CHECK(cluster.tasks("beta", {gen::ScheduleStatus::RUNNING}).size() == 1);

  const auto errors = tolerated.get();
  CHECK(errors.exit_code == 4);
  CHECK(errors.out == "Successfully killed instances [1]\n");
  CHECK(errors.err ==
        " INFO] Killing tasks for job: devcluster/www-data/prod/gamma\n"
        " INFO] Instances to be killed: [0]\n"
        "Instances [0] were not killed in time\n"
        " INFO] Killing tasks for job: devcluster/www-data/prod/gamma\n"
        " INFO] Instances to be killed: [1]\n"
        "Errors occurred while killing instances\n");
}
