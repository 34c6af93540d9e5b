#include <doctest/doctest.h>

#include "devcluster/cron_schedule.hpp"
#include "devcluster/leader_election.hpp"
#include "devcluster/sandbox_layout.hpp"
#include "devcluster/thermos_config.hpp"

using namespace aurora;
using namespace aurora::devcluster;

TEST_CASE("runtime mustaches are filled in and others are left alone") {
  gen::AssignedTask task;
  task.taskId = "123-r-e-n-2-abc";
  task.instanceId = 2;
  task.slaveHost = "127.0.0.1";
  task.assignedPorts["http"] = 31005;
  std::string cmdline =
      "serve --port={{thermos.ports[http]}} --id={{thermos.task_id}} --shard={{mesos.instance}} "
      "--host={{mesos.hostname}} {{thermos.ports[admin]}} {{other.thing}}";
  CHECK(substitute_runtime_values(cmdline, task) ==
        "serve --port=31005 --id=123-r-e-n-2-abc --shard=2 --host=127.0.0.1 "
        "{{thermos.ports[admin]}} {{other.thing}}");
}

TEST_CASE("order constraints become process dependencies") {
  auto task = parse_thermos_task(
      R"({"task": {"processes": [{"name": "a", "cmdline": "x", "max_failures": 3},
          {"name": "b", "cmdline": "y", "final": true}, {"name": "c", "cmdline": "z"}],
          "constraints": [{"order": ["a", "c"]}]}})");
  REQUIRE(task.processes.size() == 3);
  CHECK(task.processes[0].max_failures == 3);
  CHECK(task.processes[1].final);
  CHECK(task.processes[2].after == std::vector<std::string>{"a"});
  CHECK_THROWS(parse_thermos_task("{}"));
}

TEST_CASE("sandboxes follow the Mesos agent layout with runs/latest") {
  SandboxLayout layout;
  layout.root = "/var/lib/mesos";
  CHECK(layout.sandbox("T").string() ==
        "/var/lib/mesos/slaves/devcluster-agent-S0/frameworks/devcluster-framework-0000/"
        "executors/thermos-T/runs/latest/sandbox");
}

TEST_CASE("cron schedules find the next matching minute in UTC") {
  CHECK(is_valid_cron_schedule("*/15 3 * * 1-5"));
  CHECK_FALSE(is_valid_cron_schedule("61 * * * *"));
  CHECK_FALSE(is_valid_cron_schedule("* * *"));
  // 2023-11-14T22:13:20Z -> next "0 3 * * *" is 2023-11-15T03:00:00Z.
  CHECK(next_cron_run_ms("0 3 * * *", 1'700'000'000'000) == 1'700'017'200'000);
}

TEST_CASE("the serverset member JSON is what the real scheduler announces") {
  CHECK(serverset_member_json("127.0.0.1", 8081) ==
        R"({"serviceEndpoint":{"host":"127.0.0.1","port":8081},)"
        R"("additionalEndpoints":{"http":{"host":"127.0.0.1","port":8081}},"status":"ALIVE"})");
}
