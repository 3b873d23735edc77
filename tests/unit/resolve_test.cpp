#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "common/redact.hpp"
#include "creds/attributes.hpp"
#include "creds/resolve.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeHome;
using dbcurl::testing::FakeRunner;
using dbcurl::testing::TempHome;

namespace {

const char* const kConfigFile =
    "[DEFAULT]\n"
    "host = https://default.cloud.databricks.com\n"
    "token = dapi-default-token\n"
    "\n"
    "[prod]\n"
    "host = https://prod.cloud.databricks.com\n"
    "token = dapi-prod-token\n"
    "\n"
    "[hostonly]\n"
    "host = https://hostonly.cloud.databricks.com\n";

struct Resolved {
  std::string host;   // origin, or "-"
  std::string token;  // or "-"
  std::string token_origin;
};

Resolved resolve(FakeHome& home, std::optional<std::string> profile = std::nullopt) {
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{profile, true}, nullptr);
  REQUIRE(config.ok());
  return Resolved{config->workspace ? config->workspace->origin() : "-",
                  config->token ? std::string(config->token->value.view()) : "-",
                  config->token ? config->token->origin : ""};
}

}  // namespace

TEST_CASE("precedence of --profile, environment and config file") {
  struct Case {
    const char* name;
    std::optional<std::string> profile_flag;
    std::map<std::string, std::string> env;
    const char* host;
    const char* token;
  };
  const std::vector<Case> cases = {
      {"nothing set: [DEFAULT]", std::nullopt, {}, "https://default.cloud.databricks.com", "dapi-default-token"},
      {"--profile", std::string("prod"), {}, "https://prod.cloud.databricks.com", "dapi-prod-token"},
      {"DATABRICKS_CONFIG_PROFILE",
       std::nullopt,
       {{"DATABRICKS_CONFIG_PROFILE", "prod"}},
       "https://prod.cloud.databricks.com",
       "dapi-prod-token"},
      {"--profile beats DATABRICKS_CONFIG_PROFILE",
       std::string("prod"),
       {{"DATABRICKS_CONFIG_PROFILE", "DEFAULT"}},
       "https://prod.cloud.databricks.com",
       "dapi-prod-token"},
      {"env host closes the file: no token",
       std::nullopt,
       {{"DATABRICKS_HOST", "https://env.cloud.databricks.com"}},
       "https://env.cloud.databricks.com",
       "-"},
      {"env token closes the file: no host", std::nullopt, {{"DATABRICKS_TOKEN", "dapi-env"}}, "-", "dapi-env"},
      {"env host + named profile: host from env, token from profile",
       std::nullopt,
       {{"DATABRICKS_HOST", "https://env.cloud.databricks.com"}, {"DATABRICKS_CONFIG_PROFILE", "prod"}},
       "https://env.cloud.databricks.com",
       "dapi-prod-token"},
      {"explicit --profile beats env (CLI >= 1.7)",
       std::string("prod"),
       {{"DATABRICKS_HOST", "https://env.cloud.databricks.com"}, {"DATABRICKS_TOKEN", "dapi-env"}},
       "https://prod.cloud.databricks.com",
       "dapi-prod-token"},
      {"--profile: env fills the gaps",
       std::string("hostonly"),
       {{"DATABRICKS_TOKEN", "dapi-env"}},
       "https://hostonly.cloud.databricks.com",
       "dapi-env"},
      {"no inheritance from DEFAULT", std::string("hostonly"), {}, "https://hostonly.cloud.databricks.com", "-"},
      {"empty variables count as unset",
       std::nullopt,
       {{"DATABRICKS_HOST", ""}, {"DATABRICKS_TOKEN", ""}},
       "https://default.cloud.databricks.com",
       "dapi-default-token"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    FakeHome home;
    home.write(".databrickscfg", kConfigFile);
    for (const auto& [name, value] : c.env) home.env.set(name, value);
    const Resolved resolved = resolve(home, c.profile_flag);
    CHECK(resolved.host == c.host);
    CHECK(resolved.token == c.token);
  }
}

TEST_CASE("resolution reads ~/.databrickscfg through the FileSystem of its Io, not the disk") {
  FakeHome home;
  home.write(".databrickscfg", kConfigFile);
  REQUIRE_FALSE(std::filesystem::exists(home.path(".databrickscfg")));
  const Resolved resolved = resolve(home, "prod");
  CHECK(resolved.token == "dapi-prod-token");
  CHECK(resolved.token_origin == "/home/test/.databrickscfg [prod]");
  CHECK(home.files.reads == std::vector<std::string>{"/home/test/.databrickscfg"});
  // The same resolution on the disk finds no such file.
  TempHome disk;
  disk.env.set("HOME", "/home/test");
  Result<DatabricksConfig> on_disk = load_databricks_config(disk.io(), ConfigRequest{"prod", true}, nullptr);
  REQUIRE(on_disk.ok());
  CHECK_FALSE(on_disk->token.has_value());
  CHECK_FALSE(on_disk->workspace.has_value());
}

TEST_CASE("[__settings__] default_profile picks the profile when none is named") {
  FakeHome home;
  home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile = prod\n\n") + kConfigFile);
  CHECK(resolve(home).token == "dapi-prod-token");
  home.env.set("DATABRICKS_CONFIG_PROFILE", "DEFAULT");
  CHECK(resolve(home).token == "dapi-default-token");
}

TEST_CASE("DATABRICKS_CONFIG_FILE with ~ expanded") {
  FakeHome home;
  home.write("other.cfg", "[DEFAULT]\nhost = h.cloud.databricks.com\ntoken = dapi-other\n");
  home.env.set("DATABRICKS_CONFIG_FILE", "~/other.cfg");
  const Resolved resolved = resolve(home);
  CHECK(resolved.host == "https://h.cloud.databricks.com");
  CHECK(resolved.token_origin == home.path("other.cfg") + " [DEFAULT]");
}

TEST_CASE("a named profile that is missing is an error naming file and profile") {
  FakeHome home;
  home.write(".databrickscfg", kConfigFile);
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{"nope", true}, nullptr);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().message == home.path(".databrickscfg") + " has no nope profile configured");
  CHECK(config.error().exit_code == 102);
}

