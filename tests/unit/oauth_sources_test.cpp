#include <catch2/catch.hpp>

#include "creds/sources/token_source.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeRunner;
using dbcurl::testing::FakeTokenHttp;
using dbcurl::testing::TempHome;

namespace {

const std::string kWorkspace = "https://ws.cloud.databricks.com";
const std::string kDiscovery = kWorkspace + "/oidc/.well-known/oauth-authorization-server";
const std::string kEndpoint = kWorkspace + "/oidc/v1/token";

struct OAuthFixture {
  TempHome home;
  FakeRunner runner;
  FakeTokenHttp http;
  DatabricksConfig config;

  OAuthFixture() {
    home.env.set("PATH", home.path("bin"));  // no databricks CLI
    // As load_databricks_config makes it: the file looked at, and its host.
    config.config_file = home.path(".databrickscfg");
    config.workspace = WorkspaceHost{"https", "ws.cloud.databricks.com", "", std::nullopt};
  }
  void discovery() { http.answer(200, R"({"token_endpoint":")" + kEndpoint + R"("})"); }
  void issue(const std::string& token = "issued-token", int lifetime = 3600) {
    http.answer(200, R"({"access_token":")" + token + R"(","token_type":"Bearer","expires_in":)" +
                         std::to_string(lifetime) + "}");
  }
  Result<Credential> resolve(const TokenCache* cache = nullptr) {
    ResolveContext context{home.io(runner), cache};
    context.http = &http;
    return resolve_workspace_token(config, context, std::nullopt);
  }
  std::string field(std::size_t request, const std::string& name) const {
    for (const auto& [key, value] : http.sent.at(request).fields) {
      if (key == name) return value;
    }
    return "(absent)";
  }
};

}  // namespace

TEST_CASE("oauth-m2m: discovery, then client credentials with Basic; the token is a bearer 'oauth' credential") {
  OAuthFixture f;
  f.config.client_id = Sourced{"sp-id", "DATABRICKS_CLIENT_ID"};
  f.config.client_secret = SecretSourced{SecretString("sp secret&"), "DATABRICKS_CLIENT_SECRET"};
  f.discovery();
  f.issue();
  Result<Credential> credential = f.resolve();
  REQUIRE(credential);
  CHECK(credential->token.view() == "issued-token");
  CHECK(credential->auth_label == "oauth");
  REQUIRE(f.http.sent.size() == 2);
  CHECK(f.http.sent[0].method == "GET");
  CHECK(f.http.sent[0].url == kDiscovery);
  CHECK(f.http.sent[1].method == "POST");
  CHECK(f.http.sent[1].url == kEndpoint);
  // The id and secret form-encoded, as golang.org/x/oauth2 does for AuthStyleInHeader.
  CHECK(f.http.sent[1].basic == std::make_pair(std::string("sp-id"), std::string("sp+secret%26")));
  CHECK(f.field(1, "grant_type") == "client_credentials");
  CHECK(f.field(1, "scope") == "all-apis");
}

TEST_CASE("oauth-m2m: an account host's token endpoint is fixed, and needs account_id") {
  OAuthFixture f;
  f.config.workspace = WorkspaceHost{"https", "accounts.cloud.databricks.com", "", std::nullopt};
  f.config.client_id = Sourced{"sp-id", "env"};
  f.config.client_secret = SecretSourced{SecretString("s"), "env"};
  Result<Credential> missing = f.resolve();
  REQUIRE_FALSE(missing);
  CHECK(missing.error().exit_code == exit_code::kConfigInvalid);
  CHECK(missing.error().message.find("needs account_id") != std::string::npos);

  f.config.account_id = Sourced{"acc-1", "env"};
  f.issue();
  REQUIRE(f.resolve());
  REQUIRE(f.http.sent.size() == 1);
  CHECK(f.http.sent[0].url == "https://accounts.cloud.databricks.com/oidc/accounts/acc-1/v1/token");
}

