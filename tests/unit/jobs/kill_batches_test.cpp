// Which instances a batched kill touches, in which batches, and when its failures stop it.
#include "commands/job/kill_batches.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

#include "commands/job/instance_lists.hpp"

using namespace aurora::commands::job;

TEST_CASE("a kill touches only the requested instances that are active") {
  const std::set<int32_t> active = {0, 1, 2, 5};
  CHECK(instances_to_kill(active, std::vector<int32_t>{1, 3, 5}) == std::set<int32_t>{1, 5});
  CHECK(instances_to_kill(active, std::vector<int32_t>{7}).empty());
}

TEST_CASE("killall touches every active instance") {
  CHECK(instances_to_kill({0, 4}, std::nullopt) == std::set<int32_t>{0, 4});
}

TEST_CASE("batches take the smallest remaining ids first") {
  std::set<int32_t> remaining = {9, 0, 3, 1, 7};
  CHECK(take_batch(remaining, 2) == std::vector<int32_t>{0, 1});
  CHECK(take_batch(remaining, 2) == std::vector<int32_t>{3, 7});
  CHECK(take_batch(remaining, 2) == std::vector<int32_t>{9});
  CHECK(remaining.empty());
}

TEST_CASE("a batch size below one is refused instead of sending an empty kill") {
  std::set<int32_t> remaining = {0, 1};
  CHECK_THROWS_AS(take_batch(remaining, 0), std::invalid_argument);
  CHECK_THROWS_AS(take_batch(remaining, -3), std::invalid_argument);
  CHECK(remaining.size() == 2);
}

TEST_CASE("the kill stops once more batches failed than --max-total-failures allows") {
  KillFailureBudget none(0);
  CHECK(none.record_failure());

  KillFailureBudget two(2);
  CHECK_FALSE(two.record_failure());
  CHECK_FALSE(two.record_failure());
  CHECK(two.record_failure());
  CHECK(two.failures() == 3);
}

TEST_CASE("instance lists print as Python lists") {
  CHECK(python_int_list(std::vector<int32_t>{}) == "[]");
  CHECK(python_int_list(std::vector<int32_t>{3, 1}) == "[3, 1]");
  CHECK(python_int_list(std::set<int32_t>{3, 1, 2}) == "[1, 2, 3]");
}
