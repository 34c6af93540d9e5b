#pragma once
// The scheduler client retries idempotent calls on transport failures and fails others at once
// (exit 7), so those failures need their own type, apart from auth (30) and API (10) errors.

#include <string>

#include "errors/error.hpp"

namespace aurora::api {

// No usable HTTP answer: connection refused, DNS, TLS, timeout, or a status other than 2xx, 401
// and 403 (503 means the scheduler has no leader yet). Uncaught, it maps to exit 7.
class TransportError : public Error {
 public:
  TransportError(const std::string& message, long http_status, bool timed_out,
                 bool request_sent = false)
      : Error(ErrorKind::Network, message),
        http_status_(http_status),
        timed_out_(timed_out),
        request_sent_(request_sent) {}

  // The HTTP status of the failing answer, or 0 when there was none.
  long http_status() const { return http_status_; }
  // No answer came within the request timeout.
  bool timed_out() const { return timed_out_; }
  bool scheduler_has_no_leader() const { return http_status_ == 503; }
  // The request went out but no answer came back (timeout, dropped or cut-off connection): the
  // scheduler may have acted on it. False when the connection failed or an error status came back.
  bool may_have_been_applied() const { return http_status_ == 0 && request_sent_; }
  // The connection could not even be made: the scheduler never saw the request.
  bool never_sent() const { return http_status_ == 0 && !request_sent_; }

 private:
  long http_status_;
  bool timed_out_;
  bool request_sent_;
};

}  // namespace aurora::api
