#include <doctest/doctest.h>

#include <set>
#include <vector>

#include "aurora_api_types.h"

namespace gen = aurora::gen;

namespace {

gen::Range range(int first, int last) {
  gen::Range value;
  value.first = first;
  value.last = last;
  return value;
}

}  // namespace

TEST_CASE("sets of ranges iterate in numeric order") {
  const std::set<gen::Range> ranges = {range(10, 12), range(-1, 0), range(0, 3), range(0, 1)};
  std::vector<int> firsts_and_lasts;
  for (const auto& value : ranges) {
    firsts_and_lasts.push_back(value.first);
    firsts_and_lasts.push_back(value.last);
  }
  CHECK(firsts_and_lasts == std::vector<int>{-1, 0, 0, 1, 0, 3, 10, 12});
}

TEST_CASE("sets of job keys order by role, environment, then name") {
  gen::JobKey a, b;
  a.role = "r";
  a.environment = "prod";
  a.name = "z";
  b.role = "r";
  b.environment = "devel";
  b.name = "a";
  const std::set<gen::JobKey> keys = {a, b};
  CHECK(keys.begin()->environment == "devel");
}

TEST_CASE("equal job configurations collapse in a set and different ones do not") {
  gen::JobConfiguration first;
  first.key.role = "r";
  first.instanceCount = 1;
  gen::JobConfiguration same = first;
  gen::JobConfiguration other = first;
  other.instanceCount = 2;
  const std::set<gen::JobConfiguration> jobs = {first, same, other};
  CHECK(jobs.size() == 2);
  CHECK_FALSE(first < same);
  CHECK_FALSE(same < first);
  CHECK((first < other) != (other < first));
}

TEST_CASE("resources that differ only in which member is set are distinct") {
  gen::Resource cpus, ram;
  cpus.__set_numCpus(1.0);
  ram.__set_ramMb(1);
  const std::set<gen::Resource> resources = {cpus, ram, cpus};
  CHECK(resources.size() == 2);
}
