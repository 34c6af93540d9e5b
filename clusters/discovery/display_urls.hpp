#pragma once
// Links into the scheduler's web UI that verbs print (job pages, update pages, `job open`).

#include <optional>
#include <string>
#include <string_view>

namespace aurora::clusters {

// The parts of a web UI path; each needs the one before it (role → env → job → update).
struct SchedulerPagePath {
  std::optional<std::string> role = std::nullopt;
  std::optional<std::string> env = std::nullopt;
  std::optional<std::string> job = std::nullopt;
  std::optional<std::string> update_id = std::nullopt;
};

// url_join(base, "scheduler") followed by "/role/env/job/update/<id>" for the parts present.
// Throws Error(InvalidParameter) for a part without its predecessor ("If env specified, must
// specify role", upstream's wording).
std::string scheduler_page_url(std::string_view display_base_url, const SchedulerPagePath& path);

// <base>/scheduler/<role>/<env>/<job>
std::string job_page_url(std::string_view display_base_url, std::string_view role,
                         std::string_view env, std::string_view job);

// <base>/scheduler/<role>/<env>/<job>/update/<update_id>
std::string update_page_url(std::string_view display_base_url, std::string_view role,
                            std::string_view env, std::string_view job, std::string_view update_id);

}  // namespace aurora::clusters
