#include <catch2/catch.hpp>

#include "creds/account.hpp"

using namespace dbcurl;

TEST_CASE("account placeholders: filled in the path from account_id and workspace_id, never in the query") {
  DatabricksConfig config;
  config.workspace = WorkspaceHost{"https", "accounts.cloud.databricks.com", "", std::nullopt};
  config.account_id = Sourced{"acc-1", "DATABRICKS_ACCOUNT_ID"};
  config.workspace_id = Sourced{"42", "profile"};
  std::vector<std::string> explain;
  Result<std::string> filled = fill_id_placeholders(
      "https://accounts.cloud.databricks.com/api/2.0/accounts/<account-id>/workspaces/<workspace-id>?q=<account-id>",
      config, explain);
  REQUIRE(filled);
  CHECK(*filled == "https://accounts.cloud.databricks.com/api/2.0/accounts/acc-1/workspaces/42?q=<account-id>");
  CHECK(explain == std::vector<std::string>{"<account-id>: acc-1 (from DATABRICKS_ACCOUNT_ID)",
                                            "<workspace-id>: 42 (from profile)"});
  CHECK(is_account_config(config));

  config.account_id.reset();
  Result<std::string> missing = fill_id_placeholders("/api/2.0/accounts/<account-id>/x", config, explain);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().exit_code == exit_code::kNoCredentials);
  CHECK(missing.error().message == "the URL names <account-id>, but no account_id is configured");
  CHECK_FALSE(is_account_config(config));

  config.workspace_id.reset();
  config.workspace->workspace_id = "777";  // ?o=777
  Result<std::string> from_host = fill_id_placeholders("/api/2.0/workspaces/<workspace-id>", config, explain);
  REQUIRE(from_host);
  CHECK(*from_host == "/api/2.0/workspaces/777");
}

TEST_CASE("account API paths: /api/<version>/accounts/...") {
  CHECK(is_account_api_path("/api/2.0/accounts/abc/workspaces"));
  CHECK(is_account_api_path("/api/2.1/accounts/abc"));
  CHECK_FALSE(is_account_api_path("/api/2.0/clusters/list"));
  CHECK_FALSE(is_account_api_path("/api/2.0/preview/accounts/abc"));
  CHECK_FALSE(is_account_api_path("/accounts/abc"));
}
