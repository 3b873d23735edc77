#include <catch2/catch.hpp>

#include "creds/resolve.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
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

Resolved resolve(TempHome& home, std::optional<std::string> profile = std::nullopt) {
  Result<DatabricksConfig> config = load_databricks_config(home.env, ConfigRequest{profile, true}, nullptr);
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
    TempHome home;
    home.write(".databrickscfg", kConfigFile);
    for (const auto& [name, value] : c.env) home.env.set(name, value);
    const Resolved resolved = resolve(home, c.profile_flag);
    CHECK(resolved.host == c.host);
    CHECK(resolved.token == c.token);
  }
}

TEST_CASE("[__settings__] default_profile picks the profile when none is named") {
  TempHome home;
  home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile = prod\n\n") + kConfigFile);
  CHECK(resolve(home).token == "dapi-prod-token");
  home.env.set("DATABRICKS_CONFIG_PROFILE", "DEFAULT");
  CHECK(resolve(home).token == "dapi-default-token");
}

TEST_CASE("DATABRICKS_CONFIG_FILE with ~ expanded") {
  TempHome home;
  home.write("other.cfg", "[DEFAULT]\nhost = h.cloud.databricks.com\ntoken = dapi-other\n");
  home.env.set("DATABRICKS_CONFIG_FILE", "~/other.cfg");
  const Resolved resolved = resolve(home);
  CHECK(resolved.host == "https://h.cloud.databricks.com");
  CHECK(resolved.token_origin == home.path("other.cfg") + " [DEFAULT]");
}

TEST_CASE("a named profile that is missing is an error naming file and profile") {
  TempHome home;
  home.write(".databrickscfg", kConfigFile);
  Result<DatabricksConfig> config = load_databricks_config(home.env, ConfigRequest{"nope", true}, nullptr);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().message == home.path(".databrickscfg") + " has no nope profile configured");
  CHECK(config.error().exit_code == 102);
}

TEST_CASE("a named profile with no config file is an error; an implicit DEFAULT is not") {
  TempHome home;
  CHECK_FALSE(load_databricks_config(home.env, ConfigRequest{"prod", true}, nullptr).ok());
  CHECK(resolve(home).host == "-");
}

TEST_CASE("a malformed config file is an error with file:line") {
  TempHome home;
  home.write(".databrickscfg", "[DEFAULT]\nhost\n");
  Result<DatabricksConfig> config = load_databricks_config(home.env, ConfigRequest{}, nullptr);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().message.starts_with(home.path(".databrickscfg") + ":2:"));
}

TEST_CASE("token sources: profile token first, then a netrc 'login token' entry") {
  TempHome home;
  home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  home.write(".netrc",
             "machine other login token password dapi-other\n"
             "machine ws.cloud.databricks.com login token password dapi-netrc\n");
  Result<DatabricksConfig> config = load_databricks_config(home.env, ConfigRequest{}, nullptr);
  REQUIRE(config.ok());
  FakeRunner runner;
  Result<Credential> token = resolve_workspace_token(*config, ResolveContext{home.env, runner}, std::nullopt);
  REQUIRE(token.ok());
  CHECK(token->token.view() == "dapi-netrc");
  CHECK(token->origin == home.path(".netrc") + ":2 (login token)");

  home.env.set("DATABRICKS_TOKEN", "dapi-env");
  Result<DatabricksConfig> with_env = load_databricks_config(home.env, ConfigRequest{}, nullptr);
  CHECK(resolve_workspace_token(*with_env, ResolveContext{home.env, runner}, std::nullopt)->token.view() == "dapi-env");
}

TEST_CASE("a netrc entry with another login is not a token source") {
  TempHome home;
  home.env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  home.write(".netrc", "machine ws.cloud.databricks.com login alice password pw\n");
  Result<DatabricksConfig> config = load_databricks_config(home.env, ConfigRequest{}, nullptr);
  FakeRunner runner;
  Result<Credential> token = resolve_workspace_token(*config, ResolveContext{home.env, runner}, std::nullopt);
  REQUIRE_FALSE(token.ok());
  CHECK(token.error().exit_code == 101);
  CHECK(token.error().message.find(".netrc") != std::string::npos);
  CHECK(token.error().hint.find("DATABRICKS_TOKEN") != std::string::npos);
}

TEST_CASE("--list-profiles names every section but __settings__") {
  TempHome home;
  home.write(".databrickscfg", std::string("[__settings__]\ndefault_profile = prod\n") + kConfigFile);
  Result<std::vector<std::string>> names = list_profile_names(home.env, nullptr);
  REQUIRE(names.ok());
  CHECK(*names == std::vector<std::string>{"DEFAULT", "prod", "hostonly"});
}