TEST_CASE("oauth-m2m: cached until a minute before expiry; an error answer is one line with exit 110") {
  OAuthFixture f;
  const TokenCache cache(f.home.path("cache"));
  f.config.client_id = Sourced{"sp-id", "env"};
  f.config.client_secret = SecretSourced{SecretString("s"), "env"};
  f.discovery();
  f.issue("first", 3600);
  REQUIRE(f.resolve(&cache));
  Result<Credential> again = f.resolve(&cache);
  REQUIRE(again);
  CHECK(again->token.view() == "first");
  CHECK(f.http.sent.size() == 2);  // no new request

  OAuthFixture short_lived;
  short_lived.config = DatabricksConfig{};
  short_lived.config.workspace = f.config.workspace;
  short_lived.config.client_id = Sourced{"other-id", "env"};
  short_lived.config.client_secret = SecretSourced{SecretString("s"), "env"};
  short_lived.discovery();
  short_lived.issue("brief", 59);
  short_lived.discovery();
  short_lived.http.answer(401, R"({"error":"invalid_client","error_description":"Client\nauthentication failed"})");
  REQUIRE(short_lived.resolve(&cache));
  Result<Credential> refused = short_lived.resolve(&cache);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().exit_code == exit_code::kTokenRequestFailed);
  CHECK(refused.error().message ==
        "token endpoint " + kEndpoint + " refused the request: HTTP 401, invalid_client: Client authentication failed");
}

TEST_CASE("oauth-m2m: auth_type selects it alone; without the secret it says what is missing") {
  OAuthFixture f;
  f.config.token = SecretSourced{SecretString("dapi-not-used"), "env"};
  f.config.auth_type = Sourced{"oauth-m2m", "DATABRICKS_AUTH_TYPE"};
  f.config.client_id = Sourced{"sp-id", "env"};
  Result<Credential> missing = f.resolve();
  REQUIRE_FALSE(missing);
  CHECK(missing.error().exit_code == exit_code::kNoCredentials);
  CHECK(missing.error().message ==
        "auth_type oauth-m2m (from DATABRICKS_AUTH_TYPE) needs client_id and client_secret; client_secret is not set");
  f.config.client_secret = SecretSourced{SecretString("s"), "env"};
  f.discovery();
  f.issue();
  Result<Credential> credential = f.resolve();
  REQUIRE(credential);
  CHECK(credential->token.view() == "issued-token");
}

TEST_CASE("env-oidc: the id token exchanged with client_id; audience is the token endpoint") {
  OAuthFixture f;
  f.home.env.set("DATABRICKS_OIDC_TOKEN", "id-token-from-env");
  f.config.client_id = Sourced{"sp-id", "DATABRICKS_CLIENT_ID"};
  f.discovery();
  f.issue();
  Result<Credential> credential = f.resolve();
  REQUIRE(credential);
  CHECK(credential->token.view() == "issued-token");
  REQUIRE(f.http.sent.size() == 2);
  CHECK(f.http.sent[1].url == kEndpoint);
  CHECK_FALSE(f.http.sent[1].basic);
  CHECK(f.field(1, "grant_type") == "urn:ietf:params:oauth:grant-type:token-exchange");
  CHECK(f.field(1, "subject_token_type") == "urn:ietf:params:oauth:token-type:jwt");
  CHECK(f.field(1, "subject_token") == "id-token-from-env");
  CHECK(f.field(1, "client_id") == "sp-id");
  CHECK(f.field(1, "scope") == "all-apis");
  CHECK(std::find(credential->explain.begin(), credential->explain.end(), "env-oidc: token endpoint " + kEndpoint) !=
        credential->explain.end());
}