TEST_CASE("no config file at all: skipped even for a named profile, the environment resolves (SDK rule)") {
  FakeHome home;
  home.env.set("DATABRICKS_CONFIG_PROFILE", "ci");
  home.env.set("DATABRICKS_HOST", "https://ci.cloud.databricks.com");
  home.env.set("DATABRICKS_TOKEN", "dapi-ci");
  const Resolved resolved = resolve(home);
  CHECK(resolved.host == "https://ci.cloud.databricks.com");
  CHECK(resolved.token == "dapi-ci");
  Result<DatabricksConfig> flagged = load_databricks_config(home.io(), ConfigRequest{"prod", true}, nullptr);
  REQUIRE(flagged.ok());
  CHECK(flagged->token->origin == "DATABRICKS_TOKEN");
  CHECK_FALSE(flagged->profile.has_value());
}

TEST_CASE("__settings__ is reserved, never a profile, however it is named") {
  const std::string reserved = "__settings__ is a reserved section name and cannot be used as a profile";
  const auto fails_reserved = [&](FakeHome& home, std::optional<std::string> flag) {
    Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{std::move(flag), true}, nullptr);
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().exit_code == 102);
    CHECK(config.error().message.find(reserved) != std::string::npos);
  };
  SECTION("--profile, even with host and token in the environment") {
    FakeHome home;
    home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile = prod\n") + kConfigFile);
    home.env.set("DATABRICKS_HOST", "https://env.cloud.databricks.com");
    home.env.set("DATABRICKS_TOKEN", "dapi-env");
    fails_reserved(home, "__settings__");
  }
  SECTION("DATABRICKS_CONFIG_PROFILE, even with host and token in the environment") {
    FakeHome home;
    home.write(".databrickscfg", kConfigFile);
    home.env.set("DATABRICKS_CONFIG_PROFILE", "__settings__");
    home.env.set("DATABRICKS_HOST", "https://env.cloud.databricks.com");
    home.env.set("DATABRICKS_TOKEN", "dapi-env");
    fails_reserved(home, std::nullopt);
  }
  SECTION("default_profile = __settings__") {
    FakeHome home;
    home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile = __settings__\n") + kConfigFile);
    fails_reserved(home, std::nullopt);
  }
}

