#include <catch2/catch.hpp>

#include <tuple>

#include "creds/sources/token_source.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeHome;
using dbcurl::testing::FakeRunner;
using dbcurl::testing::FakeTokenHttp;
using dbcurl::testing::workspace_config;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Services {
  Result<Credential> resolve(const DatabricksConfig& config) {
    ResolveContext context{home.io(runner)};
    context.http = &http;
    return resolve_workspace_token(config, context, std::nullopt);
  }
  FakeHome home;
  FakeRunner runner;
  FakeTokenHttp http;
};

DatabricksConfig with_metadata_service(std::string url) {
  DatabricksConfig config = workspace_config("ws.cloud.databricks.com");
  config.metadata_service_url = SecretSourced{SecretString(url), "DATABRICKS_METADATA_SERVICE_URL"};
  return config;
}

DatabricksConfig with_service_principal(const std::string& host) {
  DatabricksConfig config = workspace_config(host);
  config.azure_client_id = Sourced{"client-1", "ARM_CLIENT_ID"};
  config.azure_client_secret = SecretSourced{SecretString("s3cr3t-azure"), "ARM_CLIENT_SECRET"};
  config.azure_tenant_id = Sourced{"tenant-1", "ARM_TENANT_ID"};
  return config;
}

}  // namespace

TEST_CASE("metadata-service: GET with the SDKs' headers; access_token until expires_on") {
  Services services;
  services.http.answer(200, R"({"access_token": "eyJ-ms", "token_type": "Bearer", "expires_on": 4070908800})");
  Result<Credential> credential = services.resolve(with_metadata_service("http://localhost:1234/metadata/token"));
  REQUIRE(credential.ok());
  CHECK(credential->token.view() == "eyJ-ms");
  CHECK(credential->auth_label == "metadata-service");
  REQUIRE(services.http.sent.size() == 1);
  CHECK(services.http.sent[0].method == "GET");
  CHECK(services.http.sent[0].url == "http://localhost:1234/metadata/token");
  CHECK(services.http.sent[0].headers == Pairs{{"X-Databricks-Metadata-Version", "1"},
                                               {"X-Databricks-Host", "https://ws.cloud.databricks.com"},
                                               {"Accept", "application/json"}});
}

TEST_CASE("metadata-service: only localhost and 127.0.0.1; bad answers are errors, with or without auth_type") {
  for (const char* url : {"http://example.com/t", "http://127.0.0.2/t", "http://[::1]:1/t", "file:///t"}) {
    INFO(url);
    Services services;
    DatabricksConfig config = with_metadata_service(url);
    const Result<Credential> refused = services.resolve(config);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().exit_code == 102);
    config.auth_type = Sourced{"metadata-service", "DATABRICKS_AUTH_TYPE"};
    const Result<Credential> named = services.resolve(config);
    REQUIRE_FALSE(named.ok());
    CHECK(named.error().exit_code == 102);
    CHECK(services.http.sent.empty());
  }
  DatabricksConfig config = with_metadata_service("http://127.0.0.1:1/t");
  {
    Services services;
    services.http.answer(418, "{}");
    const Result<Credential> failed = services.resolve(config);  // no auth_type: no quiet fallback
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().exit_code == 110);
  }
  config.auth_type = Sourced{"metadata-service", "DATABRICKS_AUTH_TYPE"};
  for (const auto& [status, body, why] : std::vector<std::tuple<long, std::string, std::string>>{
           {418, "{}", "answered HTTP 418"},
           {200, R"({"token_type": "Bearer", "expires_on": 4070908800})", "no JSON with an \"access_token\""},
           {200, R"({"access_token": "a", "token_type": "MAC", "expires_on": 4070908800})", "not a Bearer token"},
           {200, R"({"access_token": "a", "token_type": "Bearer", "expires_on": ""})", "no \"expires_on\""},
           {200, R"({"access_token": "a", "token_type": "Bearer"})", "no \"expires_on\""}}) {
    INFO(body);
    Services services;
    services.http.answer(status, body);
    const Result<Credential> failed = services.resolve(config);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().exit_code == 110);
    CHECK(failed.error().message.find(why) != std::string::npos);
  }
  config.metadata_service_url.reset();
  Services services;
  const Result<Credential> missing = services.resolve(config);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("needs DATABRICKS_METADATA_SERVICE_URL") != std::string::npos);
}

TEST_CASE("azure-client-secret: client credentials for the Azure Databricks app at the cloud's Entra endpoint") {
  Services services;
  services.http.answer(200, R"({"token_type": "Bearer", "access_token": "eyJ-entra", "expires_in": "3599"})");
  Result<Credential> credential = services.resolve(with_service_principal("adb-1.2.databricks.azure.us"));
  REQUIRE(credential.ok());
  CHECK(credential->token.view() == "eyJ-entra");
  CHECK(credential->auth_label == "azure-client-secret");
  REQUIRE(services.http.sent.size() == 1);
  CHECK(services.http.sent[0].method == "POST");
  CHECK(services.http.sent[0].url == "https://login.microsoftonline.us/tenant-1/oauth2/token");
  CHECK(services.http.sent[0].fields == Pairs{{"grant_type", "client_credentials"},
                                              {"client_id", "client-1"},
                                              {"client_secret", "s3cr3t-azure"},
                                              {"resource", "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d"}});
  CHECK_FALSE(services.http.sent[0].basic.has_value());
}

