#include "api/auth.hpp"

#include <curl/curl.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "api/http_text.hpp"
#include "errors/error.hpp"

namespace aurora::api {

AuthMechanism parse_auth_mechanism(std::string_view name) {
  return name == "KERBEROS" ? AuthMechanism::Kerberos : AuthMechanism::Unauthenticated;
}

std::optional<std::string> resolve_bearer_token(
    const std::optional<std::filesystem::path>& token_file) {
  if (const char* from_env = std::getenv("AURORA_TOKEN"); from_env != nullptr) {
    std::string token = trim_whitespace(from_env);
    if (!token.empty()) return token;
  }
  if (!token_file) return std::nullopt;
  std::ifstream file(*token_file, std::ios::binary);
  if (!file) {
    throw Error(ErrorKind::InvalidConfiguration,
                "Cannot read the scheduler token file " + token_file->string());
  }
  std::ostringstream contents;
  contents << file.rdbuf();
  std::string token = trim_whitespace(contents.str());
  if (token.empty()) {
    throw Error(ErrorKind::InvalidConfiguration,
                "The scheduler token file " + token_file->string() + " is empty");
  }
  return token;
}

bool curl_supports_spnego() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  return info != nullptr && (info->features & CURL_VERSION_SPNEGO) != 0;
}

void check_auth_supported(const AuthSettings& settings) {
  if (settings.mechanism == AuthMechanism::Kerberos && !settings.bearer_token &&
      !curl_supports_spnego()) {
    throw Error(ErrorKind::Auth,
                "auth_mechanism KERBEROS needs SPNEGO, and the libcurl this client uses was "
                "built without it (see `curl --version`, feature SPNEGO)");
  }
}

}  // namespace aurora::api