TEST_CASE("with --profile, auth_type, workspace_id and account_id are not taken from the environment") {
  FakeHome home;
  home.write(".databrickscfg", kConfigFile);
  home.env.set("DATABRICKS_AUTH_TYPE", "basic");
  home.env.set("DATABRICKS_WORKSPACE_ID", "123");
  home.env.set("DATABRICKS_ACCOUNT_ID", "abc");
  Result<DatabricksConfig> flagged = load_databricks_config(home.io(), ConfigRequest{"prod", true}, nullptr);
  REQUIRE(flagged.ok());
  CHECK_FALSE(flagged->auth_type.has_value());
  CHECK_FALSE(flagged->workspace_id.has_value());
  CHECK_FALSE(flagged->account_id.has_value());
  CHECK(flagged->token->value.view() == "dapi-prod-token");
  // A profile named by DATABRICKS_CONFIG_PROFILE keeps the environment first.
  home.env.set("DATABRICKS_CONFIG_PROFILE", "prod");
  Result<DatabricksConfig> from_env = load_databricks_config(home.io(), ConfigRequest{}, nullptr);
  REQUIRE(from_env.ok());
  REQUIRE(from_env->auth_type.has_value());
  CHECK(from_env->auth_type->value == "basic");
  CHECK(from_env->workspace_id->value == "123");
}

TEST_CASE("an empty default_profile is unset: DEFAULT is read") {
  FakeHome home;
  home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile =\n\n") + kConfigFile);
  CHECK(resolve(home).token == "dapi-default-token");
  home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile =   \n\n") + kConfigFile);
  CHECK(resolve(home).token == "dapi-default-token");
}

TEST_CASE("an explicitly named empty profile is a missing profile (102); an implicit empty DEFAULT is nothing") {
  FakeHome home;
  home.write(".databrickscfg", "[DEFAULT]\n\n[abc]\nhost = https://foo\ntoken = xyz\n");
  Result<DatabricksConfig> named = load_databricks_config(home.io(), ConfigRequest{"DEFAULT", true}, nullptr);
  REQUIRE_FALSE(named.ok());
  CHECK(named.error().exit_code == 102);
  CHECK(named.error().message == home.path(".databrickscfg") + " has no DEFAULT profile configured");
  home.env.set("DATABRICKS_CONFIG_PROFILE", "DEFAULT");
  CHECK_FALSE(load_databricks_config(home.io(), ConfigRequest{}, nullptr).ok());
  MapEnvironment plain;
  plain.set("HOME", home.path(""));
  Result<DatabricksConfig> implicit = load_databricks_config(
      Io{home.files, plain, home.runner, home.diagnostics, home.secrets}, ConfigRequest{}, nullptr);
  REQUIRE(implicit.ok());
  CHECK_FALSE(implicit->workspace.has_value());
}

TEST_CASE("a token next to OAuth client credentials without auth_type is refused, as the SDKs refuse it") {
  FakeHome home;
  home.write(".databrickscfg", kConfigFile);
  home.env.set("DATABRICKS_CLIENT_SECRET", "s3cr3t-client");
  Result<DatabricksConfig> both = load_databricks_config(home.io(), ConfigRequest{"prod", true}, nullptr);
  REQUIRE_FALSE(both.ok());
  CHECK(both.error().exit_code == 102);
  CHECK(both.error().message ==
        "more than one authorization method configured: oauth (client_secret from DATABRICKS_CLIENT_SECRET) and pat "
        "(token from " +
            home.path(".databrickscfg") + " [prod]); set auth_type to pick one");
  home.write(".databrickscfg", std::string(kConfigFile) + "auth_type = pat\n");  // appended to [hostonly]
  home.env.set("DATABRICKS_TOKEN", "dapi-env");
  Result<DatabricksConfig> chosen = load_databricks_config(home.io(), ConfigRequest{"hostonly", true}, nullptr);
  REQUIRE(chosen.ok());
  CHECK(chosen->token->value.view() == "dapi-env");
}

TEST_CASE("an empty value in a profile is unset, as an empty variable") {
  FakeHome home;
  home.write(".databrickscfg", "[p]\nhost = https://p.cloud.databricks.com\ntoken =\n");
  home.env.set("DATABRICKS_TOKEN", "dapi-env");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{"p", true}, nullptr);
  REQUIRE(config.ok());
  CHECK(config->token->value.view() == "dapi-env");
}

