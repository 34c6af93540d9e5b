#pragma once
// How a request proves who sends it: netrc basic auth (upstream's default), SPNEGO for clusters
// with `auth_mechanism: KERBEROS`, or a bearer token. Values only, so api/ never sees a Cluster.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace aurora::api {

enum class AuthMechanism { Unauthenticated, Kerberos };

// "KERBEROS" selects SPNEGO; anything else is UNAUTHENTICATED, which is also upstream's fallback
// for names it does not know.
AuthMechanism parse_auth_mechanism(std::string_view name);

struct AuthSettings {
  AuthMechanism mechanism = AuthMechanism::Unauthenticated;
  // Basic-auth source for UNAUTHENTICATED; nullopt means default_netrc_path(). Ignored when a
  // bearer token is set or the mechanism is KERBEROS.
  std::optional<std::filesystem::path> netrc_file;
  // Sent as "Authorization: Bearer <token>" on every request (see resolve_bearer_token); when set
  // it replaces netrc and SPNEGO.
  std::optional<std::string> bearer_token;
};

// The token in $AURORA_TOKEN when set and non-empty, else the contents of `token_file` with
// surrounding whitespace removed, else nullopt. Throws Error(InvalidConfiguration) when a named
// token file cannot be read or is empty.
std::optional<std::string> resolve_bearer_token(
    const std::optional<std::filesystem::path>& token_file);

// True when the linked libcurl can do SPNEGO (Negotiate) authentication.
bool curl_supports_spnego();

// Throws Error(Auth) with a clear message when `settings` asks for something this build of
// libcurl cannot do.
void check_auth_supported(const AuthSettings& settings);

}  // namespace aurora::api
