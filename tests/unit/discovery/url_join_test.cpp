#include "clusters/discovery/url_join.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using aurora::clusters::url_join;

TEST_CASE("scheduler_uri forms from the spec join with api as Python's urljoin does") {
  CHECK(url_join("http://h:8081", "api") == "http://h:8081/api");
  CHECK(url_join("http://h:8081/", "api") == "http://h:8081/api");
  CHECK(url_join("http://h:8081/some/path", "api") == "http://h:8081/some/api");
  CHECK(url_join("http://h/x/", "api") == "http://h/x/api");
  CHECK(url_join("http://h:8081?x=1", "api") == "http://h:8081/api");
}

TEST_CASE("display bases join with scheduler") {
  CHECK(url_join("http://127.0.0.1:18081", "scheduler") == "http://127.0.0.1:18081/scheduler");
  CHECK(url_join("https://proxy.example.com/aurora/", "scheduler") ==
        "https://proxy.example.com/aurora/scheduler");
}

TEST_CASE("an empty side yields the other side, like urljoin") {
  CHECK(url_join("", "api") == "api");
  CHECK(url_join("http://h:8081", "") == "http://h:8081");
}

TEST_CASE("RFC 3986 section 5.4.1 normal examples resolve as specified") {
  const std::string base = "http://a/b/c/d;p?q";
  const std::vector<std::pair<std::string, std::string>> examples = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const auto& [relative, expected] : examples) {
    CAPTURE(relative);
    CHECK(url_join(base, relative) == expected);
  }
}

TEST_CASE("RFC 3986 section 5.4.2 abnormal examples never climb above the root") {
  const std::string base = "http://a/b/c/d;p?q";
  CHECK(url_join(base, "../../../g") == "http://a/g");
  CHECK(url_join(base, "/./g") == "http://a/g");
  CHECK(url_join(base, "/../g") == "http://a/g");
  CHECK(url_join(base, "g.") == "http://a/b/c/g.");
  CHECK(url_join(base, "..g") == "http://a/b/c/..g");
  CHECK(url_join(base, "./g/.") == "http://a/b/c/g/");
  CHECK(url_join(base, "g/../h") == "http://a/b/c/h");
  CHECK(url_join(base, "g;x=1/../y") == "http://a/b/c/y");
}