TEST_CASE("a malformed config file is an error with file:line") {
  FakeHome home;
  home.write(".databrickscfg", "[DEFAULT]\nhost\n");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{}, nullptr);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().message.starts_with(home.path(".databrickscfg") + ":2:"));
}

TEST_CASE("token sources: profile token first, then a netrc 'login token' entry") {
  FakeHome home;
  home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  home.write(".netrc",
             "machine other login token password dapi-other\n"
             "machine ws.cloud.databricks.com login token password dapi-netrc\n");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{}, nullptr);
  REQUIRE(config.ok());
  FakeRunner runner;
  Result<Credential> token = resolve_workspace_token(*config, ResolveContext{home.io(runner)}, std::nullopt);
  REQUIRE(token.ok());
  CHECK(token->token.view() == "dapi-netrc");
  CHECK(token->origin == home.path(".netrc") + ":2 (login token)");

  home.env.set("DATABRICKS_TOKEN", "dapi-env");
  Result<DatabricksConfig> with_env = load_databricks_config(home.io(), ConfigRequest{}, nullptr);
  CHECK(resolve_workspace_token(*with_env, ResolveContext{home.io(runner)}, std::nullopt)->token.view() == "dapi-env");
}

TEST_CASE("a netrc entry with another login is not a token source") {
  FakeHome home;
  home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  home.write(".netrc", "machine ws.cloud.databricks.com login alice password pw\n");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{}, nullptr);
  FakeRunner runner;
  Result<Credential> token = resolve_workspace_token(*config, ResolveContext{home.io(runner)}, std::nullopt);
  REQUIRE_FALSE(token.ok());
  CHECK(token.error().exit_code == 101);
  CHECK(token.error().message.find(".netrc") != std::string::npos);
  CHECK(token.error().hint.find("DATABRICKS_TOKEN") != std::string::npos);
}

TEST_CASE("--list-profiles names every section but __settings__") {
  FakeHome home;
  home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile = prod\n") + kConfigFile);
  ConfigFiles files(home.io());
  Result<std::vector<std::string>> names = list_profile_names(files, nullptr);
  REQUIRE(names.ok());
  CHECK(*names == std::vector<std::string>{"DEFAULT", "prod", "hostonly"});
}

namespace {

Result<DatabricksConfig> load_with(FakeHome& home, const std::string& toml, std::optional<std::string> profile = {}) {
  Result<std::optional<DbcurlConfig>> dbcurl = parse_dbcurl_config(toml, home.path("config.toml"));
  REQUIRE(dbcurl.ok());
  static std::optional<DbcurlConfig> keep;  // the config must outlive the call
  keep = std::move(*dbcurl);
  return load_databricks_config(home.io(), ConfigRequest{std::move(profile), true}, keep ? &*keep : nullptr);
}

}  // namespace

TEST_CASE("config.toml default_profile comes before [__settings__] and joins the profile") {
  FakeHome home;
  home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile = hostonly\n") + kConfigFile);
  Result<DatabricksConfig> config = load_with(home, "default_profile = \"prod\"\n");
  REQUIRE(config.ok());
  CHECK(config->profile->value == "prod");

  Result<DatabricksConfig> own = load_with(home,
                                           "[profiles.solo]\nhost = \"solo.cloud.databricks.com\"\n"
                                           "token_command = [\"keyring\", \"get\", \"databricks\", \"solo\"]\n",
                                           "solo");
  REQUIRE(own.ok());  // defined only in config.toml: still a profile
  CHECK(own->workspace->origin() == "https://solo.cloud.databricks.com");
  CHECK(own->token_command->argv.back() == "solo");
}

TEST_CASE("token_command gives the token when the profile has none") {
  FakeHome home;
  home.write(".databrickscfg", kConfigFile);
  Result<DatabricksConfig> config = load_with(
      home, "[profiles.hostonly]\ntoken_command = [\"keyring\", \"get\", \"databricks\", \"me\"]\n", "hostonly");
  REQUIRE(config.ok());
  FakeRunner runner;
  runner.answer("dapi-from-keyring\n");
  Result<Credential> token = resolve_workspace_token(*config, ResolveContext{home.io(runner)}, std::nullopt);
  REQUIRE(token.ok());
  CHECK(token->token.view() == "dapi-from-keyring");
  CHECK(token->auth_label == "pat");
  CHECK(runner.commands == std::vector<std::vector<std::string>>{{"keyring", "get", "databricks", "me"}});
}

