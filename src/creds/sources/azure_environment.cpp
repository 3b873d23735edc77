#include "creds/sources/azure_environment.hpp"

#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr std::string_view kProductionApp = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";

// config/environments.go and common/environment of the Go SDK; the first
// matching zone wins, so dev and staging come before production.
struct AzureZone {
  std::string_view dns_zone;
  AzureEnvironment environment;
};
constexpr AzureZone kZones[] = {
    {".dev.azuredatabricks.net",
     {"PUBLIC", "62a912ac-b58e-4c1d-89ea-b2dbfc7358fc", "https://login.microsoftonline.com/"}},
    {".staging.azuredatabricks.net",
     {"PUBLIC", "4a67d088-db5c-48f1-9ff2-0aace800ae68", "https://login.microsoftonline.com/"}},
    {".azuredatabricks.net", {"PUBLIC", kProductionApp, "https://login.microsoftonline.com/"}},
    {".databricks.azure.us", {"USGOVERNMENT", kProductionApp, "https://login.microsoftonline.us/"}},
    {".databricks.azure.cn", {"CHINA", kProductionApp, "https://login.chinacloudapi.cn/"}},
};

bool is_production(const AzureZone& zone) {
  return !zone.dns_zone.starts_with(".dev.") && !zone.dns_zone.starts_with(".staging.");
}

}  // namespace

Result<std::optional<AzureEnvironment>> azure_environment(const DatabricksConfig& config) {
  if (config.workspace) {
    const std::string& host = config.workspace->host;
    for (const AzureZone& zone : kZones) {
      if (host.ends_with(zone.dns_zone)) return std::optional<AzureEnvironment>(zone.environment);
    }
  }
  if (!config.azure_resource_id) return std::optional<AzureEnvironment>();
  const std::string_view name = config.azure_environment ? std::string_view(config.azure_environment->value) : "PUBLIC";
  for (const AzureZone& zone : kZones) {
    if (is_production(zone) && iequals(zone.environment.name, name)) {
      return std::optional<AzureEnvironment>(zone.environment);
    }
  }
  return make_error(exit_code::kConfigInvalid, "azure_environment '" + config.azure_environment->value + "' (from " +
                                                   config.azure_environment->origin +
                                                   ") is not an Azure cloud: use PUBLIC, USGOVERNMENT or CHINA");
}

std::optional<std::string> azure_subscription(std::string_view resource_id) {
  // "/subscriptions/<id>/resourceGroups/...": the SDKs take the third '/'-separated part.
  const std::vector<std::string_view> parts = split(resource_id, '/');
  if (parts.size() < 3 || parts[2].empty()) return std::nullopt;
  return std::string(parts[2]);
}

}  // namespace dbcurl
