#include "config/template/py2_dict_order.hpp"

#include <optional>

namespace aurora::config::templating {

int64_t py2_string_hash(const std::string& s) {
  if (s.empty()) return 0;
  uint64_t x = static_cast<uint64_t>(static_cast<unsigned char>(s[0])) << 7;
  for (unsigned char c : s) x = (1000003ULL * x) ^ c;
  x ^= static_cast<uint64_t>(s.size());
  auto h = static_cast<int64_t>(x);
  return h == -1 ? -2 : h;
}

namespace {

struct Table {
  std::vector<std::optional<size_t>> slots;  // index into the key list
  size_t fill = 0;
};

void insert_clean(Table& t, const std::vector<int64_t>& hashes, size_t key) {
  const size_t mask = t.slots.size() - 1;
  auto hash = static_cast<uint64_t>(hashes[key]);
  size_t i = hash & mask;
  for (uint64_t perturb = hash; t.slots[i & mask].has_value(); perturb >>= 5) {
    i = (i << 2) + i + perturb + 1;
  }
  t.slots[i & mask] = key;
  ++t.fill;
}

void resize(Table& t, const std::vector<int64_t>& hashes, size_t minused) {
  size_t size = 8;
  while (size <= minused) size <<= 1;
  Table fresh;
  fresh.slots.assign(size, std::nullopt);
  for (const auto& slot : t.slots)
    if (slot) insert_clean(fresh, hashes, *slot);
  t = std::move(fresh);
}

}  // namespace

std::vector<size_t> py2_insertion_order(const std::vector<int64_t>& hashes) {
  Table t;
  t.slots.assign(8, std::nullopt);
  for (size_t k = 0; k < hashes.size(); ++k) {
    insert_clean(t, hashes, k);
    const size_t used = t.fill;
    if (t.fill * 3 >= t.slots.size() * 2) resize(t, hashes, (used > 50000 ? 2 : 4) * used);
  }
  std::vector<size_t> order;
  for (const auto& slot : t.slots)
    if (slot) order.push_back(*slot);
  return order;
}

}  // namespace aurora::config::templating
