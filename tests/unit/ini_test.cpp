#include <catch2/catch.hpp>

#include "creds/ini.hpp"

using namespace dbcurl;

namespace {
std::optional<std::string> value_of(const std::string& text, const std::string& section, const std::string& key) {
  Result<IniFile> file = parse_ini(text, "cfg");
  REQUIRE(file.ok());
  const IniSection* found = file->find(section);
  if (found == nullptr) return std::nullopt;
  return found->get(key);
}
}  // namespace

TEST_CASE("the Go SDK's INI dialect, value by value") {
  struct Case {
    const char* line;
    const char* expected;
  };
  const Case cases[] = {
      {"token = abc", "abc"},
      {"token=abc", "abc"},
      {"token : abc", "abc"},
      {"token = abc#def", "abc#def"},  // no space: not a comment
      {"token = abc;def", "abc;def"},
      {"token = abc # comment", "abc"},  // inline comment after a space
      {"token = abc ; comment", "abc"},
      {"password = \"%Y#X$Z\" # comment", "%Y#X$Z"},
      {"token = \"quoted\"", "quoted"},
      {"token = 'single'", "single"},
      {"token = \"a\"b\"", "\"a\"b\""},  // three quotes: left alone
      {"token =", ""},
      {"token = a = b", "a = b"},  // first delimiter splits
      {"token = https://host:443/x", "https://host:443/x"},
      {"  token   =   spaced   ", "spaced"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    CHECK(value_of(std::string("[p]\n") + c.line + "\n", "p", "token")
              .value_or(value_of(std::string("[p]\n") + c.line + "\n", "p", "password").value_or("<none>")) ==
          c.expected);
  }
}

TEST_CASE("comments, sections and case") {
  const std::string text =
      "# comment\n"
      "; another\n"
      "   # indented comment\n"
      "[DEFAULT]\n"
      "host = h1\n"
      "[Prod]\n"
      "Token = t1\n"
      "token = t2\n";
  CHECK(value_of(text, "DEFAULT", "host") == std::string("h1"));
  CHECK(value_of(text, "Prod", "Token") == std::string("t1"));
  CHECK(value_of(text, "Prod", "token") == std::string("t2"));
  CHECK_FALSE(value_of(text, "prod", "token").has_value());  // section names are case-sensitive
}

TEST_CASE("duplicate keys: the last wins; duplicate sections merge") {
  const std::string text = "[a]\nk = 1\nk = 2\n[b]\nx = y\n[a]\nj = 3\n";
  CHECK(value_of(text, "a", "k") == std::string("2"));
  CHECK(value_of(text, "a", "j") == std::string("3"));
}

TEST_CASE("keys before any section belong to DEFAULT") {
  CHECK(value_of("host = h\n[p]\nx = 1\n", "DEFAULT", "host") == std::string("h"));
}

TEST_CASE("a trailing backslash continues the value") {
  CHECK(value_of("[p]\ntoken = abc\\\n   def\\\n  ghi\nnext = 1\n", "p", "token") == std::string("abcdefghi"));
  CHECK(value_of("[p]\ntoken = abc\\\n   def\\\n  ghi\nnext = 1\n", "p", "next") == std::string("1"));
}

TEST_CASE("CRLF line ends and a BOM are accepted") {
  CHECK(value_of("\xEF\xBB\xBF[p]\r\ntoken = abc\r\n", "p", "token") == std::string("abc"));
}

TEST_CASE("malformed lines are errors with file:line") {
  Result<IniFile> no_delimiter = parse_ini("[p]\nhost = h\njust words\n", "/home/u/.databrickscfg");
  REQUIRE_FALSE(no_delimiter.ok());
  CHECK(no_delimiter.error().message == "/home/u/.databrickscfg:3: no '=' after the key (write key = value)");
  CHECK(no_delimiter.error().exit_code == 102);
  Result<IniFile> unclosed = parse_ini("[p\n", "cfg");
  REQUIRE_FALSE(unclosed.ok());
  CHECK(unclosed.error().message == "cfg:1: no ']' closes the section name (write [NAME])");
  Result<IniFile> no_key = parse_ini("[p]\n= value\n", "cfg");
  REQUIRE_FALSE(no_key.ok());
  CHECK(no_key.error().message == "cfg:2: no key before the '=' (write key = value)");
}

// A value not shaped like a PAT: only the parser's wording keeps it out.
TEST_CASE("a malformed line's text is never in the message: it may be a secret") {
  const std::string secret = "opq5ca1ab1eQZXWcanaryJKVY5ca1ab1e";
  for (const std::string& line : {"client_secret " + secret, "[" + secret, "= " + secret, "  " + secret + "  "}) {
    INFO(line);
    Result<IniFile> file = parse_ini("[unused]\n" + line + "\n", "cfg");
    REQUIRE_FALSE(file.ok());
    CHECK(file.error().message.starts_with("cfg:2: "));
    CHECK(file.error().message.find("5ca1ab1e") == std::string::npos);
    CHECK(file.error().hint.find("5ca1ab1e") == std::string::npos);
  }
}

TEST_CASE("INI: a NUL byte is an error with file:line") {
  Result<IniFile> file = parse_ini(std::string_view("[p]\nhost = a\0b\n", 14), "cfg");
  REQUIRE_FALSE(file.ok());
  CHECK(file.error().message == "cfg:2: NUL byte in line");
}
