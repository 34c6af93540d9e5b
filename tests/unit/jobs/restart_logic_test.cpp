// The rolling restart's failure threshold and its watch of one batch.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "commands/job/batch_watch.hpp"
#include "commands/job/restart_failures.hpp"

using namespace aurora;
using namespace aurora::commands::job;

namespace {

gen::ScheduledTask running(int32_t instance, const std::string& task_id) {
  gen::ScheduledTask t;
  t.status = gen::ScheduleStatus::RUNNING;
  t.assignedTask.instanceId = instance;
  t.assignedTask.taskId = task_id;
  return t;
}

struct Log {
  std::vector<std::string> lines;
  std::function<void(std::string_view)> sink() {
    return [this](std::string_view line) { lines.emplace_back(line); };
  }
};

}  // namespace

TEST_CASE("with no failures allowed, one failed instance ends the restart") {
  RestartFailureThreshold threshold(0, 0);
  CHECK_FALSE(threshold.exceeded());
  threshold.record({3});
  CHECK(threshold.exceeded());
  CHECK(threshold.explanation() ==
        std::vector<std::string>{"1 failed instances observed, maximum allowed is 0",
                                 "1 instance failures for instance 3, maximum allowed is 0"});
}

TEST_CASE("an instance counts toward the total only after its own failures exceed the limit") {
  RestartFailureThreshold threshold(1, 1);
  threshold.record({0, 1});
  CHECK(threshold.failed_instance_count() == 0);
  threshold.record({0});
  CHECK(threshold.failed_instance_count() == 1);
  CHECK_FALSE(threshold.exceeded());
  threshold.record({1});
  CHECK(threshold.exceeded());
}

TEST_CASE("an instance is healthy once the same task has run longer than --watch-secs") {
  Log log;
  BatchWatch watch({0, 1}, WatchSettings{10, 0}, 0.0, log.sink());
  watch.observe({running(0, "a")}, 1.0);
  CHECK_FALSE(watch.finished());
  watch.observe({running(0, "a"), running(1, "b")}, 5.0);
  watch.observe({running(0, "a"), running(1, "b")}, 11.5);
  CHECK_FALSE(watch.finished());  // instance 1 was first seen at 5.0
  watch.observe({running(0, "a"), running(1, "b")}, 15.5);
  CHECK(watch.finished());
  CHECK(watch.failed().empty());
  CHECK(log.lines ==
        std::vector<std::string>{"Detected RUNNING instance 0", "Detected RUNNING instance 1",
                                 "Instance 0 has been up and healthy for at least 10 seconds",
                                 "Instance 1 has been up and healthy for at least 10 seconds"});
}

TEST_CASE("with --watch-secs 0 an instance still needs a second sighting") {
  Log log;
  BatchWatch watch({4}, WatchSettings{0, 0}, 0.0, log.sink());
  watch.observe({running(4, "a")}, 1.0);
  CHECK_FALSE(watch.finished());
  watch.observe({running(4, "a")}, 2.0);
  CHECK(watch.finished());
}

TEST_CASE("a different task on a watched instance means it failed") {
  Log log;
  BatchWatch watch({2}, WatchSettings{30, 0}, 0.0, log.sink());
  watch.observe({running(2, "first")}, 1.0);
  watch.observe({running(2, "second")}, 4.0);
  CHECK(watch.finished());
  CHECK(watch.failed() == std::vector<int32_t>{2});
  CHECK(log.lines.back() == "Instance 2 is unhealthy");
}

TEST_CASE("an instance never RUNNING within --restart-threshold fails instead of hanging") {
  Log log;
  BatchWatch watch({0, 1}, WatchSettings{0, 60}, 100.0, log.sink());
  watch.observe({running(0, "a")}, 101.0);
  watch.observe({running(0, "a")}, 102.0);
  CHECK_FALSE(watch.finished());
  watch.observe({running(0, "a")}, 159.0);
  CHECK_FALSE(watch.finished());
  watch.observe({}, 160.0);
  CHECK(watch.finished());
  CHECK(watch.failed() == std::vector<int32_t>{1});
  CHECK(log.lines.back() == "Instance 1 did not reach RUNNING within 60 seconds");
}

TEST_CASE("without a restart threshold an absent instance is waited for") {
  Log log;
  BatchWatch watch({0}, WatchSettings{0, 0}, 0.0, log.sink());
  watch.observe({}, 1e9);
  CHECK_FALSE(watch.finished());
}
