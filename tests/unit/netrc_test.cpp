#include <catch2/catch.hpp>

#include "creds/netrc.hpp"

using namespace dbcurl;

namespace {
// What libcurl 7.88.1 takes for host, as one line: "login:password @line", "-" for
// a missing login or password, "default" for a default entry, "none", or the error.
std::string lookup(std::string_view text, std::string_view host = "h",
                   const std::optional<std::string>& url_user = std::nullopt) {
  Result<std::optional<NetrcMatch>> match = netrc_lookup(text, host, url_user, "/n");
  if (!match) return "error " + match.error().message;
  if (!*match) return "none";
  const NetrcMatch& found = **match;
  return found.login.value_or("-") + ":" + (found.password ? std::string(found.password->view()) : "-") + " @" +
         std::to_string(found.line) + (found.by_default ? " default" : "");
}
}  // namespace

TEST_CASE("machine, login and password on one line or many") {
  const std::string text =
      "machine a.example login token password dapi1\n"
      "machine b.example\n  login alice\n  password \"pw with space\"\n";
  CHECK(lookup(text, "a.example") == "token:dapi1 @1");
  CHECK(lookup(text, "b.example") == "alice:pw with space @2");
  CHECK(lookup(text, "c.example") == "none");
}

TEST_CASE("host matching is case-insensitive, the first full entry wins, default matches the rest") {
  const std::string text =
      "machine H.example login first password 1\n"
      "machine h.example login second password 2\n"
      "default login anon password 3\n";
  CHECK(lookup(text, "h.EXAMPLE") == "first:1 @1");
  CHECK(lookup(text, "other") == "anon:3 @3 default");
}

TEST_CASE("an entry without a password: libcurl reads on, and keeps an empty password for its login") {
  CHECK(lookup("machine h login a\nmachine h login b password 2\n") == "b:2 @2");
  CHECK(lookup("machine h login a\n") == "a: @1");
  CHECK(lookup("machine h password p\n") == "-:p @1");
  CHECK(lookup("machine h account x\n") == "none");  // found, but nothing to take
  CHECK(lookup("default\n") == "none");
  // A later machine forgets the credentials but not that the login was ours.
  CHECK(lookup("machine h login a\nmachine h password p\n") == "-:p @2");
  CHECK(lookup("machine h login a\nmachine other login b password c\n") == "-: @1");
}

TEST_CASE("a user name in the URL selects the entry") {
  const std::string text = "machine h login alice password 1\nmachine h login bob password 2\n";
  CHECK(lookup(text, "h", "bob") == "bob:2 @2");
  CHECK(lookup(text, "h", "alice") == "alice:1 @1");
  CHECK(lookup(text, "h", "carol") == "carol:2 @2");  // no entry for carol: the last password read
}

TEST_CASE("keywords are case-insensitive; quoted words know escapes") {
  CHECK(lookup("MACHINE h LOGIN token PASSWORD \"a\\\"b\\tc\"\n") == "token:a\"b\tc @1");
  CHECK(lookup("machine h login token password \"a b\"x y\n") == "token:a b @1");  // the quote swallows 'x'
}

TEST_CASE("outside the host's entry words are skipped one at a time; inside it too") {
  CHECK(lookup("login machine h login token password p\n") == "token:p @1");
  CHECK(lookup("account machine h login token password p\n") == "token:p @1");
  CHECK(lookup("machine h account login token password p\n") == "token:p @1");
  CHECK(lookup("machine h login token unknown password p\n") == "token:p @1");
  // The word after "login" is the login, even a keyword.
  CHECK(lookup("machine h login machine password p\n") == "machine:p @1");
}

TEST_CASE("a token starting with # comments out the rest of the line") {
  CHECK(lookup("# machine h login token password p\nmachine h login token # password ignored\npassword real\n") ==
        "token:real @2");
}

