// The command-line grammars: job keys, instance specs, task instance keys, wildcard keys, update
// filters, role and open keys, scp paths, fnmatch. The first byte picks the grammar, the rest is the
// argument. Only aurora::Error (GrammarError among them) may escape; round trips must hold.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "grammars/fnmatch.hpp"
#include "grammars/grammar_error.hpp"
#include "grammars/instance_spec.hpp"
#include "grammars/job_key.hpp"
#include "grammars/scp_path.hpp"
#include "grammars/wildcard_key.hpp"

namespace {

using namespace aurora::grammars;

// An invariant the parsers promise; a violation is a finding like a crash.
void require(bool holds) {
  if (!holds) __builtin_trap();
}

void check_instances(const std::optional<std::vector<int32_t>>& ids) {
  if (!ids) return;
  require(std::is_sorted(ids->begin(), ids->end()));
  require(std::adjacent_find(ids->begin(), ids->end()) == ids->end());
  require(ids->size() <= static_cast<size_t>(kMaxInstancesInSpec));
  require(ids->empty() || ids->front() >= 0);
  if (!ids->empty()) require(parse_instances(format_instances(*ids)) == ids);
}

void run(uint8_t selector, std::string_view text) {
  switch (selector % 10) {
    case 0: {
      const JobKey key = JobKey::parse(text);
      require(JobKey::parse(key.str()) == key);
      require(is_good_identifier(key.role) && is_good_identifier(key.name));
      break;
    }
    case 1: {
      const InstanceSpec spec = InstanceSpec::parse(text);
      check_instances(spec.instances);
      break;
    }
    case 2: {
      const TaskInstanceKey key = TaskInstanceKey::parse(text);
      require(key.instance >= 0 || key.instance < 0);  // any int32 is representable
      (void)TaskInstanceKey::parse(key.str());
      break;
    }
    case 3: {
      const WildcardJobKey key = WildcardJobKey::parse(text);
      (void)key.has_wildcard();
      (void)key.role_for_query();
      (void)key.matches(key.role, key.env, key.name);
      (void)WildcardJobKey::parse(key.str());
      break;
    }
    case 4:
      (void)UpdateFilter::parse(text);
      break;
    case 5:
      (void)RoleArg::parse(text);
      break;
    case 6:
      (void)OpenKey::parse(text);
      break;
    case 7: {
      const ScpPath path = ScpPath::parse(text);
      if (path.task) require(text.find(':') != std::string_view::npos);
      break;
    }
    case 8:
      check_instances(parse_instances(text));
      break;
    case 9: {
      // pattern NUL text
      const size_t nul = text.find('\0');
      const std::string_view pattern = text.substr(0, nul);
      const std::string_view subject = nul == std::string_view::npos ? text : text.substr(nul + 1);
      (void)fnmatch(pattern, subject);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  try {
    run(data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  } catch (const aurora::Error&) {
  }
  return 0;
}
