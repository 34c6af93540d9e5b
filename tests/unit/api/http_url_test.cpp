#include <doctest/doctest.h>

#include "api/http_url.hpp"

using aurora::api::HttpUrl;
using aurora::api::resolve_location;
using aurora::api::url_without_credentials;

TEST_CASE("a scheduler URL is split into scheme, host, port and target") {
  const auto url = HttpUrl::parse("HTTP://Scheduler.example.com:8081/api?x=1#frag");
  REQUIRE(url);
  CHECK(url->scheme == "http");
  CHECK(url->host == "Scheduler.example.com");
  CHECK(url->port == 8081);
  CHECK(url->target == "/api?x=1");
  CHECK(url->authority() == "Scheduler.example.com:8081");
}

TEST_CASE("missing ports and paths take the scheme's defaults") {
  CHECK(HttpUrl::parse("http://h")->port == 80);
  CHECK(HttpUrl::parse("https://h")->port == 443);
  CHECK(HttpUrl::parse("http://h")->target == "/");
  CHECK(HttpUrl::parse("http://h?q")->target == "/?q");
}

TEST_CASE("IPv6 literals lose their brackets, and credentials are kept apart") {
  const auto url = HttpUrl::parse("http://user:p%40ss@[::1]:8081/api");
  REQUIRE(url);
  CHECK(url->host == "::1");
  CHECK(url->userinfo == "user:p%40ss");
  CHECK(url->authority() == "[::1]:8081");
}

TEST_CASE("URLs that are not absolute http(s) URLs with a host are refused") {
  for (const char* text : {"ftp://h/", "h:8081/api", "http:///api", "http://h:0/", "http://h:65536/",
                           "http://h:80x/", "http://[::1/", "http://[::1]x/"}) {
    CAPTURE(text);
    CHECK_FALSE(HttpUrl::parse(text));
  }
}

TEST_CASE("credentials are removed from URLs shown to the user") {
  CHECK(url_without_credentials("http://user:secret@h:8081/api") == "http://h:8081/api");
  CHECK(url_without_credentials("http://h:8081/a@b") == "http://h:8081/a@b");
  CHECK(url_without_credentials("not a url") == "not a url");
}

TEST_CASE("redirect locations are resolved against the URL that answered") {
  const std::string base = "http://a:1/x/api?q";
  CHECK(resolve_location(base, "http://b:2/api") == "http://b:2/api");
  CHECK(resolve_location(base, "/leader/api") == "http://a:1/leader/api");
  CHECK(resolve_location(base, "//b:2/api") == "http://b:2/api");
  CHECK(resolve_location(base, "other") == "http://a:1/x/other");
}
