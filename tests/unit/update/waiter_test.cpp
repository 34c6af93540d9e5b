// How an update's ending maps to the exit code of a wait.
#include <doctest/doctest.h>

#include "commands/update/update_waiter.hpp"

using namespace aurora::commands::update;
using S = aurora::gen::JobUpdateStatus;

TEST_CASE("waiting for an update: 0 rolled forward, 4 rolled back, 20 otherwise") {
  CHECK(exit_code_for_ending(S::ROLLED_FORWARD, WaitGoal::RollForward) == 0);
  CHECK(exit_code_for_ending(S::ROLLED_BACK, WaitGoal::RollForward) == 4);
  CHECK(exit_code_for_ending(S::ABORTED, WaitGoal::RollForward) == 20);
  CHECK(exit_code_for_ending(S::ERROR, WaitGoal::RollForward) == 20);
  CHECK(exit_code_for_ending(S::FAILED, WaitGoal::RollForward) == 20);
}

TEST_CASE("waiting for a rollback: 0 rolled back, 4 rolled forward, 20 otherwise") {
  CHECK(exit_code_for_ending(S::ROLLED_BACK, WaitGoal::RollBack) == 0);
  CHECK(exit_code_for_ending(S::ROLLED_FORWARD, WaitGoal::RollBack) == 4);
  CHECK(exit_code_for_ending(S::ABORTED, WaitGoal::RollBack) == 20);
}
