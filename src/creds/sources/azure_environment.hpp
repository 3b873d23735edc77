#pragma once
// Azure Databricks clouds, as the Go SDK's common/environment tells them apart:
// the workspace host's DNS zone gives the Entra application id that tokens are
// asked for and the Entra (login) endpoint of the Azure cloud.

#include <optional>
#include <string_view>

#include "creds/attributes.hpp"
#include "creds/resolve.hpp"

namespace dbcurl {

struct AzureEnvironment {
  std::string_view name;                       // PUBLIC, USGOVERNMENT, CHINA (ARM_ENVIRONMENT)
  std::string_view application_id;             // the Azure Databricks resource tokens are for
  std::string_view active_directory_endpoint;  // https://login.microsoftonline.com/
};

// The attributes both Azure sources read (the Go SDK's auth tag "azure").
inline constexpr Attribute kAzureResourceId = {.key = "azure_workspace_resource_id",
                                               .env = "DATABRICKS_AZURE_RESOURCE_ID",
                                               .plain = &DatabricksConfig::azure_resource_id,
                                               .auth = "azure"};
inline constexpr Attribute kAzureTenantId = {
    .key = "azure_tenant_id", .env = "ARM_TENANT_ID", .plain = &DatabricksConfig::azure_tenant_id, .auth = "azure"};
inline constexpr Attribute kAzureEnvironment = {
    .key = "azure_environment", .env = "ARM_ENVIRONMENT", .plain = &DatabricksConfig::azure_environment};

// The Azure cloud of config's workspace: by the host's DNS zone; for another
// host with azure_workspace_resource_id set, the production workspaces of
// azure_environment (default PUBLIC). nullopt: not an Azure workspace.
Result<std::optional<AzureEnvironment>> azure_environment(const DatabricksConfig& config);

// The subscription of an Azure resource id ("/subscriptions/<id>/..."), if any.
std::optional<std::string> azure_subscription(std::string_view resource_id);

}  // namespace dbcurl
