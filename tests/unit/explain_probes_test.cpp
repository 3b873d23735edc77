#include "creds/explain_probes.hpp"

#include <catch2/catch.hpp>

#include "creds/resolve.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeHome;

namespace {

DatabricksConfig config_with_token_command(FakeHome& home) {
  home.env.set("NETRC", home.path("netrc"));
  DatabricksConfig config;
  config.config_file = home.path(".databrickscfg");
  config.workspace = WorkspaceHost{"https", "adb-1.2.azuredatabricks.net", "", std::nullopt};
  config.token_command.emplace();
  config.token_command->argv = {"keyring", "get", "databricks"};
  return config;
}

}  // namespace

TEST_CASE("under --explain the first source that would run a helper is named, and nothing runs") {
  FakeHome home;
  const DatabricksConfig config = config_with_token_command(home);
  ExplainRunner runner;
  ExplainTokenHttp http;
  ResolveContext context{home.io(runner)};
  context.http = &http;
  const Result<Credential> named = resolve_workspace_token(config, context, std::nullopt);
  REQUIRE(named.ok());
  CHECK_FALSE(named->obtained);
  CHECK(named->token.view().empty());
  CHECK(named->origin == "token_command 'keyring get databricks'");
  CHECK(named->explain.back() ==
        "token source 2, token_command 'keyring get databricks': would run 'keyring get databricks' (not under "
        "--explain)");
}

TEST_CASE("under --explain a token request is not sent: it says what it would ask") {
  ExplainTokenHttp http;
  const Result<HttpReply> posted = http.post_form("https://h/oidc/v1/token", {}, {}, nullptr);
  REQUIRE_FALSE(posted.ok());
  CHECK(posted.error().kind == ErrorKind::kNotRun);
  CHECK(posted.error().message == "would ask POST https://h/oidc/v1/token");
  const Result<HttpReply> got = http.get("http://127.0.0.1:9/metadata", {});
  REQUIRE_FALSE(got.ok());
  CHECK(got.error().message == "would ask GET http://127.0.0.1:9/metadata");
}
