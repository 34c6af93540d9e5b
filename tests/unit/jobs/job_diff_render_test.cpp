// job diff's canonical rendering and field-level comparison.
#include <doctest/doctest.h>

#include "commands/job/job_diff_render.hpp"
#include "errors/error.hpp"

using namespace aurora;
using namespace aurora::commands::job;
using nlohmann::ordered_json;

TEST_CASE("field changes name each differing leaf: objects by key, equal-length arrays by index") {
  const auto local = ordered_json::parse(R"({"a": 1, "b": {"c": [1, 2], "d": "x"}, "e": [1]})");
  const auto remote = ordered_json::parse(R"({"a": 1, "b": {"c": [1, 3], "d": "y"}, "e": [1, 2]})");
  const auto changes = field_changes(local, remote);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].path == "b.c[1]");
  CHECK(changes[0].local == 2);
  CHECK(changes[0].remote == 3);
  CHECK(changes[1].path == "b.d");
  CHECK(changes[2].path == "e");  // lengths differ: the whole array
  CHECK(changes[2].remote == ordered_json::parse("[1, 2]"));
}

TEST_CASE("a field that only one side has is a change with the other side absent") {
  const auto changes = field_changes(ordered_json::parse(R"({"new": true, "odd key": 1})"),
                                     ordered_json::parse(R"({"gone": 0, "odd key": 2})"));
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].path == "new");
  CHECK(changes[0].has_local);
  CHECK_FALSE(changes[0].has_remote);
  CHECK(changes[1].path == "[\"odd key\"]");
  CHECK(changes[2].path == "gone");
  CHECK_FALSE(changes[2].has_local);
  CHECK(changes[2].has_remote);
}

TEST_CASE("identical configs have no changes") {
  const auto doc = ordered_json::parse(R"({"a": [1, {"b": null}]})");
  CHECK(field_changes(doc, doc).empty());
}

TEST_CASE("the canonical task JSON expands executor data with sorted keys") {
  gen::TaskConfig task;
  task.maxTaskFailures = 3;
  gen::Resource ram;
  ram.__set_ramMb(16);
  gen::Resource cpu;
  cpu.__set_numCpus(0.5);
  task.resources = {ram, cpu};
  gen::ExecutorConfig executor;
  executor.name = "AuroraExecutor";
  executor.data = R"({"z": 1, "a": {"y": 2, "b": 3}})";
  task.__set_executorConfig(executor);
  const auto doc = canonical_task_json(task);
  CHECK(doc["maxTaskFailures"] == 3);
  CHECK(doc["executorConfig"]["data"].dump() == R"({"a":{"b":3,"y":2},"z":1})");
  REQUIRE(doc["resources"].size() == 2);
  CHECK(doc["resources"][0].dump() == R"({"numCpus":0.5})");
  CHECK(doc["resources"][1].dump() == R"({"ramMb":16})");
}

TEST_CASE("executor data that is not JSON stays a string") {
  gen::TaskConfig task;
  gen::ExecutorConfig executor;
  executor.data = "not json";
  task.__set_executorConfig(executor);
  CHECK(canonical_task_json(task)["executorConfig"]["data"] == "not json");
}

TEST_CASE("instances with equal configs are grouped, and the rendering shows them as ranges") {
  const auto a = ordered_json::parse(R"({"cmdline": "one\ntwo"})");
  const auto b = ordered_json::parse(R"({"cmdline": "other"})");
  const auto groups = group_instances({{0, a}, {1, a}, {2, b}, {3, a}});
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].instances == std::vector<int32_t>{0, 1, 3});
  CHECK(groups[1].instances == std::vector<int32_t>{2});
  CHECK(render_groups(groups) ==
        "instances: 0-1,3\n{\n  \"cmdline\": \"one\ntwo\"\n}\n"
        "\n"
        "instances: 2\n{\n  \"cmdline\": \"other\"\n}\n");
}

TEST_CASE("instance ranges from the scheduler are expanded, and absurd ones refused") {
  gen::Range low;
  low.first = 0;
  low.last = 2;
  gen::Range high;
  high.first = 5;
  high.last = 5;
  CHECK(instances_of({low, high}) == std::vector<int32_t>{0, 1, 2, 5});
  gen::Range huge;
  huge.first = 0;
  huge.last = 2'000'000'000;
  CHECK_THROWS_AS(instances_of({huge}), Error);
}
