// CPython 2.7 dict order, checked against values observed with the real interpreter.
#include <doctest/doctest.h>

#include "config/template/py2_dict_order.hpp"

using aurora::config::templating::py2_insertion_order;
using aurora::config::templating::py2_string_hash;

TEST_CASE("string hashes match CPython 2.7 on 64-bit builds") {
  CHECK(py2_string_hash("") == 0);
  CHECK(py2_string_hash("a") == 12416037344LL);
}

TEST_CASE("a three-key dict iterates in hash-slot order") {
  std::vector<int64_t> hashes = {py2_string_hash("cmdline"), py2_string_hash("name"),
                                 py2_string_hash("max_failures"), py2_string_hash("daemon")};
  // {'cmdline','name','max_failures','daemon'} iterates cmdline, daemon, max_failures, name (spec 1.13 #125).
  auto order = py2_insertion_order(hashes);
  REQUIRE(order.size() == 4);
  CHECK(order[0] == 0);
  CHECK(order[1] == 3);
  CHECK(order[2] == 2);
  CHECK(order[3] == 1);
}
