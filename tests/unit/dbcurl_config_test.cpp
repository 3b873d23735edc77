#include <catch2/catch.hpp>

#include "creds/dbcurl_config.hpp"
#include "temp_home.hpp"

using namespace dbcurl;

namespace {
Error config_error(std::string_view text) {
  Result<std::optional<DbcurlConfig>> config = parse_dbcurl_config(text, "/c.toml");
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().exit_code == 102);
  return config.error();
}
}  // namespace

TEST_CASE("config.toml: the documented schema") {
  Result<std::optional<DbcurlConfig>> parsed = parse_dbcurl_config(
      "default_profile = \"prod\"\n"
      "[profiles.prod]\n"
      "host = \"https://adb-1.2.azuredatabricks.net\"\n"
      "token_command = [\"keyring\", \"get\", \"databricks\", \"prod\"]\n"
      "token_timeout = 10\n"
      "[hosts.\"dbc-a1b2.cloud.databricks.com\"]\n"
      "token_command = [\"secret-tool\", \"lookup\", \"service\", \"databricks\", \"username\", \"me\"]\n",
      "/c.toml");
  REQUIRE(parsed.ok());
  const DbcurlConfig& config = **parsed;
  CHECK(config.default_profile == std::string("prod"));
  const DbcurlProfile* prod = config.profile("prod");
  REQUIRE(prod != nullptr);
  CHECK(prod->host == std::string("https://adb-1.2.azuredatabricks.net"));
  CHECK(prod->token_command->argv == std::vector<std::string>{"keyring", "get", "databricks", "prod"});
  CHECK(prod->token_command->timeout == std::chrono::seconds(10));
  CHECK(prod->token_command->origin == "/c.toml:4");
  const DbcurlHost* host = config.host(*normalize_host("dbc-a1b2.cloud.databricks.com"));
  REQUIRE(host != nullptr);
  CHECK(host->token_command.timeout == std::chrono::seconds(30));
  CHECK(host->token_command.argv.front() == "secret-tool");
}

TEST_CASE("config.toml: unknown keys, wrong types and bad TOML name file:line:column") {
  CHECK(config_error("colour = \"blue\"\n").message == "/c.toml:1:1: a key dbcurl does not know");
  CHECK(config_error("[profiles.p]\nhost = \"h\"\ntoken = \"dapi\"\n").message ==
        "/c.toml:3:1: unknown key 'token' in [profiles.p]");
  CHECK(config_error("[profiles.p]\ntoken_command = \"keyring get x y\"\n")
            .message.starts_with("/c.toml:2:17: 'token_command' must be a non-empty array of strings"));
  CHECK(config_error("[profiles.p]\ntoken_command = [\"a\", 1]\n").message ==
        "/c.toml:2:23: 'token_command' must be an array of strings");
  CHECK(config_error("[profiles.p]\ntoken_timeout = \"10\"\n").message.starts_with("/c.toml:2:17: 'token_timeout'"));
  CHECK(config_error("[profiles.p]\ntoken_timeout = 0\n").message.starts_with("/c.toml:2:17: 'token_timeout'"));
  CHECK(config_error("default_profile = 3\n").message == "/c.toml:1:19: 'default_profile' must be a string");
  CHECK(config_error("[hosts.\"h.example\"]\ntoken_timeout = 5\n").message.find("needs a token_command") !=
        std::string::npos);
  CHECK(config_error("profiles = 1\n").message == "/c.toml:1:12: 'profiles' must be a table");
  CHECK(config_error("default_profile = \"unterminated\n").message.starts_with("/c.toml:1:"));
}

TEST_CASE("config.toml: a key of a malformed file is never quoted unless dbcurl knows the name: it may be a secret") {
  const std::string secret = "opq5ca1ab1eQZXWcanaryJKVY5ca1ab1e";  // not PAT-shaped: only the message's rule hides it
  const std::string cases[] = {
      secret + " = 1\n",
      "[profiles.p]\n" + secret + " = \"x\"\n",
      "[hosts.\"h.example\"]\n" + secret + " = \"x\"\n",
      secret + " = 1\n" + secret + " = 2\n",   // toml++: cannot redefine existing integer '…'
      "[" + secret + "]\n[" + secret + "]\n",  // toml++: a table defined twice
  };
  for (const std::string& text : cases) {
    const std::string message = config_error(text).message;
    INFO(message);
    CHECK(message.starts_with("/c.toml:"));
    CHECK(message.find(secret.substr(0, 8)) == std::string::npos);
  }
  CHECK(config_error("host = \"h\"\n").message == "/c.toml:1:1: unknown key 'host'");       // a name it knows
  CHECK(config_error("default_profile \"p\"\n").message.find("'='") != std::string::npos);  // a delimiter
}

TEST_CASE("config.toml: a table header without a key is an error, also in the sanitizer build (toml++ 3.3 asserts)") {
  // Without NDEBUG, toml++ 3.3.0 aborts on its own assertion here before it
  // reports the error (found by fuzz_toml in the Debug sanitizer build).
  CHECK(config_error("[ = \"x\"]\n").message.starts_with("/c.toml:1:"));
  CHECK(config_error("[\t\x01]\n").message.starts_with("/c.toml:1:"));
}

TEST_CASE("config.toml location: DBCURL_CONFIG, XDG_CONFIG_HOME, ~/.config") {
  MapEnvironment env;
  env.set("HOME", "/home/u");
  CHECK(dbcurl_config_path(env) == "/home/u/.config/dbcurl/config.toml");
  env.set("XDG_CONFIG_HOME", "/xdg");
  CHECK(dbcurl_config_path(env) == "/xdg/dbcurl/config.toml");
  env.set("DBCURL_CONFIG", "~/mine.toml");
  CHECK(dbcurl_config_path(env) == "/home/u/mine.toml");
}

TEST_CASE("config.toml is ASCII; non-ASCII values are \\u escapes (toml++ 3.3 has UB on raw ones)") {
  CHECK(config_error("\xC3\xA9 = 1\n").message ==
        "/c.toml:1:1: non-ASCII character; write it as a \\uXXXX escape inside a \"string\"");
  CHECK(config_error("[profiles.p]\nhost = \"h\xC3\xA9\"\n").message.starts_with("/c.toml:2:10: non-ASCII"));
  Result<std::optional<DbcurlConfig>> escaped = parse_dbcurl_config(
      "[profiles.p]\ntoken_command = [\"op\", \"read\", \"op://v/Caf\\u00e9 \\u2013 dev\"]\n", "/c.toml");
  REQUIRE(escaped.ok());
  CHECK((*escaped)->profile("p")->token_command->argv.back() == "op://v/Caf\xC3\xA9 \xE2\x80\x93 dev");
}
