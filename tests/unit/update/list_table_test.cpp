// `update list`: the fixed-width table and the JSON entries.
#include <doctest/doctest.h>

#include "commands/update/update_list_table.hpp"
#include "tests/unit/update/update_builders.hpp"

using namespace aurora::commands::update;
using S = aurora::gen::JobUpdateStatus;

TEST_CASE("the header is padded to the column widths, trailing spaces included") {
  const std::string header = update_list_header();
  CHECK(header == "JOB" + std::string(44, ' ') + " UPDATE ID" + std::string(27, ' ') + " STATUS" +
                      std::string(9, ' ') + " CREATED BY  STARTED" + std::string(12, ' ') +
                      " LAST MODIFIED" + std::string(6, ' '));
  CHECK(header.size() == 47 + 36 + 15 + 11 + 19 + 19 + 5);
}

TEST_CASE("a row shows the filter's cluster, the id, status, user and UTC times") {
  const auto row = update_list_row("devcluster", update_test::summary("id-1", S::ROLLED_FORWARD));
  CHECK(row == "devcluster/www-data/prod/hello" + std::string(17, ' ') + " id-1" +
                   std::string(32, ' ') + " ROLLED_FORWARD  alice       2026-01-02T03:04:05 " +
                   "2026-01-02T03:05:06");
}

TEST_CASE("values longer than their column are not cut") {
  const std::string long_name(60, 'n');
  const auto row =
      update_list_row("c", update_test::summary("id", S::ROLL_FORWARD_AWAITING_PULSE, long_name));
  CHECK(row.rfind("c/www-data/prod/" + long_name + " id", 0) == 0);
  CHECK(row.find(" ROLL_FORWARD_AWAITING_PULSE alice ") != std::string::npos);
}

TEST_CASE("a JSON entry has upstream's keys in upstream's order") {
  const auto entry = update_list_entry("devcluster", update_test::summary("id-1", S::ABORTED));
  CHECK(
      entry.dump() ==
      R"({"status":"ABORTED","started":"2026-01-02T03:04:05","job":"devcluster/www-data/prod/hello",)"
      R"("last_modified":"2026-01-02T03:05:06","user":"alice","id":"id-1"})");
}