TEST_CASE("env-oidc: oidc_token_env names the variable; without one the source does not apply") {
  OAuthFixture f;
  f.config.oidc_token_env = Sourced{"MY_ID_TOKEN", "DATABRICKS_OIDC_TOKEN_ENV"};
  Result<Credential> nothing = f.resolve();
  REQUIRE_FALSE(nothing);
  CHECK(nothing.error().exit_code == exit_code::kNoCredentials);
  CHECK(f.http.sent.empty());
  f.home.env.set("MY_ID_TOKEN", "custom-id-token");
  f.discovery();
  f.issue();
  REQUIRE(f.resolve());
  CHECK(f.field(1, "subject_token") == "custom-id-token");
  CHECK(f.field(1, "client_id") == "(absent)");  // account-wide federation
}

TEST_CASE("file-oidc: the file's token without its line break; a missing file is an error") {
  OAuthFixture f;
  f.config.oidc_token_filepath = Sourced{f.home.path("id-token"), "DATABRICKS_OIDC_TOKEN_FILEPATH"};
  Result<Credential> missing = f.resolve();
  REQUIRE_FALSE(missing);
  CHECK(missing.error().exit_code == exit_code::kTokenRequestFailed);
  CHECK(missing.error().message == "file-oidc: " + f.home.path("id-token") + " does not exist");
  CHECK(f.http.sent.empty());  // read before any request
  f.home.write("id-token", "id-token-from-file\n");
  f.discovery();
  f.issue();
  REQUIRE(f.resolve());
  CHECK(f.field(1, "subject_token") == "id-token-from-file");
}

TEST_CASE("github-oidc: the id token from GitHub's endpoint for the audience; account-wide on an account host") {
  // The account id is the audience on an account host (determineAudience).
  OAuthFixture f;
  f.config.workspace = WorkspaceHost{"https", "accounts.cloud.databricks.com", "", std::nullopt};
  f.config.account_id = Sourced{"acc-1", "env"};
  f.config.actions_id_token_request_url = Sourced{"https://gh.example/token?api-version=2.0", "env"};
  f.config.actions_id_token_request_token = SecretSourced{SecretString("request-token"), "env"};
  f.http.answer(200, R"({"count":1,"value":"id-token-from-github"})");
  f.issue();
  REQUIRE(f.resolve());
  REQUIRE(f.http.sent.size() == 2);
  CHECK(f.http.sent[0].method == "GET");
  CHECK(f.http.sent[0].url == "https://gh.example/token?api-version=2.0&audience=acc-1");
  CHECK(f.http.sent[0].headers ==
        std::vector<std::pair<std::string, std::string>>{{"Authorization", "Bearer request-token"}});
  CHECK(f.http.sent[1].url == "https://accounts.cloud.databricks.com/oidc/accounts/acc-1/v1/token");
  CHECK(f.field(1, "subject_token") == "id-token-from-github");
  CHECK(f.field(1, "client_id") == "(absent)");
}

TEST_CASE("token sources: the SDKs' order, and each OIDC source only when configured or named") {
  OAuthFixture f;
  f.home.env.set("DATABRICKS_OIDC_TOKEN", "x");
  f.config.client_id = Sourced{"sp-id", "env"};
  f.config.client_secret = SecretSourced{SecretString("s"), "env"};
  f.config.oidc_token_filepath = Sourced{"/f", "env"};
  f.config.actions_id_token_request_url = Sourced{"https://gh.example/t?a=1", "env"};
  f.config.actions_id_token_request_token = SecretSourced{SecretString("r"), "env"};
  const ResolveContext context{f.home.io(f.runner)};
  std::vector<std::string> names;
  for (const TokenSource* source : token_sources()) {
    if (auto what = source->looks_at(TokenRequest{f.config, context, std::nullopt})) {
      names.push_back(what->substr(0, what->find(' ')));
    }
  }
  CHECK(names == std::vector<std::string>{"'token'", "a", "oauth-m2m", "github-oidc", "env-oidc", "file-oidc"});
  f.config.auth_type = Sourced{"file-oidc", "env"};
  names.clear();
  for (const TokenSource* source : token_sources()) {
    if (auto what = source->looks_at(TokenRequest{f.config, context, std::nullopt})) names.push_back(*what);
  }
  CHECK(names == std::vector<std::string>{"file-oidc (/f)"});
}
