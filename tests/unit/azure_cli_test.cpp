#include <catch2/catch.hpp>

#include "creds/sources/azure_environment.hpp"
#include "creds/sources/token_source.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeRunner;
using dbcurl::testing::TempHome;
using dbcurl::testing::workspace_config;

namespace {

using Argv = std::vector<std::string>;

constexpr const char* kAzureApp = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";
constexpr const char* kResourceId =
    "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";

std::string application_of(const DatabricksConfig& config) {
  Result<std::optional<AzureEnvironment>> environment = azure_environment(config);
  REQUIRE(environment.ok());
  return *environment ? std::string((*environment)->application_id) : "not azure";
}

// A HOME with an `az` on PATH (never run: the FakeRunner answers).
struct AzHome {
  AzHome() {
    home.write("bin/az", "#!/bin/sh\n");
    std::filesystem::permissions(home.path("bin/az"), std::filesystem::perms::owner_all);
    home.env.set("PATH", home.path("bin"));
  }
  Result<Credential> resolve(const DatabricksConfig& config) {
    return resolve_workspace_token(config, ResolveContext{home.io(runner)}, std::nullopt);
  }
  TempHome home;
  FakeRunner runner;
};

const Argv kGetToken = {"az", "account", "get-access-token", "--resource", kAzureApp, "--output", "json"};

Argv with(Argv argv, std::initializer_list<std::string> more) {
  argv.insert(argv.end(), more);
  return argv;
}

}  // namespace

TEST_CASE("Azure workspaces by DNS zone, as the Go SDK's environments; a resource id makes any host Azure") {
  CHECK(application_of(workspace_config("adb-123.4.azuredatabricks.net")) == kAzureApp);
  CHECK(application_of(workspace_config("adb-123.4.dev.azuredatabricks.net")) ==
        "62a912ac-b58e-4c1d-89ea-b2dbfc7358fc");
  CHECK(application_of(workspace_config("adb-123.4.staging.azuredatabricks.net")) ==
        "4a67d088-db5c-48f1-9ff2-0aace800ae68");
  CHECK(application_of(workspace_config("adb-1.2.databricks.azure.us")) == kAzureApp);
  CHECK(application_of(workspace_config("adb-1.2.databricks.azure.cn")) == kAzureApp);
  CHECK(application_of(workspace_config("dbc-1.cloud.databricks.com")) == "not azure");
  CHECK(application_of(workspace_config("azuredatabricks.net.example.com")) == "not azure");

  DatabricksConfig local = workspace_config("127.0.0.1");
  local.azure_resource_id = Sourced{kResourceId, "test"};
  REQUIRE(azure_environment(local).ok());
  CHECK((*azure_environment(local))->name == "PUBLIC");
  local.azure_environment = Sourced{"china", "ARM_ENVIRONMENT"};
  CHECK((*azure_environment(local))->active_directory_endpoint == "https://login.chinacloudapi.cn/");
  local.azure_environment = Sourced{"mars", "ARM_ENVIRONMENT"};
  REQUIRE_FALSE(azure_environment(local).ok());
  CHECK(azure_environment(local).error().message.find("'mars' (from ARM_ENVIRONMENT)") != std::string::npos);

  CHECK(azure_subscription(kResourceId) == "sub-1");
  CHECK_FALSE(azure_subscription("/subscriptions").has_value());
}

TEST_CASE("azure-cli: az account get-access-token for the Azure Databricks app; accessToken and expires_on") {
  AzHome az;
  az.runner.answer(R"({"accessToken": "eyJ-az", "expiresOn": "2099-01-01 00:00:00.000000", "expires_on": 4070908800,
                       "tokenType": "Bearer"})");
  Result<Credential> credential = az.resolve(workspace_config("adb-1.2.azuredatabricks.net"));
  REQUIRE(credential.ok());
  CHECK(credential->token.view() == "eyJ-az");
  CHECK(credential->auth_label == "azure-cli");
  CHECK(az.runner.commands == std::vector<Argv>{kGetToken});
}

TEST_CASE("azure-cli: a tenant is passed with --tenant, unless az is signed in as a managed identity") {
  DatabricksConfig config = workspace_config("adb-1.2.azuredatabricks.net");
  config.azure_tenant_id = Sourced{"tenant-1", "ARM_TENANT_ID"};
  config.azure_resource_id = Sourced{kResourceId, "test"};  // no --subscription when the tenant is known
  const Argv show = {"az", "account", "show", "--output", "json"};
  const char* token = R"({"accessToken": "eyJ-az", "expiresOn": "2099-01-01 00:00:00.000000"})";
  {
    AzHome az;
    az.runner.answer(R"({"user": {"name": "me@example.com", "type": "user"}})");
    az.runner.answer(token);
    REQUIRE(az.resolve(config).ok());
    CHECK(az.runner.commands == std::vector<Argv>{show, with(kGetToken, {"--tenant", "tenant-1"})});
  }
  {
    AzHome az;
    az.runner.answer(R"({"user": {"name": "systemAssignedIdentity", "type": "servicePrincipal"}})");
    az.runner.answer(token);
    REQUIRE(az.resolve(config).ok());
    CHECK(az.runner.commands == std::vector<Argv>{show, kGetToken});
  }
}

