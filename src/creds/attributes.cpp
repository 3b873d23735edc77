#include "creds/attributes.hpp"

#include <algorithm>

#include "creds/resolve.hpp"

namespace dbcurl {

namespace {

// Names as the Go SDK's config attributes spell them (config/config.go).
constexpr Attribute kAttributes[] = {
    {.key = "host", .env = "DATABRICKS_HOST", .plain = &DatabricksConfig::host},
    {.key = "token", .env = "DATABRICKS_TOKEN", .secret = &DatabricksConfig::token, .auth = true},
    {.key = "username", .env = "DATABRICKS_USERNAME", .plain = &DatabricksConfig::username, .auth = true},
    {.key = "password", .env = "DATABRICKS_PASSWORD", .secret = &DatabricksConfig::password, .auth = true},
    {.key = "client_id", .env = "DATABRICKS_CLIENT_ID", .plain = &DatabricksConfig::client_id, .auth = true},
    {.key = "client_secret",
     .env = "DATABRICKS_CLIENT_SECRET",
     .secret = &DatabricksConfig::client_secret,
     .auth = true},
    {.key = "auth_type", .env = "DATABRICKS_AUTH_TYPE", .plain = &DatabricksConfig::auth_type, .profile_only = true},
    {.key = "account_id", .env = "DATABRICKS_ACCOUNT_ID", .plain = &DatabricksConfig::account_id, .profile_only = true},
    {.key = "workspace_id",
     .env = "DATABRICKS_WORKSPACE_ID",
     .plain = &DatabricksConfig::workspace_id,
     .profile_only = true},
    // Workload identity federation (config/auth_oidc.go).
    {.key = "audience", .env = "DATABRICKS_TOKEN_AUDIENCE", .plain = &DatabricksConfig::audience},
    {.key = "oidc_token_env",
     .env = "DATABRICKS_OIDC_TOKEN_ENV",
     .plain = &DatabricksConfig::oidc_token_env,
     .auth = true},
    {.key = "databricks_id_token_filepath",
     .env = "DATABRICKS_OIDC_TOKEN_FILEPATH",
     .plain = &DatabricksConfig::oidc_token_filepath,
     .auth = true},
    {.key = "actions_id_token_request_url",
     .env = "ACTIONS_ID_TOKEN_REQUEST_URL",
     .plain = &DatabricksConfig::actions_id_token_request_url},
    {.key = "actions_id_token_request_token",
     .env = "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
     .secret = &DatabricksConfig::actions_id_token_request_token},
};

}  // namespace

std::span<const Attribute> databricks_attributes() { return kAttributes; }

const Attribute* find_attribute(std::string_view key) {
  const auto* found = std::find_if(std::begin(kAttributes), std::end(kAttributes),
                                   [key](const Attribute& attribute) { return attribute.key == key; });
  return found == std::end(kAttributes) ? nullptr : found;
}

}  // namespace dbcurl
