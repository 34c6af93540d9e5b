#include "api/http_status.hpp"

#include <doctest/doctest.h>

#include "api/transport_error.hpp"
#include "errors/error.hpp"

using aurora::api::AuthMechanism;
using aurora::api::throw_unless_success;

TEST_CASE("HTTP failures are worded as upstream words them") {
  CHECK(aurora::api::describe_http_failure(401, "", "http://h:1/api") ==
        "401 Client Error: Unauthorized for url: http://h:1/api");
  CHECK(aurora::api::describe_http_failure(500, "Boom", "http://h:1/api") ==
        "500 Server Error: Boom for url: http://h:1/api");
}

TEST_CASE("2xx statuses are success") {
  CHECK_NOTHROW(throw_unless_success(200, "OK", "u", AuthMechanism::Unauthenticated));
  CHECK_NOTHROW(throw_unless_success(204, "", "u", AuthMechanism::Unauthenticated));
}

TEST_CASE("401 and 403 are auth errors (exit 30), never transport errors") {
  for (long status : {401L, 403L}) {
    try {
      throw_unless_success(status, "", "http://h/api", AuthMechanism::Unauthenticated);
      FAIL("expected an error");
    } catch (const aurora::api::TransportError&) {
      FAIL("auth failures must not be retryable transport errors");
    } catch (const aurora::Error& error) {
      CHECK(error.kind() == aurora::ErrorKind::Auth);
    }
  }
}

TEST_CASE("a kerberized 401 reminds the user to kinit") {
  try {
    throw_unless_success(401, "", "http://h/api", AuthMechanism::Kerberos);
    FAIL("expected an error");
  } catch (const aurora::Error& error) {
    CHECK(std::string(error.what()).find("kinit") != std::string::npos);
  }
}

TEST_CASE("503 is a retryable transport error meaning no leader") {
  try {
    throw_unless_success(503, "Service Unavailable", "http://h/api",
                         AuthMechanism::Unauthenticated);
    FAIL("expected an error");
  } catch (const aurora::api::TransportError& error) {
    CHECK(error.kind() == aurora::ErrorKind::Network);
    CHECK(error.http_status() == 503);
    CHECK(error.scheduler_has_no_leader());
    CHECK_FALSE(error.timed_out());
    CHECK(std::string(error.what()) ==
          "Unknown error talking to http://h/api: 503 Server Error: Service Unavailable for url: "
          "http://h/api");
  }
}
