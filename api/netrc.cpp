#include "api/netrc.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace aurora::api {
namespace {

// Splits netrc text into tokens, dropping comments and macro bodies.
class NetrcTokenizer {
 public:
  explicit NetrcTokenizer(std::string_view text) : text_(text) {}

  std::optional<std::string> next() {
    while (true) {
      skip_whitespace();
      if (pos_ >= text_.size()) return std::nullopt;
      if (text_[pos_] == '#') {
        skip_to_end_of_line();
        continue;
      }
      return text_[pos_] == '"' ? quoted_token() : bare_token();
    }
  }

  // A macdef body runs from the line after `macdef NAME` to the first empty line.
  void skip_macro_body() {
    skip_to_end_of_line();
    while (pos_ < text_.size()) {
      const std::size_t line_end = text_.find('\n', pos_);
      const std::string_view line = text_.substr(pos_, line_end - pos_);
      pos_ = line_end == std::string_view::npos ? text_.size() : line_end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
    }
  }

 private:
  void skip_whitespace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  void skip_to_end_of_line() {
    const std::size_t line_end = text_.find('\n', pos_);
    pos_ = line_end == std::string_view::npos ? text_.size() : line_end + 1;
  }
  std::string bare_token() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }
  std::string quoted_token() {
    std::string token;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      token += text_[pos_++];
    }
    if (pos_ < text_.size()) ++pos_;  // closing quote
    return token;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<std::string> home_directory() {
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return home;
  if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_dir != nullptr) {
    return std::string(entry->pw_dir);
  }
  return std::nullopt;
}

}  // namespace

Netrc Netrc::parse(std::string_view text) {
  Netrc netrc;
  NetrcTokenizer tokens(text);
  // The entry being filled: a machine name, or nullopt for `default`.
  std::optional<std::string> machine;
  Entry entry;
  bool in_entry = false;
  auto finish_entry = [&] {
    if (!in_entry) return;
    if (machine) {
      netrc.machines_[*machine] = entry;
    } else {
      netrc.default_ = entry;
    }
    in_entry = false;
    entry = Entry{};
  };

  while (auto token = tokens.next()) {
    if (*token == "machine") {
      finish_entry();
      auto name = tokens.next();
      if (!name) break;
      machine = *name;
      in_entry = true;
    } else if (*token == "default") {
      finish_entry();
      machine.reset();
      in_entry = true;
    } else if (*token == "macdef") {
      finish_entry();
      tokens.next();  // macro name
      tokens.skip_macro_body();
    } else if (in_entry && (*token == "login" || *token == "user")) {
      auto value = tokens.next();
      if (!value) break;
      entry.login = *value;
    } else if (in_entry && *token == "account") {
      auto value = tokens.next();
      if (!value) break;
      entry.account = *value;
    } else if (in_entry && *token == "password") {
      auto value = tokens.next();
      if (!value) break;
      entry.password = *value;
    } else {
      // Unknown keyword or a value outside any entry: the file is malformed from here on.
      in_entry = false;
      break;
    }
  }
  finish_entry();
  return netrc;
}

std::optional<Netrc> Netrc::load(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream contents;
  contents << file.rdbuf();
  return parse(contents.str());
}

std::optional<NetrcCredentials> Netrc::credentials_for(std::string_view host) const {
  const Entry* entry = nullptr;
  if (auto found = machines_.find(host); found != machines_.end()) {
    entry = &found->second;
  } else if (default_) {
    entry = &*default_;
  }
  if (entry == nullptr) return std::nullopt;
  return NetrcCredentials{entry->login.empty() ? entry->account : entry->login, entry->password};
}

std::optional<std::filesystem::path> default_netrc_path() {
  const auto home = home_directory();
  if (!home) return std::nullopt;
  for (const char* name : {".netrc", "_netrc"}) {
    std::filesystem::path candidate = std::filesystem::path(*home) / name;
    std::error_code error;
    if (std::filesystem::exists(candidate, error)) return candidate;
  }
  return std::nullopt;
}

}  // namespace aurora::api
