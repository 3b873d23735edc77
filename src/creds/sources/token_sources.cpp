#include "creds/sources/token_source.hpp"

namespace dbcurl {

const TokenSource& profile_token_source();
const TokenSource& token_command_source();
const TokenSource& netrc_token_source();
const TokenSource& databricks_cli_source();
const TokenSource& oauth_m2m_source();
const TokenSource& metadata_service_source();
const TokenSource& github_oidc_source();
const TokenSource& env_oidc_source();
const TokenSource& file_oidc_source();
const TokenSource& azure_client_secret_source();
const TokenSource& azure_cli_source();

// The Go SDK's order (config/auth_default.go, DefaultCredentials): pat,
// oauth-m2m, databricks-cli, metadata-service, github-oidc, env-oidc,
// file-oidc, azure-client-secret, azure-cli; dbcurl's own token_command and
// netrc sit with pat.
std::span<const TokenSource* const> token_sources() {
  static const TokenSource* const kSources[] = {
      &profile_token_source(),  &token_command_source(),       &netrc_token_source(), &oauth_m2m_source(),
      &databricks_cli_source(), &metadata_service_source(),    &github_oidc_source(), &env_oidc_source(),
      &file_oidc_source(),      &azure_client_secret_source(), &azure_cli_source()};
  return kSources;
}

bool is_supported_auth_type(std::string_view name) {
  for (const TokenSource* source : token_sources()) {
    if (source->auth_type() == name) return true;
  }
  return false;
}

bool auth_type_allows(const DatabricksConfig& config, std::string_view name) {
  return !config.auth_type || config.auth_type->value == name;
}

bool requires_databricks_cli(const DatabricksConfig& config) {
  return config.auth_type && config.auth_type->value == "databricks-cli";
}

}  // namespace dbcurl
