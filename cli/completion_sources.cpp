#include "cli/completion_sources.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "api/scheduler_client.hpp"
#include "cli/scheduler_access.hpp"

namespace aurora::cli {
namespace {

namespace fs = std::filesystem;
constexpr auto kCacheLifetime = std::chrono::seconds(60);

std::optional<fs::path> cache_file(const std::string& cluster) {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = fs::path(home) / ".cache";
  } else {
    return std::nullopt;
  }
  // Cluster names come from the user's own clusters.json, but keep them to one path segment.
  std::string safe;
  for (char c : cluster) safe += (c == '/' || c == '\0') ? '_' : c;
  return base / "aurora" / ("jobs-" + safe + ".json");
}

std::optional<std::vector<std::string>> read_cache(const fs::path& file) {
  std::error_code ec;
  const auto written = fs::last_write_time(file, ec);
  if (ec || fs::file_time_type::clock::now() - written > kCacheLifetime) return std::nullopt;
  try {
    std::ifstream in(file);
    return nlohmann::json::parse(in).get<std::vector<std::string>>();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void write_cache(const fs::path& file, const std::vector<std::string>& jobs) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path temporary = file.string() + ".tmp";
  std::ofstream(temporary) << nlohmann::json(jobs).dump();
  fs::rename(temporary, file, ec);
}

}  // namespace

CompletionSources live_completion_sources(Context& context) {
  CompletionSources sources;
  sources.cluster_names = [&context]() -> std::vector<std::string> {
    try {
      return context.clusters().names();
    } catch (const std::exception&) {
      return {};
    }
  };
  sources.jobs_of_cluster = [&context](const std::string& name) -> std::vector<std::string> {
    const auto file = cache_file(name);
    if (file) {
      if (auto cached = read_cache(*file)) return *cached;
    }
    try {
      const auto* cluster = context.clusters().find(name);
      if (cluster == nullptr) return {};
      context.scheduler_access().adjust_options = [](api::SchedulerClientOptions& options) {
        options.max_wait = std::chrono::milliseconds(0);
        options.transport.connect_timeout = std::chrono::milliseconds(1000);
        options.transport.request_timeout = std::chrono::milliseconds(2000);
        options.warn = [](std::string_view) {};
      };
      const auto response = context.scheduler(*cluster).getJobs(std::nullopt);
      if (response.responseCode != gen::ResponseCode::OK) return {};
      std::vector<std::string> jobs;
      for (const auto& config : response.result.getJobsResult.configs) {
        jobs.push_back(config.key.role + "/" + config.key.environment + "/" + config.key.name);
      }
      if (file) write_cache(*file, jobs);
      return jobs;
    } catch (const std::exception&) {
      return {};
    }
  };
  return sources;
}

}  // namespace aurora::cli
