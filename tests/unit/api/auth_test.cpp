#include "api/auth.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "errors/error.hpp"

using aurora::api::AuthMechanism;
using aurora::api::parse_auth_mechanism;
using aurora::api::resolve_bearer_token;

namespace {

// Sets or clears AURORA_TOKEN for one test and restores it afterwards.
class ScopedTokenVariable {
 public:
  explicit ScopedTokenVariable(const char* value) {
    if (const char* old = std::getenv("AURORA_TOKEN")) saved_ = old;
    if (value) {
      setenv("AURORA_TOKEN", value, 1);
    } else {
      unsetenv("AURORA_TOKEN");
    }
  }
  ~ScopedTokenVariable() {
    if (saved_) {
      setenv("AURORA_TOKEN", saved_->c_str(), 1);
    } else {
      unsetenv("AURORA_TOKEN");
    }
  }

 private:
  std::optional<std::string> saved_;
};

std::filesystem::path write_temp_file(const std::string& name, const std::string& contents) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << contents;
  return path;
}

}  // namespace

TEST_CASE("KERBEROS selects SPNEGO and every other mechanism name means unauthenticated") {
  CHECK(parse_auth_mechanism("KERBEROS") == AuthMechanism::Kerberos);
  CHECK(parse_auth_mechanism("UNAUTHENTICATED") == AuthMechanism::Unauthenticated);
  CHECK(parse_auth_mechanism("SOMETHING_ELSE") == AuthMechanism::Unauthenticated);
}

TEST_CASE("the AURORA_TOKEN variable wins over a token file") {
  ScopedTokenVariable token("from-env\n");
  const auto file = write_temp_file("aurora-token-test-1", "from-file\n");
  CHECK(resolve_bearer_token(file) == "from-env");
  std::filesystem::remove(file);
}

TEST_CASE("the token file is read and trimmed when AURORA_TOKEN is unset") {
  ScopedTokenVariable token(nullptr);
  const auto file = write_temp_file("aurora-token-test-2", "  abc.def\n");
  CHECK(resolve_bearer_token(file) == "abc.def");
  CHECK_FALSE(resolve_bearer_token(std::nullopt));
  std::filesystem::remove(file);
}

TEST_CASE("a named token file that is missing or empty is a configuration error") {
  ScopedTokenVariable token(nullptr);
  const auto empty = write_temp_file("aurora-token-test-3", "\n");
  for (const auto& path : {empty, std::filesystem::path("/nonexistent/aurora-token")}) {
    try {
      resolve_bearer_token(path);
      FAIL("expected an error");
    } catch (const aurora::Error& error) {
      CHECK(error.kind() == aurora::ErrorKind::InvalidConfiguration);
    }
  }
  std::filesystem::remove(empty);
}

TEST_CASE("SPNEGO support is either present or reported with a clear auth error") {
  aurora::api::AuthSettings settings;
  settings.mechanism = AuthMechanism::Kerberos;
  if (aurora::api::curl_supports_spnego()) {
    CHECK_NOTHROW(aurora::api::check_auth_supported(settings));
  } else {
    CHECK_THROWS_AS(aurora::api::check_auth_supported(settings), aurora::Error);
  }
}