TEST_CASE("[hosts.\"H\"] applies to the resolved workspace host, even from the environment") {
  FakeHome home;
  home.env.set("DATABRICKS_HOST", "https://dbc-a1b2.cloud.databricks.com/");
  Result<DatabricksConfig> config =
      load_with(home, "[hosts.\"dbc-a1b2.cloud.databricks.com\"]\ntoken_command = [\"secret-tool\", \"lookup\"]\n");
  REQUIRE(config.ok());
  REQUIRE(config->token_command.has_value());
  CHECK(config->token_command->argv.front() == "secret-tool");
}

TEST_CASE("helper output: a bare token, or JSON with an expiry that is cached") {
  TempHome home;  // the token cache writes to the disk
  home.write(".databrickscfg", "[p]\nhost = https://ws.cloud.databricks.com\nauth_type = databricks-cli\n");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{"p", true}, nullptr);
  REQUIRE(config.ok());
  const TokenCache cache(home.path("cache"));
  FakeRunner runner;
  runner.answer(R"({"access_token": "eyJ-oauth", "token_type": "Bearer", "expiry": "2999-01-01T00:00:00.5+00:00"})");
  ResolveContext context{home.io(runner), &cache};
  Result<Credential> first = resolve_workspace_token(*config, context, std::nullopt);
  REQUIRE(first.ok());
  CHECK(first->token.view() == "eyJ-oauth");
  CHECK(first->auth_label == "oauth");
  CHECK(runner.commands == std::vector<std::vector<std::string>>{{"databricks", "auth", "token", "--profile", "p"}});
  Result<Credential> second = resolve_workspace_token(*config, context, std::nullopt);
  REQUIRE(second.ok());
  CHECK(second->token.view() == "eyJ-oauth");
  CHECK(runner.commands.size() == 1);  // the cache answered
}

TEST_CASE("databricks CLI with --host when no profile was read, DATABRICKS_CLI_PATH honoured") {
  FakeHome home;
  home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  home.env.set("DATABRICKS_AUTH_TYPE", "databricks-cli");
  home.env.set("DATABRICKS_CLI_PATH", "/opt/databricks");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{}, nullptr);
  FakeRunner runner;
  runner.answer(R"({"access_token": "eyJ-x"})");
  REQUIRE(resolve_workspace_token(*config, ResolveContext{home.io(runner)}, std::nullopt).ok());
  CHECK(runner.commands.at(0) ==
        std::vector<std::string>{"/opt/databricks", "auth", "token", "--host", "https://ws.cloud.databricks.com"});
}

TEST_CASE("--explain's lines of a profile name the key each value comes from") {
  FakeHome home;
  home.write(".databrickscfg",
             "[p]\nhost = https://ws.cloud.databricks.com\nclient_id = sp-1\n"
             "client_secret = dose5ca1ab1e5ca1ab1e\n");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{"p"}, nullptr);
  REQUIRE(config.ok());
  const std::string profile = "  " + home.path(".databrickscfg") + " [p] ";
  const auto has_line = [&](const std::string& line) {
    return std::find(config->explain.begin(), config->explain.end(), line) != config->explain.end();
  };
  CHECK(has_line(profile + "host gives https://ws.cloud.databricks.com"));
  CHECK(has_line(profile + "client_id gives sp-1"));
  CHECK(has_line(profile + "client_secret gives " + redacted_form("dose5ca1ab1e5ca1ab1e")));
  CHECK(config->client_secret->origin == home.path(".databrickscfg") + " [p]");  // messages keep the origin alone
}

