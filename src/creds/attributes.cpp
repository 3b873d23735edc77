#include "creds/attributes.hpp"

#include <algorithm>

#include "creds/resolve.hpp"

namespace dbcurl {

namespace {

// Names as the Go SDK's config attributes spell them (config/config.go).
constexpr Attribute kAttributes[] = {
    {.key = "host", .env = "DATABRICKS_HOST", .plain = &DatabricksConfig::host},
    {.key = "token", .env = "DATABRICKS_TOKEN", .secret = &DatabricksConfig::token, .auth = "pat"},
    {.key = "username", .env = "DATABRICKS_USERNAME", .plain = &DatabricksConfig::username, .auth = "basic"},
    {.key = "password", .env = "DATABRICKS_PASSWORD", .secret = &DatabricksConfig::password, .auth = "basic"},
    {.key = "client_id", .env = "DATABRICKS_CLIENT_ID", .plain = &DatabricksConfig::client_id, .auth = "oauth"},
    {.key = "client_secret",
     .env = "DATABRICKS_CLIENT_SECRET",
     .secret = &DatabricksConfig::client_secret,
     .auth = "oauth"},
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
     .auth = "env-oidc"},
    {.key = "databricks_id_token_filepath",
     .env = "DATABRICKS_OIDC_TOKEN_FILEPATH",
     .plain = &DatabricksConfig::oidc_token_filepath,
     .auth = "file-oidc"},
    {.key = "actions_id_token_request_url",
     .env = "ACTIONS_ID_TOKEN_REQUEST_URL",
     .plain = &DatabricksConfig::actions_id_token_request_url},
    {.key = "actions_id_token_request_token",
     .env = "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
     .secret = &DatabricksConfig::actions_id_token_request_token},
    {.key = "metadata_service_url",
     .env = "DATABRICKS_METADATA_SERVICE_URL",
     .secret = &DatabricksConfig::metadata_service_url,
     .auth = "metadata-service"},
    {.key = "azure_workspace_resource_id",
     .env = "DATABRICKS_AZURE_RESOURCE_ID",
     .plain = &DatabricksConfig::azure_resource_id,
     .auth = "azure"},
    {.key = "azure_client_id", .env = "ARM_CLIENT_ID", .plain = &DatabricksConfig::azure_client_id, .auth = "azure"},
    {.key = "azure_client_secret",
     .env = "ARM_CLIENT_SECRET",
     .secret = &DatabricksConfig::azure_client_secret,
     .auth = "azure"},
    {.key = "azure_tenant_id", .env = "ARM_TENANT_ID", .plain = &DatabricksConfig::azure_tenant_id, .auth = "azure"},
    {.key = "azure_environment", .env = "ARM_ENVIRONMENT", .plain = &DatabricksConfig::azure_environment},
};

}  // namespace

std::span<const Attribute> databricks_attributes() { return kAttributes; }

const Attribute* find_attribute(std::string_view key) {
  const auto* found = std::find_if(std::begin(kAttributes), std::end(kAttributes),
                                   [key](const Attribute& attribute) { return attribute.key == key; });
  return found == std::end(kAttributes) ? nullptr : found;
}

}  // namespace dbcurl