TEST_CASE("macdef: its body is skipped to a line that starts with a line break, only outside the host's entry") {
  CHECK(lookup("macdef init\nmachine h login x password y\n\nmachine h login token password p\n") == "token:p @4");
  CHECK(lookup("macdef init\ncd /\n  \t\nmachine h login token password p\n") == "none");
  CHECK(lookup("macdef init\ncd /\n\r\nmachine h login token password p\n") == "token:p @4");
  CHECK(lookup("macdef init\ncd /\n\rmachine h login token password p\n") == "token:p @3");
  // In the host's entry "macdef" and its name are words like any unknown one: the body is read.
  CHECK(lookup("machine h macdef init\nlogin token password p\n") == "token:p @1");
  // An empty word after the macro's name (blanks or a CR before '\n') ends the macro on its own line.
  CHECK(lookup("macdef init \nmachine h login token password p\n") == "token:p @2");
  CHECK(lookup("macdef init\r\nmachine h login token password p\n") == "token:p @2");
}

TEST_CASE("a CR, or blanks, before a line's end make an empty word, as libcurl splits words") {
  CHECK(lookup("machine\r\nh login token password p\n") == "none");
  CHECK(lookup("machine \nh login token password p\n") == "none");
  CHECK(lookup("machine h\r\nlogin token\r\npassword p\r\n") == "token:p @1");
  CHECK(lookup("machine h login\r\ntoken password p\r\n") == ":p @1");
  CHECK(lookup("machine h login token password\r\np\r\n") == "token: @1");
}

TEST_CASE("an unterminated quote libcurl reaches is an error with file:line; one it never reaches is not") {
  CHECK(lookup("machine h\nlogin token password \"open\n") == "error /n:2: unterminated quoted string");
  CHECK(lookup("machine h login token password \"a\\\"\n") == "error /n:1: unterminated quoted string");
  CHECK(lookup("machine h login token password p\nmachine x password \"open\n") == "token:p @1");
  CHECK(lookup("machine x password \"open\nmachine h login token password p\n") ==
        "error /n:1: unterminated quoted string");
}

TEST_CASE("a line longer than libcurl reads (4094 bytes, a CR counted) is dropped, as libcurl drops it") {
  const auto line_of = [](std::size_t size, std::string_view end) {
    std::string line = "machine h login token password dapi1 #";
    line.resize(size - end.size(), 'x');
    return line + std::string(end);
  };
  for (const char* end : {"", "\r"}) {
    INFO("line end: " << (*end ? "CRLF" : "LF"));
    CHECK(lookup(line_of(4094, end) + "\n") == "token:dapi1 @1");
    CHECK(lookup(line_of(4095, end) + "\n") == "none");
    CHECK(lookup(line_of(4094, end)) == "token:dapi1 @1");  // the last line, no line break
    CHECK(lookup(line_of(4095, end)) == "none");
  }
  // The lines around a dropped one are read on: its 'machine' starts no entry.
  CHECK(lookup("machine h\n" + line_of(5000, "") + "\nlogin token password dapi2\n") == "token:dapi2 @1");
}

TEST_CASE("NUL bytes: libcurl reads a line up to its NUL, drops it with the next, and stops at a NUL it starts with") {
  using namespace std::string_literals;
  CHECK(lookup("machine h login token password p\0x\n"s) == "none");  // dropped, and the line after it
  CHECK(lookup("machine x\0\nmachine y\nmachine h login token password p\n"s) == "token:p @3");
  CHECK(lookup("machine h login token password p\0x"s) == "token:p @1");  // the last line: up to the NUL
  CHECK(lookup("\0\nmachine h login token password p\n"s) == "none");
  CHECK(lookup("machine h login token\n\0password p\n"s) == "token: @1");
}

TEST_CASE("the machine match: only an entry naming the host, never default") {
  CHECK(netrc_machine_match("machine h login token password p\n", "H", "/n")->login == std::string("token"));
  CHECK_FALSE(netrc_machine_match("default login token password p\n", "h", "/n"));
  CHECK_FALSE(netrc_machine_match("machine h password \"open\n", "h", "/n"));
}

TEST_CASE("netrc path: --netrc-file, then NETRC, then ~/.netrc") {
  MapEnvironment env;
  env.set("HOME", "/home/u");
  CHECK(netrc_path(std::nullopt, env) == "/home/u/.netrc");
  env.set("NETRC", "/etc/n");
  CHECK(netrc_path(std::nullopt, env) == "/etc/n");
  CHECK(netrc_path(std::string("/x"), env) == "/x");
}
