// What a scheduler announces in ZooKeeper: a member znode's JSON, and member child names. Input: the
// znode's data; its lines are also tried as child names. Only aurora::Error may escape.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clusters/discovery/serverset_member.hpp"
#include "errors/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aurora::clusters;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  std::vector<std::string> children;
  for (size_t start = 0; start <= text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    children.emplace_back(text.substr(start, end - start));
    (void)member_sequence(children.back());
    start = end + 1;
  }
  (void)leading_member(children);

  try {
    const ServersetMember member =
        parse_serverset_member(text, "/aurora/scheduler/member_0000000001");
    (void)member_base_url(member);
  } catch (const aurora::Error&) {
  }
  return 0;
}
