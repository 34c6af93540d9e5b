#include "config/template/py2_dict_order.hpp"

#include <climits>
#include <cmath>
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

int64_t py2_float_hash(double v) {
  double intpart = 0;
  double fractpart = std::modf(v, &intpart);
  if (std::isinf(v)) return v > 0 ? 314159 : -271828;
  if (std::isnan(v)) return 0;
  if (fractpart == 0.0) {
    // Beyond a long, CPython hashes the equal long integer; such keys do not occur in configs.
    if (std::fabs(intpart) < 9.2e18) return py2_int_hash(static_cast<int64_t>(intpart));
  }
  int expo = 0;
  v = std::frexp(v, &expo);
  v *= 2147483648.0;  // 2**31
  auto hipart = static_cast<int64_t>(v);
  v = (v - static_cast<double>(hipart)) * 2147483648.0;
  int64_t x = hipart + static_cast<int64_t>(v) + (static_cast<int64_t>(expo) << 15);
  return x == -1 ? -2 : x;
}

int64_t py2_hash(const Data& key) {
  switch (key.kind) {
    case Data::Kind::Str: return py2_string_hash(key.s);
    case Data::Kind::Int: return py2_int_hash(key.i);
    case Data::Kind::Bool: return key.b ? 1 : 0;
    case Data::Kind::Float: return py2_float_hash(key.f);
    case Data::Kind::List: {  // a tuple (lists are unhashable)
      uint64_t x = 0x345678ULL, mult = 1000003ULL;
      size_t len = key.items.size();
      for (const auto& item : key.items) {
        --len;
        x = (x ^ static_cast<uint64_t>(py2_hash(item))) * mult;
        mult += 82520ULL + len + len;
      }
      x += 97531ULL;
      auto h = static_cast<int64_t>(x);
      return h == -1 ? -2 : h;
    }
    default: return py2_string_hash(python_str(key));
  }
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

std::vector<size_t> py2_insertion_order(const std::vector<int64_t>& hashes, size_t presized) {
  Table t;
  size_t size = 8;  // PyDict_MINSIZE; _PyDict_NewPresized only grows tables for more than 5 entries
  if (presized > 5)
    while (size <= presized) size <<= 1;
  t.slots.assign(size, std::nullopt);
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
