// Upstream's '{0:47} {1:36} {2:15} {3:11} {4:19} {5:19}' table for update summaries.
#include "commands/update/update_list_table.hpp"

#include <array>

#include "commands/scheduler_terms.hpp"

namespace aurora::commands::update {
namespace {

constexpr std::array<size_t, 6> kWidths = {47, 36, 15, 11, 19, 19};

// Python's '{:N}' for a string: pad on the right to N, never truncate.
std::string padded(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string row(const std::array<std::string, 6>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? " " : "") + padded(cells[i], kWidths[i]);
  return out;
}

std::string job_path(const std::string& cluster, const gen::JobKey& job) {
  return cluster + "/" + job.role + "/" + job.environment + "/" + job.name;
}

}  // namespace

std::string update_list_header() {
  return row({"JOB", "UPDATE ID", "STATUS", "CREATED BY", "STARTED", "LAST MODIFIED"});
}

std::string update_list_row(const std::string& cluster, const gen::JobUpdateSummary& summary) {
  return row({job_path(cluster, summary.key.job), summary.key.id,
              update_status_name(summary.state.status), summary.user,
              iso_utc(summary.state.createdTimestampMs),
              iso_utc(summary.state.lastModifiedTimestampMs)});
}

nlohmann::ordered_json update_list_entry(const std::string& cluster,
                                         const gen::JobUpdateSummary& summary) {
  nlohmann::ordered_json entry;
  entry["status"] = update_status_name(summary.state.status);
  entry["started"] = iso_utc(summary.state.createdTimestampMs);
  entry["job"] = job_path(cluster, summary.key.job);
  entry["last_modified"] = iso_utc(summary.state.lastModifiedTimestampMs);
  entry["user"] = summary.user;
  entry["id"] = summary.key.id;
  return entry;
}

}  // namespace aurora::commands::update
