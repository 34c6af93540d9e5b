// Seeding devcluster for the update acceptance tests.
#include "tests/integration/update/update_seeding.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "tests/unit/devcluster/job_fixtures.hpp"

namespace update_test {

using namespace aurora;
namespace dt = aurora::devcluster::testing;

namespace {

std::string messages_of(const gen::Response& response) {
  std::string text;
  for (const auto& detail : response.details) text += (text.empty() ? "" : ", ") + detail.message;
  return text;
}

}  // namespace

SeededCluster::SeededCluster(aurora::testing::DevclusterOptions options)
    : server_(std::move(options)), client_(server_.port()) {}

void SeededCluster::create_job(int instances, const std::string& cmdline) {
  const auto response =
      DEVCLUSTER_CALL(client_, createJob, dt::job_config(dt::job_key(), instances, cmdline));
  if (response.responseCode != gen::ResponseCode::OK) {
    throw std::runtime_error("createJob failed: " + messages_of(response));
  }
}

std::string SeededCluster::start_update(int instances, const std::string& cmdline, int watch_ms,
                                        const std::function<void(gen::JobUpdateRequest&)>& adjust) {
  auto request = dt::update_request(dt::job_key(), instances, cmdline, 1, watch_ms);
  if (adjust) adjust(request);
  const std::string message;
  const auto response = DEVCLUSTER_CALL(client_, startJobUpdate, request, message);
  if (response.responseCode != gen::ResponseCode::OK ||
      !response.result.__isset.startJobUpdateResult) {
    throw std::runtime_error("startJobUpdate failed: " + messages_of(response));
  }
  return response.result.startJobUpdateResult.key.id;
}

gen::JobUpdateSummary SeededCluster::summary(const std::string& id) {
  gen::JobUpdateQuery query;
  query.key.job = dt::job_key();
  query.key.id = id;
  query.__isset.key = true;
  const auto response = DEVCLUSTER_CALL(client_, getJobUpdateSummaries, query);
  const auto& summaries = response.result.getJobUpdateSummariesResult.updateSummaries;
  if (summaries.size() != 1) throw std::runtime_error("no single update " + id);
  return summaries.front();
}

std::string utc_iso(int64_t milliseconds) {
  const std::time_t seconds = static_cast<std::time_t>(milliseconds / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
  return buffer;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

}  // namespace update_test