TEST_CASE("a profile's databricks_cli_path is the CLI run, as the Go SDK's attribute") {
  FakeHome home;
  home.write(".databrickscfg",
             "[p]\nhost = https://ws.cloud.databricks.com\nauth_type = databricks-cli\n"
             "databricks_cli_path = /opt/from-profile/databricks\n");
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{"p"}, nullptr);
  REQUIRE(config.ok());
  REQUIRE(config->cli_path);
  CHECK(config->cli_path->origin == home.path(".databrickscfg") + " [p]");
  FakeRunner runner;
  runner.answer(R"({"access_token": "eyJ-x"})");
  REQUIRE(resolve_workspace_token(*config, ResolveContext{home.io(runner)}, std::nullopt).ok());
  REQUIRE(runner.commands.size() == 1);
  CHECK(runner.commands[0].at(0) == "/opt/from-profile/databricks");
  // The environment fills it only when the profile leaves it empty.
  home.env.set("DATABRICKS_CLI_PATH", "/opt/from-env/databricks");
  Result<DatabricksConfig> both = load_databricks_config(home.io(), ConfigRequest{"p"}, nullptr);
  REQUIRE(both.ok());
  CHECK(both->cli_path->value == "/opt/from-profile/databricks");
}

TEST_CASE("helper failures and malformed output are errors naming the command") {
  FakeHome home;
  home.write(".databrickscfg", "[p]\nhost = https://ws.cloud.databricks.com\n");
  Result<DatabricksConfig> config =
      load_with(home, "[profiles.p]\ntoken_command = [\"keyring\", \"get\", \"databricks\", \"p\"]\n", "p");
  REQUIRE(config.ok());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "printed nothing"},
      {"   \n", "printed nothing"},
      {"two\nlines\n", "printed more than one token"},
      {"{\"token\": \"x\"}", "without an \"access_token\""},
      {"{\"access_token\": \"x\", \"expiry\": \"soon\"}", "not an RFC 3339 time"},
  };
  for (const auto& [output, expected] : cases) {
    INFO(output);
    FakeRunner runner;
    runner.answer(output);
    Result<Credential> token = resolve_workspace_token(*config, ResolveContext{home.io(runner)}, std::nullopt);
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().exit_code == 103);
    CHECK(token.error().message.find("keyring get databricks p") != std::string::npos);
    CHECK(token.error().message.find(expected) != std::string::npos);
  }
  FakeRunner failing;
  failing.fail("token helper 'keyring get databricks p' failed with exit code 1");
  Result<Credential> token = resolve_workspace_token(*config, ResolveContext{home.io(failing)}, std::nullopt);
  REQUIRE_FALSE(token.ok());
  CHECK(token.error().exit_code == 103);
}

TEST_CASE("each attribute of the table is read into its own field") {
  FakeHome home;
  std::string profile = "[all]\n";
  for (const Attribute& attribute : databricks_attributes()) {
    profile += std::string(attribute.key) + " = value-of-" + std::string(attribute.key) + "\n";
  }
  home.write(".databrickscfg", profile);
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{"all", true}, nullptr);
  REQUIRE(config.ok());
  for (const Attribute& attribute : databricks_attributes()) {
    INFO(attribute.key);
    const std::string expected = "value-of-" + std::string(attribute.key);
    if (attribute.secret) {
      REQUIRE((*config).*attribute.secret);
      CHECK(((*config).*attribute.secret)->value.view() == expected);
    } else {
      REQUIRE((*config).*attribute.plain);
      CHECK(((*config).*attribute.plain)->value == expected);
    }
  }
}

TEST_CASE("the configuration files are read once per run: later lookups share the first reading") {
  FakeHome home;
  home.write(".databrickscfg", kConfigFile);
  home.write(".netrc", "machine n.test login token password dapi-netrc-token\n");
  ConfigFiles files(home.io());
  const auto netrc_names_host = [&files, &home] {
    const NetrcFile& text = files.netrc(home.path(".netrc"));
    return text && *text && netrc_machine_match((*text)->view(), "n.test", home.path(".netrc")).has_value();
  };
  REQUIRE(files.databricks_config().ok());
  CHECK(netrc_names_host());
  home.files.remove(home.path(".databrickscfg"));
  home.files.remove(home.path(".netrc"));
  // Removed after the first reading, both files still give what they gave.
  CHECK(netrc_names_host());
  Result<DatabricksConfig> config = load_databricks_config(home.io(), ConfigRequest{"prod", true, &files}, nullptr);
  REQUIRE(config.ok());
  CHECK(config->token->value.view() == "dapi-prod-token");
  Result<std::vector<std::string>> names = list_profile_names(files, nullptr);
  REQUIRE(names.ok());
  CHECK(names->size() == 3);
  CHECK(home.files.reads == std::vector<std::string>{home.path(".databrickscfg"), home.path(".netrc")});
}
