#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "creds/sources/token_source.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeHome;
using dbcurl::testing::FakeRunner;
using dbcurl::testing::TempHome;

namespace {

// The sources that apply to a configuration, by what they look at.
std::vector<std::string> applying(const DatabricksConfig& config, const ResolveContext& context) {
  const std::optional<std::string> no_netrc_file;
  std::vector<std::string> looked_at;
  for (const TokenSource* source : token_sources()) {
    if (auto what = source->looks_at(TokenRequest{config, context, no_netrc_file})) looked_at.push_back(*what);
  }
  return looked_at;
}

// A home whose bin/ (the PATH) holds the named tools as empty scripts, and a
// config for host with a token_command: every source but the token can apply.
DatabricksConfig config_with_tools(TempHome& home, std::initializer_list<const char*> tools, const std::string& host) {
  for (const char* tool : tools) {
    const std::string name = std::string("bin/") + tool;
    home.write(name, "#!/bin/sh\n");
    std::filesystem::permissions(home.path(name), std::filesystem::perms::owner_all);
  }
  home.env.set("PATH", home.path("bin"));
  home.env.set("NETRC", home.path("netrc"));
  DatabricksConfig config;
  config.config_file = home.path(".databrickscfg");
  config.workspace = WorkspaceHost{"https", host, "", std::nullopt};
  config.token_command.emplace();
  config.token_command->argv = {"keyring", "get", "databricks", "ws"};
  return config;
}

}  // namespace

TEST_CASE("token sources in order: token, token_command, netrc, databricks CLI; auth_type filters them") {
  TempHome home;
  DatabricksConfig config = config_with_tools(home, {"databricks"}, "ws.cloud.databricks.com");
  FakeRunner runner;
  const ResolveContext context{home.io(runner)};
  CHECK(applying(config, context) ==
        std::vector<std::string>{"'token' of " + home.path(".databrickscfg") + " or DATABRICKS_TOKEN",
                                 "token_command 'keyring get databricks ws'",
                                 "a 'login token' entry for ws.cloud.databricks.com in " + home.path("netrc"),
                                 "the databricks CLI 'databricks auth token --host https://ws.cloud.databricks.com'"});

  config.auth_type = Sourced{"databricks-cli", "test"};
  const std::vector<std::string> cli_only = applying(config, context);
  REQUIRE(cli_only.size() == 2);
  CHECK(cli_only[1].starts_with("the databricks CLI"));

  config.workspace.reset();  // no workspace: only the explicit token can apply
  CHECK(applying(config, context).size() == 1);
}

TEST_CASE("the Azure CLI comes last, as in the Go SDK; auth_type azure-cli leaves only az") {
  TempHome home;
  DatabricksConfig config = config_with_tools(home, {"databricks", "az"}, "adb-1.2.azuredatabricks.net");
  FakeRunner runner;
  const ResolveContext context{home.io(runner)};
  const std::vector<std::string> all = applying(config, context);
  REQUIRE(all.size() == 5);
  CHECK(all[3].starts_with("the databricks CLI"));
  CHECK(all[4] == "the Azure CLI 'az account get-access-token'");

  for (const char* other : {"pat", "databricks-cli"}) {
    config.auth_type = Sourced{other, "test"};
    CHECK(applying(config, context).back().find("Azure CLI") == std::string::npos);
  }
  config.auth_type = Sourced{"azure-cli", "test"};
  CHECK(applying(config, context) == std::vector<std::string>{"the Azure CLI 'az account get-access-token'"});
}

TEST_CASE("which hosts the sources name: token_command config.toml's [hosts], netrc its 'login token' machines") {
  FakeHome home;
  home.write(".netrc",
             "machine netrc.example.com login token password dapi-netrc\n"
             "machine alice.example.com login alice password pw\n");
  home.write(".config/dbcurl/config.toml",
             "[hosts.\"tool.example.com\"]\ntoken_command = [\"pass\", \"show\", \"db\"]\n");
  home.env.set("XDG_CONFIG_HOME", home.path(".config"));
  ConfigFiles files(home.io());
  struct Named {
    int sources = 0;
    DatabricksConfig config;
  };
  const auto named = [&](const std::string& host) {
    const UrlParts url{"https", "", host, "", "443", "/"};
    const std::function<bool(const WorkspaceHost&)> matches = [&](const WorkspaceHost& candidate) {
      return candidate.host == host;
    };
    const HostQuery query{url, files, files.dbcurl_config_or_null(), matches};
    Named result;
    for (const TokenSource* source : token_sources()) result.sources += source->names_host(query, result.config);
    return result;
  };

  const Named tool = named("tool.example.com");
  CHECK(tool.sources == 1);
  REQUIRE(tool.config.token_command);
  CHECK(tool.config.token_command->argv == std::vector<std::string>{"pass", "show", "db"});
  CHECK(tool.config.explain ==
        std::vector<std::string>{home.path(".config/dbcurl/config.toml") + ": [hosts.\"tool.example.com\"]"});

  const Named netrc = named("netrc.example.com");
  CHECK(netrc.sources == 1);
  CHECK_FALSE(netrc.config.token_command);
  CHECK(netrc.config.explain == std::vector<std::string>{"a netrc 'login token' entry names netrc.example.com"});

  CHECK(named("alice.example.com").sources == 0);  // another login: plain curl
  CHECK(named("elsewhere.example.com").sources == 0);
}
