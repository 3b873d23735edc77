#include <catch2/catch.hpp>

#include "creds/netrc.hpp"

using namespace dbcurl;

namespace {
std::vector<NetrcEntry> parse_ok(std::string_view text) {
  Result<std::vector<NetrcEntry>> entries = parse_netrc(text, "netrc");
  REQUIRE(entries.ok());
  return std::move(*entries);
}
}  // namespace

TEST_CASE("machine, login and password on one line or many") {
  auto entries = parse_ok(
      "machine a.example login token password dapi1\n"
      "machine b.example\n  login alice\n  password \"pw with space\"\n");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].machine == "a.example");
  CHECK(entries[0].login == std::string("token"));
  CHECK(entries[0].password->view() == "dapi1");
  CHECK(entries[1].password->view() == "pw with space");
  CHECK(entries[1].line == 2);
}

TEST_CASE("host matching is case-insensitive, first match wins, default matches the rest") {
  auto entries = parse_ok(
      "machine H.example login first password 1\n"
      "machine h.example login second password 2\n"
      "default login anon password 3\n");
  CHECK(find_netrc_entry(entries, "h.EXAMPLE")->login == std::string("first"));
  CHECK(find_netrc_entry(entries, "other")->is_default);
}

TEST_CASE("no default: no match") {
  auto entries = parse_ok("machine a login token password x\n");
  CHECK(find_netrc_entry(entries, "b") == nullptr);
}

TEST_CASE("keywords are case-insensitive; quoted values know escapes") {
  auto entries = parse_ok("MACHINE h LOGIN token PASSWORD \"a\\\"b\\tc\"\n");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].password->view() == "a\"b\tc");
}

TEST_CASE("a token starting with # comments out the rest of the line") {
  auto entries =
      parse_ok("# machine x login token password p\nmachine h login token # password ignored\npassword real\n");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].machine == "h");
  CHECK(entries[0].password->view() == "real");
}

TEST_CASE("macdef bodies are skipped to the next empty line") {
  auto entries = parse_ok("macdef init\nmachine fake login x password y\n\nmachine h login token password p\n");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].machine == "h");
}

TEST_CASE("a macdef body ends only at a line that starts with a line break, as libcurl reads it") {
  CHECK(parse_ok("macdef init\ncd /\n  \t\nmachine h login token password p\n").empty());
  CHECK(parse_ok("macdef init\ncd /\n\r\nmachine h login token password p\n").size() == 1);
  CHECK(parse_ok("macdef init\ncd /\n\rmachine h login token password p\n").size() == 1);
}

TEST_CASE("account is accepted and ignored") {
  auto entries = parse_ok("machine h login token account acct password p\n");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].password->view() == "p");
}

TEST_CASE("an unterminated quote is an error with file:line") {
  Result<std::vector<NetrcEntry>> entries = parse_netrc("machine h\nlogin token password \"open\n", "/n");
  REQUIRE_FALSE(entries.ok());
  CHECK(entries.error().message == "/n:2: unterminated quoted string");
}

TEST_CASE("a keyword without its value is named; a lone word that is no keyword is not printed") {
  Result<std::vector<NetrcEntry>> keyword = parse_netrc("machine h login token password\n", "/n");
  REQUIRE_FALSE(keyword.ok());
  CHECK(keyword.error().message == "/n:1: 'password' needs a value");
  // "password" forgotten: the secret is read as an unknown keyword taking "password", then "p" is left alone.
  const std::string secret = "opq5ca1ab1eQZXWcanaryJKVY5ca1ab1e";
  for (const std::string& text :
       {"machine h login token\n" + secret + "\n", "machine h login token x password\n" + secret + "\n"}) {
    INFO(text);
    Result<std::vector<NetrcEntry>> entries = parse_netrc(text, "/n");
    REQUIRE_FALSE(entries.ok());
    CHECK(entries.error().message == "/n:2: a word without its keyword at the end of the file");
  }
}

TEST_CASE("a line longer than libcurl reads (4094 bytes, a CR counted) is dropped, as libcurl drops it") {
  const auto line_of = [](std::size_t size, std::string_view end) {
    std::string line = "machine h.example login token password dapi1 #";
    line.resize(size - end.size(), 'x');
    return line + std::string(end);
  };
  for (const char* end : {"", "\r"}) {
    INFO("line end: " << (*end ? "CRLF" : "LF"));
    CHECK(parse_ok(line_of(4094, end) + "\n").size() == 1);
    CHECK(parse_ok(line_of(4095, end) + "\n").empty());
    CHECK(parse_ok(line_of(4094, end)).size() == 1);  // the last line, no line break
    CHECK(parse_ok(line_of(4095, end)).empty());
  }
  // The lines around a dropped one are read on: its 'machine' starts no entry.
  auto entries = parse_ok("machine a.example\n" + line_of(5000, "") + "\nlogin token password dapi2\n");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].machine == "a.example");
  CHECK(entries[0].password->view() == "dapi2");
  CHECK(entries[0].line == 1);
}

TEST_CASE("netrc path: --netrc-file, then NETRC, then ~/.netrc") {
  MapEnvironment env;
  env.set("HOME", "/home/u");
  CHECK(netrc_path(std::nullopt, env) == "/home/u/.netrc");
  env.set("NETRC", "/etc/n");
  CHECK(netrc_path(std::nullopt, env) == "/etc/n");
  CHECK(netrc_path(std::string("/x"), env) == "/x");
}

TEST_CASE("netrc: a NUL byte is an error with file:line") {
  Result<std::vector<NetrcEntry>> entries = parse_netrc(std::string_view("machine h\nlogin\0x\n", 18), "/n");
  REQUIRE_FALSE(entries.ok());
  CHECK(entries.error().message == "/n:2: NUL byte in line");
}
