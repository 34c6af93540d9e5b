// Python reprs in the field order CPython 2.7 gave upstream's generated classes (spec Appendix A).
#include "commands/update/update_repr.hpp"

#include "grammars/grammar_error.hpp"

namespace aurora::commands::update {
namespace {

std::string text(const std::string& value, StringOrigin origin) {
  return (origin == StringOrigin::Wire ? "u" : "") + grammars::python_str_repr(value);
}

std::string repr(const gen::JobKey& job, StringOrigin origin) {
  return "JobKey(environment=" + text(job.environment, origin) +
         ", role=" + text(job.role, origin) + ", name=" + text(job.name, origin) + ")";
}

std::string repr(const gen::JobUpdateState& state) {
  return "JobUpdateState(status=" + std::to_string(state.status) +
         ", lastModifiedTimestampMs=" + std::to_string(state.lastModifiedTimestampMs) +
         ", createdTimestampMs=" + std::to_string(state.createdTimestampMs) + ")";
}

std::string repr(const std::set<gen::Metadata>& metadata) {
  std::string out = "set([";
  bool first = true;
  for (const auto& entry : metadata) {
    out += (first ? "" : ", ") + std::string("Metadata(value=") +
           text(entry.value, StringOrigin::Wire) + ", key=" + text(entry.key, StringOrigin::Wire) +
           ")";
    first = false;
  }
  return out + "])";
}

}  // namespace

std::string python_repr(const gen::JobUpdateKey& key, StringOrigin origin) {
  return "JobUpdateKey(job=" + repr(key.job, origin) + ", id=" + text(key.id, origin) + ")";
}

std::string python_repr(const std::vector<gen::JobUpdateSummary>& summaries) {
  std::string out = "[";
  for (size_t i = 0; i < summaries.size(); ++i) {
    const auto& summary = summaries[i];
    out += (i ? ", " : "") + std::string("JobUpdateSummary(state=") + repr(summary.state) +
           ", user=" + text(summary.user, StringOrigin::Wire) +
           ", key=" + python_repr(summary.key, StringOrigin::Wire) +
           ", metadata=" + (summary.__isset.metadata ? repr(summary.metadata) : "None") + ")";
  }
  return out + "]";
}

}  // namespace aurora::commands::update
