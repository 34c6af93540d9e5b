#pragma once
// Scheduler basic auth is configured in ~/.netrc, which the upstream client reads (through
// python-requests) for every request; we read the same file the same way.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace aurora::api {

struct NetrcCredentials {
  std::string login;
  std::string password;
};

class Netrc {
 public:
  // Tokens are separated by whitespace; "quoted tokens" may contain spaces; `#` starts a comment
  // when it begins a token; `macdef` bodies (up to an empty line) are skipped. A later entry for
  // the same machine replaces an earlier one. Malformed input ends parsing quietly, keeping the
  // entries read so far, as requests ignores a netrc it cannot parse.
  static Netrc parse(std::string_view text);

  // nullopt when the file does not exist or cannot be read.
  static std::optional<Netrc> load(const std::filesystem::path& path);

  // The entry for `host` (a hostname, without port), else the `default` entry. A login that is
  // empty falls back to the account, as requests does.
  std::optional<NetrcCredentials> credentials_for(std::string_view host) const;

 private:
  struct Entry {
    std::string login;
    std::string account;
    std::string password;
  };
  std::map<std::string, Entry, std::less<>> machines_;
  std::optional<Entry> default_;
};

// $HOME/.netrc, else $HOME/_netrc (the first that exists); nullopt when neither does.
std::optional<std::filesystem::path> default_netrc_path();

}  // namespace aurora::api
