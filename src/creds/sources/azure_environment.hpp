#pragma once
// Azure Databricks clouds, as the Go SDK's common/environment tells them apart:
// the workspace host's DNS zone gives the Entra application id that tokens are
// asked for and the Entra (login) endpoint of the Azure cloud.

#include <optional>
#include <string_view>

#include "creds/resolve.hpp"

namespace dbcurl {

struct AzureEnvironment {
  std::string_view name;                       // PUBLIC, USGOVERNMENT, CHINA (ARM_ENVIRONMENT)
  std::string_view application_id;             // the Azure Databricks resource tokens are for
  std::string_view active_directory_endpoint;  // https://login.microsoftonline.com/
};

// The Azure cloud of config's workspace: by the host's DNS zone; for another
// host with azure_workspace_resource_id set, the production workspaces of
// azure_environment (default PUBLIC). nullopt: not an Azure workspace.
Result<std::optional<AzureEnvironment>> azure_environment(const DatabricksConfig& config);

// The subscription of an Azure resource id ("/subscriptions/<id>/..."), if any.
std::optional<std::string> azure_subscription(std::string_view resource_id);

}  // namespace dbcurl
