// The sla verbs' uptime vector, statistics and lines, on the spec's examples.
#include <doctest/doctest.h>

#include "commands/sla/uptime.hpp"

using namespace aurora;
using namespace aurora::commands::sla;

namespace {

gen::ScheduledTask task(int32_t instance,
                        std::vector<std::pair<gen::ScheduleStatus::type, int64_t>> events) {
  gen::ScheduledTask t;
  t.assignedTask.instanceId = instance;
  for (const auto& [status, timestamp] : events) {
    gen::TaskEvent event;
    event.status = status;
    event.timestamp = timestamp;
    t.taskEvents.push_back(event);
  }
  return t;
}

std::map<int32_t, double> uptimes_of(std::vector<double> values) {
  std::map<int32_t, double> uptimes;
  for (size_t i = 0; i < values.size(); ++i) uptimes[static_cast<int32_t>(i)] = values[i];
  return uptimes;
}

}  // namespace

TEST_CASE("uptime counts from the first RUNNING event, in whole seconds") {
  using S = gen::ScheduleStatus;
  const auto uptimes =
      instance_uptimes({task(0, {{S::PENDING, 1'000}, {S::RUNNING, 10'999}, {S::RUNNING, 50'000}}),
                        task(1, {{S::PENDING, 1'000}}), task(2, {{S::RUNNING, 90'000}})},
                       100.75);
  CHECK(uptimes.size() == 2);
  CHECK(uptimes.at(0) == 90.0);  // floor(100.75 - 10)
  CHECK(uptimes.at(2) == 10.0);
}

TEST_CASE("up count is the share of instances up at least the duration") {
  const auto uptimes = uptimes_of({30, 60, 600, 3600});
  CHECK(task_up_count(uptimes, 60) == 75.0);
  CHECK(task_up_count(uptimes, 7 * 86400) == 0.0);
  CHECK(task_up_count({}, 60) == 0.0);
}

TEST_CASE("up count lines match upstream") {
  CHECK(task_up_count_line(60, 100.0) == "1 mins\t- 100.00 %");
  CHECK(task_up_count_line(194400, 95.357) == "54 hrs\t- 95.36 %");
  CHECK(task_up_count_line(604800, 0) == "7 days\t- 0.00 %");
}

TEST_CASE("job uptime picks n - floor(p * n) - 1 of the sorted uptimes") {
  const auto uptimes = uptimes_of({40, 10, 30, 20});
  CHECK(std::get<double>(job_uptime(uptimes, 10)) == 40.0);  // idx 4 - 0 - 1 = 3
  CHECK(std::get<double>(job_uptime(uptimes, 50)) == 20.0);  // idx 4 - 2 - 1 = 1
  CHECK(std::get<double>(job_uptime(uptimes, 75)) == 10.0);  // idx 0
  CHECK(std::get<double>(job_uptime(uptimes, 99)) == 10.0);  // idx 4 - 3 - 1 = 0
}

TEST_CASE("job uptime is the integer 0 when the index falls outside the vector") {
  const auto one = uptimes_of({295253953});
  CHECK(std::get<double>(job_uptime(one, 99)) == 295253953.0);
  CHECK(std::get<double>(job_uptime(uptimes_of({5, 7}), 50)) == 5.0);  // idx 2 - 1 - 1 = 0
  const auto none = job_uptime({}, 50);
  REQUIRE(std::holds_alternative<int>(none));
  CHECK(std::get<int>(none) == 0);
}

TEST_CASE("job uptime lines match upstream") {
  CHECK(job_uptime_line(99, 295253953.0) == "99.0 percentile\t- 295253953.0 seconds");
  CHECK(job_uptime_line(50, 0) == "50.0 percentile\t- 0 seconds");
  CHECK(job_uptime_line(99.9, 1.5) == "99.9 percentile\t- 1.5 seconds");
}
