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

TEST_CASE("float, tuple and special hashes match CPython 2.7") {
  using aurora::config::templating::Data;
  using aurora::config::templating::py2_hash;
  // hash(2.5), hash(-0.1), hash(1e-300), hash(float('inf')), hash((1, 'a')) under CPython 2.7.18.
  CHECK(py2_hash(Data::real(2.5)) == 1342242816LL);
  CHECK(py2_hash(Data::real(-0.1)) == -2577078886LL);
  CHECK(py2_hash(Data::real(1e-300)) == 3316461835LL);
  CHECK(py2_hash(Data::real(1.0 / 0.0)) == 314159);
  CHECK(py2_hash(Data::real(3.0)) == 3);  // an integral float hashes as the int
  CHECK(py2_hash(Data::list({Data::integer(1), Data::str("a")})) == 3703129313087942906LL);
}

TEST_CASE("a dict display of more than five entries is presized and iterates differently") {
  // {'Xmx': 1, 'Xms': 1, 'server': 1, 'verbose': 1, 'cp': 1, 'ea': 1, 'jar': 1, 'Dfoo': 1} iterates
  // cp Xmx verbose Dfoo jar server ea Xms under CPython 2.7.18; the same keys assigned one by one
  // into {} iterate verbose jar ea server Xmx Dfoo cp Xms.
  const std::vector<std::string> keys = {"Xmx", "Xms", "server", "verbose", "cp", "ea", "jar", "Dfoo"};
  std::vector<int64_t> hashes;
  for (const auto& k : keys) hashes.push_back(py2_string_hash(k));
  auto names = [&](const std::vector<size_t>& order) {
    std::string out;
    for (size_t i : order) out += (out.empty() ? "" : " ") + keys[i];
    return out;
  };
  CHECK(names(py2_insertion_order(hashes, keys.size())) == "cp Xmx verbose Dfoo jar server ea Xms");
  CHECK(names(py2_insertion_order(hashes)) == "verbose jar ea server Xmx Dfoo cp Xms");
}
