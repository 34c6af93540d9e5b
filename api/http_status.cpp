#include "api/http_status.hpp"

#include "api/transport_error.hpp"
#include "errors/error.hpp"

namespace aurora::api {

std::string_view standard_reason_phrase(long status) {
  switch (status) {
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

std::string describe_http_failure(long status, std::string_view reason, std::string_view url) {
  const std::string_view kind = status >= 500 ? "Server Error" : "Client Error";
  const std::string_view phrase = reason.empty() ? standard_reason_phrase(status) : reason;
  return std::to_string(status) + " " + std::string(kind) + ": " + std::string(phrase) +
         " for url: " + std::string(url);
}

void throw_unless_success(long status, std::string_view reason, std::string_view url,
                          AuthMechanism mechanism) {
  if (status >= 200 && status < 300) return;
  const std::string failure = describe_http_failure(status, reason, url);
  if (status == 401 || status == 403) {
    std::string message = failure;
    if (mechanism == AuthMechanism::Kerberos) {
      message += " (Communication with Aurora scheduler is kerberized. Did you forget to run "
                 "\"kinit\"?)";
    }
    throw Error(ErrorKind::Auth, message);
  }
  throw TransportError("Unknown error talking to " + std::string(url) + ": " + failure, status,
                       /*timed_out=*/false);
}

}  // namespace aurora::api
