// `update list --status` values: names, groups, and their union.
#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "commands/update/update_status_groups.hpp"

using namespace aurora::commands::update;
using S = aurora::gen::JobUpdateStatus;
using Set = std::set<S::type>;

TEST_CASE("every status name and every group is a choice, in upstream's order") {
  const auto& choices = status_filter_choices();
  CHECK(choices.size() == 18);
  CHECK(choices.front() == "all");
  CHECK(choices.back() == "blocked");
  for (const auto& choice : choices) CHECK(statuses_for_filter(choice).has_value());
}

TEST_CASE("a status name stands for itself") {
  CHECK(*statuses_for_filter("ROLLED_BACK") == Set{S::ROLLED_BACK});
  CHECK(*statuses_for_filter("ROLL_BACK_AWAITING_PULSE") == Set{S::ROLL_BACK_AWAITING_PULSE});
}

TEST_CASE("groups expand as upstream's STATUS_GROUPS") {
  CHECK(*statuses_for_filter("active") ==
        Set{S::ROLLING_FORWARD, S::ROLLING_BACK, S::ROLL_FORWARD_PAUSED, S::ROLL_BACK_PAUSED,
            S::ROLL_FORWARD_AWAITING_PULSE, S::ROLL_BACK_AWAITING_PULSE});
  CHECK(statuses_for_filter("all")->size() == 11);
  CHECK(*statuses_for_filter("blocked") ==
        Set{S::ROLL_FORWARD_AWAITING_PULSE, S::ROLL_BACK_AWAITING_PULSE});
  CHECK(*statuses_for_filter("failed") == Set{S::ERROR, S::FAILED, S::ROLLED_BACK});
  CHECK(*statuses_for_filter("inactive") ==
        Set{S::ROLLED_FORWARD, S::ROLLED_BACK, S::ABORTED, S::ERROR, S::FAILED});
  CHECK(*statuses_for_filter("paused") == Set{S::ROLL_FORWARD_PAUSED, S::ROLL_BACK_PAUSED});
  CHECK(*statuses_for_filter("succeeded") == Set{S::ROLLED_FORWARD});
}

TEST_CASE("repeated --status values are unioned, and none means no filter") {
  CHECK(statuses_for_filters({}).empty());
  CHECK(statuses_for_filters({"paused", "succeeded", "ABORTED"}) ==
        Set{S::ROLL_FORWARD_PAUSED, S::ROLL_BACK_PAUSED, S::ROLLED_FORWARD, S::ABORTED});
}

TEST_CASE("an unknown value or a wrong case is not a choice") {
  CHECK_FALSE(statuses_for_filter("Active").has_value());
  CHECK_FALSE(statuses_for_filter("rolled_back").has_value());
  CHECK_THROWS_AS(statuses_for_filters({"active", "bogus"}), std::invalid_argument);
}