TEST_CASE("azure-cli: the resource id's subscription is tried first, then the resource alone") {
  DatabricksConfig config = workspace_config("adb-1.2.azuredatabricks.net");
  config.azure_resource_id = Sourced{kResourceId, "DATABRICKS_AZURE_RESOURCE_ID"};
  AzHome az;
  az.runner.fail("az failed with exit code 1");
  az.runner.answer(R"({"accessToken": "eyJ-az", "expires_on": 4070908800})");
  REQUIRE(az.resolve(config).ok());
  CHECK(az.runner.commands == std::vector<Argv>{with(kGetToken, {"--subscription", "sub-1"}), kGetToken});
}

TEST_CASE("azure-cli: an az that timed out is not run again") {
  DatabricksConfig config = workspace_config("adb-1.2.azuredatabricks.net");
  config.auth_type = Sourced{"azure-cli", "DATABRICKS_AUTH_TYPE"};
  config.azure_resource_id = Sourced{kResourceId, "DATABRICKS_AZURE_RESOURCE_ID"};
  {
    AzHome az;
    az.runner.time_out("token helper 'az account get-access-token ...' timed out after 30 s");
    az.runner.answer(R"({"accessToken": "eyJ-az", "expires_on": 4070908800})");
    const Result<Credential> token = az.resolve(config);
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().kind == ErrorKind::kTimedOut);
    CHECK(az.runner.commands == std::vector<Argv>{with(kGetToken, {"--subscription", "sub-1"})});
  }
  {
    AzHome az;
    config.azure_tenant_id = Sourced{"tenant-1", "ARM_TENANT_ID"};
    az.runner.time_out("token helper 'az account show --output json' timed out after 30 s");
    az.runner.answer(R"({"accessToken": "eyJ-az", "expires_on": 4070908800})");
    const Result<Credential> token = az.resolve(config);
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().kind == ErrorKind::kTimedOut);
    CHECK(az.runner.commands == std::vector<Argv>{{"az", "account", "show", "--output", "json"}});
  }
}

TEST_CASE("azure-cli without auth_type: only for Azure hosts with az on PATH, and its failure is quiet") {
  {
    AzHome az;
    const Result<Credential> aws = az.resolve(workspace_config("dbc-1.cloud.databricks.com"));
    REQUIRE_FALSE(aws.ok());
    CHECK(aws.error().exit_code == 101);
    CHECK(az.runner.commands.empty());
  }
  {
    AzHome az;
    az.runner.fail("'az account get-access-token' failed with exit code 1");
    const Result<Credential> logged_out = az.resolve(workspace_config("adb-1.2.azuredatabricks.net"));
    REQUIRE_FALSE(logged_out.ok());
    CHECK(logged_out.error().exit_code == 101);
    CHECK(logged_out.error().message.find("the Azure CLI 'az account get-access-token' (") != std::string::npos);
  }
  {
    TempHome no_az;
    no_az.env.set("PATH", no_az.path("bin"));
    FakeRunner runner;
    const Result<Credential> none = resolve_workspace_token(workspace_config("adb-1.2.azuredatabricks.net"),
                                                            ResolveContext{no_az.io(runner)}, std::nullopt);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find("Azure CLI") == std::string::npos);
  }
}

TEST_CASE("auth_type azure-cli: a failure is the error; a host that is not Azure, or no az, is refused") {
  DatabricksConfig config = workspace_config("adb-1.2.azuredatabricks.net");
  config.auth_type = Sourced{"azure-cli", "DATABRICKS_AUTH_TYPE"};
  {
    AzHome az;
    az.runner.fail("'az account get-access-token' failed with exit code 1");
    const Result<Credential> failed = az.resolve(config);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().exit_code == 103);
    CHECK(failed.error().hint.find("az login") != std::string::npos);
  }
  {
    AzHome az;
    az.runner.answer(R"({"accessToken": "eyJ-az"})");
    const Result<Credential> no_expiry = az.resolve(config);
    REQUIRE_FALSE(no_expiry.ok());
    CHECK(no_expiry.error().message.find("no \"expires_on\" or \"expiresOn\"") != std::string::npos);
    az.runner.answer("Please run 'az login' to setup account.");
    const Result<Credential> not_json = az.resolve(config);
    REQUIRE_FALSE(not_json.ok());
    CHECK(not_json.error().message.find("no JSON with an \"accessToken\"") != std::string::npos);
  }
  {
    TempHome no_az;
    no_az.env.set("PATH", no_az.path("bin"));
    FakeRunner runner;
    const Result<Credential> missing = resolve_workspace_token(config, ResolveContext{no_az.io(runner)}, std::nullopt);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().exit_code == 103);
    CHECK(missing.error().message == "auth_type azure-cli: the Azure CLI 'az' is not on PATH");
    CHECK(runner.commands.empty());
  }
  {
    AzHome az;
    DatabricksConfig aws = workspace_config("dbc-1.cloud.databricks.com");
    aws.auth_type = config.auth_type;
    const Result<Credential> refused = az.resolve(aws);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().exit_code == 102);
    CHECK(refused.error().message.find("dbc-1.cloud.databricks.com is none") != std::string::npos);
    CHECK(az.runner.commands.empty());
  }
}
