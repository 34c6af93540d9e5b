#include "clusters/discovery/display_urls.hpp"

#include "clusters/discovery/url_join.hpp"
#include "errors/error.hpp"

namespace aurora::clusters {
namespace {

void require(bool present, const char* part, const char* predecessor) {
  if (!present) {
    throw Error(ErrorKind::InvalidParameter,
                std::string("If ") + part + " specified, must specify " + predecessor);
  }
}

}  // namespace

std::string scheduler_page_url(std::string_view display_base_url, const SchedulerPagePath& path) {
  if (path.env) require(path.role.has_value(), "env", "role");
  if (path.job) require(path.env.has_value(), "job", "env");
  if (path.update_id) require(path.job.has_value(), "update", "job");

  std::string url = url_join(display_base_url, "scheduler");
  if (path.role) url += "/" + *path.role;
  if (path.env) url += "/" + *path.env;
  if (path.job) url += "/" + *path.job;
  if (path.update_id) url += "/update/" + *path.update_id;
  return url;
}

std::string job_page_url(std::string_view display_base_url, std::string_view role,
                         std::string_view env, std::string_view job) {
  return scheduler_page_url(display_base_url,
                            {std::string(role), std::string(env), std::string(job), std::nullopt});
}

std::string update_page_url(std::string_view display_base_url, std::string_view role,
                            std::string_view env, std::string_view job,
                            std::string_view update_id) {
  return scheduler_page_url(display_base_url, {std::string(role), std::string(env),
                                               std::string(job), std::string(update_id)});
}

}  // namespace aurora::clusters
