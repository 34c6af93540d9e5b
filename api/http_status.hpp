#pragma once
// Turns the scheduler's HTTP answer into the error a user sees, worded as upstream words it
// ("401 Client Error: Unauthorized for url: ..."), so scripts that match messages keep working.

#include <string>
#include <string_view>

#include "api/auth.hpp"

namespace aurora::api {

// The standard reason phrase for `status` ("Service Unavailable"), or "" when unknown.
std::string_view standard_reason_phrase(long status);

// "<status> Client Error: <reason> for url: <url>" (or "Server Error" for 5xx). `reason` is the
// server's own phrase when it sent one, else the standard phrase.
std::string describe_http_failure(long status, std::string_view reason, std::string_view url);

// Returns when `status` is 2xx. Throws Error(Auth) for 401 and 403, TransportError otherwise.
// `url` must already be free of credentials.
void throw_unless_success(long status, std::string_view reason, std::string_view url,
                          AuthMechanism mechanism);

}  // namespace aurora::api
