#include "api/netrc.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using aurora::api::Netrc;

TEST_CASE("netrc gives the login and password of the machine that matches the host") {
  const Netrc netrc = Netrc::parse(
      "machine scheduler.example.com login alice password s3cret\n"
      "machine other.example.com login bob password hunter2\n");
  const auto credentials = netrc.credentials_for("scheduler.example.com");
  REQUIRE(credentials);
  CHECK(credentials->login == "alice");
  CHECK(credentials->password == "s3cret");
  CHECK(netrc.credentials_for("other.example.com")->login == "bob");
}

TEST_CASE("netrc entries may span lines and use `user` for `login`") {
  const Netrc netrc = Netrc::parse(
      "machine h\n"
      "  user carol\n"
      "  password pw\n");
  CHECK(netrc.credentials_for("h")->login == "carol");
  CHECK(netrc.credentials_for("h")->password == "pw");
}

TEST_CASE("netrc falls back to the default entry for unknown hosts") {
  const Netrc netrc = Netrc::parse("machine a login x password y\ndefault login anon password pw\n");
  CHECK(netrc.credentials_for("a")->login == "x");
  CHECK(netrc.credentials_for("b")->login == "anon");
}

TEST_CASE("netrc without a default entry has nothing for unknown hosts") {
  const Netrc netrc = Netrc::parse("machine a login x password y\n");
  CHECK_FALSE(netrc.credentials_for("b"));
  CHECK_FALSE(Netrc::parse("").credentials_for("a"));
}

TEST_CASE("netrc matches the host name exactly, without port") {
  const Netrc netrc = Netrc::parse("machine 127.0.0.1 login x password y\n");
  CHECK(netrc.credentials_for("127.0.0.1"));
  CHECK_FALSE(netrc.credentials_for("127.0.0.1:8081"));
  CHECK_FALSE(netrc.credentials_for("127.0.0.10"));
}

TEST_CASE("a later netrc entry for the same machine replaces the earlier one") {
  const Netrc netrc =
      Netrc::parse("machine h login first password one\nmachine h login second password two\n");
  CHECK(netrc.credentials_for("h")->login == "second");
  CHECK(netrc.credentials_for("h")->password == "two");
}

TEST_CASE("netrc comments and macdef bodies are skipped") {
  const Netrc netrc = Netrc::parse(
      "# a comment line machine evil login e password e\n"
      "macdef init\n"
      "machine inside login m password m\n"
      "cd /tmp\n"
      "\n"
      "machine h login x password y # trailing comment\n");
  CHECK_FALSE(netrc.credentials_for("evil"));
  CHECK_FALSE(netrc.credentials_for("inside"));
  CHECK(netrc.credentials_for("h")->password == "y");
}

TEST_CASE("netrc quoted tokens may contain spaces") {
  const Netrc netrc = Netrc::parse("machine h login \"a user\" password \"pass word\"\n");
  CHECK(netrc.credentials_for("h")->login == "a user");
  CHECK(netrc.credentials_for("h")->password == "pass word");
}

TEST_CASE("netrc login falls back to the account when empty, as requests does") {
  const Netrc netrc = Netrc::parse("machine h account acct password pw\n");
  CHECK(netrc.credentials_for("h")->login == "acct");
}

TEST_CASE("a malformed netrc keeps the entries before the damage") {
  const Netrc netrc = Netrc::parse("machine a login x password y\nmachine b login z bogus q\n");
  CHECK(netrc.credentials_for("a")->login == "x");
  CHECK_FALSE(netrc.credentials_for("b"));
}

TEST_CASE("loading a netrc that does not exist gives nothing") {
  CHECK_FALSE(Netrc::load("/nonexistent/aurora-test/.netrc"));
}

TEST_CASE("the default netrc lives in HOME") {
  const auto home = std::filesystem::temp_directory_path() / "aurora-netrc-home-test";
  std::filesystem::create_directories(home);
  std::ofstream(home / ".netrc") << "machine h login x password y\n";
  const char* saved = std::getenv("HOME");
  const std::string saved_home = saved ? saved : "";
  setenv("HOME", home.c_str(), 1);
  const auto path = aurora::api::default_netrc_path();
  if (saved) setenv("HOME", saved_home.c_str(), 1);
  REQUIRE(path);
  CHECK(*path == home / ".netrc");
  CHECK(Netrc::load(*path)->credentials_for("h")->login == "x");
  std::filesystem::remove_all(home);
}