TEST_CASE("azure-client-secret: tried with all three attributes; Entra's refusal without its trace") {
  {
    Services services;
    DatabricksConfig incomplete = with_service_principal("adb-1.2.azuredatabricks.net");
    incomplete.azure_tenant_id.reset();
    CHECK(services.resolve(incomplete).error().exit_code == 101);
    incomplete.auth_type = Sourced{"azure-client-secret", "DATABRICKS_AUTH_TYPE"};
    const Result<Credential> refused = services.resolve(incomplete);
    CHECK(refused.error().exit_code == 102);
    CHECK(refused.error().message.find("needs azure_client_id, azure_client_secret and azure_tenant_id") !=
          std::string::npos);
    CHECK(services.http.sent.empty());
  }
  {
    Services services;
    DatabricksConfig config = with_service_principal("adb-1.2.azuredatabricks.net");
    config.auth_type = Sourced{"azure-client-secret", "DATABRICKS_AUTH_TYPE"};
    services.http.answer(401, R"({"error": "invalid_client", "error_description":
      "AADSTS7000215: Invalid client secret provided. Trace ID: 1\r\nCorrelation ID: 2"})");
    const Result<Credential> refused = services.resolve(config);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().exit_code == 110);
    CHECK(refused.error().message ==
          "Microsoft Entra ID (https://login.microsoftonline.com/tenant-1/oauth2/token) refused the client secret "
          "token request: HTTP 401: AADSTS7000215: Invalid client secret provided");
  }
  {
    Services services;  // without auth_type a refusal is the error too: no quiet fallback to another identity
    services.http.answer(401, R"({"error": "invalid_client"})");
    const Result<Credential> refused = services.resolve(with_service_principal("adb-1.2.azuredatabricks.net"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().exit_code == 110);
  }
  {
    Services services;
    DatabricksConfig aws = with_service_principal("dbc-1.cloud.databricks.com");
    CHECK(services.resolve(aws).error().exit_code == 101);  // not an Azure workspace: does not apply, as in the SDKs
    aws.auth_type = Sourced{"azure-client-secret", "DATABRICKS_AUTH_TYPE"};
    CHECK(services.resolve(aws).error().exit_code == 102);
    CHECK(services.http.sent.empty());
  }
}

TEST_CASE("azure-client-secret: the test login endpoint takes loopback URLs only") {
  DatabricksConfig config = with_service_principal("adb-1.2.azuredatabricks.net");
  config.auth_type = Sourced{"azure-client-secret", "DATABRICKS_AUTH_TYPE"};
  {
    Services services;
    services.home.env.set("DBCURL_TEST_AZURE_LOGIN_ENDPOINT", "http://127.0.0.1:8080");
    services.http.answer(200, R"({"access_token": "eyJ-entra", "expires_in": 3599})");
    REQUIRE(services.resolve(config).ok());
    CHECK(services.http.sent[0].url == "http://127.0.0.1:8080/tenant-1/oauth2/token");
  }
  for (const char* elsewhere : {"https://login.example.com/", "http://10.0.0.1/", "login.microsoftonline.com"}) {
    INFO(elsewhere);
    Services services;
    services.home.env.set("DBCURL_TEST_AZURE_LOGIN_ENDPOINT", elsewhere);
    const Result<Credential> refused = services.resolve(config);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().exit_code == 102);
    CHECK(services.http.sent.empty());
  }
}

// databricks-sdk-go config/auth_default.go, DefaultCredentials: pat, basic,
// oauth-m2m, databricks-cli, metadata-service, github-oidc, azure-devops-oidc,
// env-oidc, file-oidc, azure-github-oidc, azure-msi, azure-client-secret,
// azure-cli, google-*; dbcurl's token_command and netrc yield PATs.
TEST_CASE("the Go SDK's default order of the sources dbcurl has") {
  std::vector<std::string_view> names;
  for (const TokenSource* source : token_sources()) names.push_back(source->auth_type());
  CHECK(names == std::vector<std::string_view>{"pat", "pat", "pat", "oauth-m2m", "databricks-cli", "metadata-service",
                                               "github-oidc", "env-oidc", "file-oidc", "azure-client-secret",
                                               "azure-cli"});
  for (std::string_view name : names) CHECK(is_supported_auth_type(name));
  CHECK_FALSE(is_supported_auth_type("basic"));
  CHECK_FALSE(is_supported_auth_type("azure-msi"));
}
