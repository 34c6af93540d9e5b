#include "clusters/discovery/display_urls.hpp"

#include <doctest/doctest.h>

#include "errors/error.hpp"

using namespace aurora::clusters;

TEST_CASE("job and update pages follow the scheduler's web UI layout") {
  CHECK(job_page_url("http://127.0.0.1:18081", "www-data", "prod", "hello") ==
        "http://127.0.0.1:18081/scheduler/www-data/prod/hello");
  CHECK(update_page_url("http://127.0.0.1:18081", "www-data", "prod", "hello", "upd-123") ==
        "http://127.0.0.1:18081/scheduler/www-data/prod/hello/update/upd-123");
}

TEST_CASE("a proxy base with a path keeps its path") {
  CHECK(job_page_url("https://proxy.example.com/aurora/", "r", "e", "j") ==
        "https://proxy.example.com/aurora/scheduler/r/e/j");
  CHECK(job_page_url("http://h:8081/some/path", "r", "e", "j") ==
        "http://h:8081/some/scheduler/r/e/j");
}

TEST_CASE("job open pages for a cluster, a role, and a role and env") {
  CHECK(scheduler_page_url("http://h:8081", {}) == "http://h:8081/scheduler");
  CHECK(scheduler_page_url("http://h:8081", {.role = "www-data"}) ==
        "http://h:8081/scheduler/www-data");
  CHECK(scheduler_page_url("http://h:8081", {.role = "www-data", .env = "prod"}) ==
        "http://h:8081/scheduler/www-data/prod");
}

TEST_CASE("an env without a role is rejected with upstream's message") {
  try {
    scheduler_page_url("http://h:8081", {.env = "prod"});
    FAIL("no error");
  } catch (const aurora::Error& error) {
    CHECK(std::string(error.what()) == "If env specified, must specify role");
    CHECK(error.kind() == aurora::ErrorKind::InvalidParameter);
  }
  CHECK_THROWS_AS(scheduler_page_url("h", {.role = "r", .job = "j"}), aurora::Error);
}
