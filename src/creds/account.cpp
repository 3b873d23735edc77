#include "creds/account.hpp"

namespace dbcurl {

namespace {

// Replaces every placeholder in the path (before any '?' or '#') with value.
std::string replace_in_path(std::string url, std::string_view placeholder, const std::string& value) {
  for (std::size_t at = url.find(placeholder); at != std::string::npos && at < url.find_first_of("?#");
       at = url.find(placeholder, at + value.size())) {
    url.replace(at, placeholder.size(), value);
  }
  return url;
}

}  // namespace

Result<std::string> fill_id_placeholders(const std::string& url, const DatabricksConfig& config,
                                         std::vector<std::string>& explain) {
  std::string filled = url;
  const std::size_t path_end = url.find_first_of("?#");
  const auto names = [&](std::string_view placeholder) {
    const std::size_t at = url.find(placeholder);
    return at != std::string::npos && at < path_end;
  };
  if (names("<account-id>")) {
    if (!config.account_id) {
      return make_error(exit_code::kNoCredentials, "the URL names <account-id>, but no account_id is configured",
                        "Set DATABRICKS_ACCOUNT_ID, or use an account profile: --profile NAME of a profile with "
                        "'host = https://accounts.cloud.databricks.com' and 'account_id = ...'.\n");
    }
    filled = replace_in_path(filled, "<account-id>", config.account_id->value);
    explain.push_back("<account-id>: " + config.account_id->value + " (from " + config.account_id->origin + ")");
  }
  if (names("<workspace-id>")) {
    std::optional<Sourced> id = config.workspace_id;
    if (!id && config.workspace && config.workspace->workspace_id) {
      id = Sourced{*config.workspace->workspace_id, "the host's ?o="};
    }
    if (!id) {
      return make_error(exit_code::kNoCredentials, "the URL names <workspace-id>, but no workspace_id is configured",
                        "Set DATABRICKS_WORKSPACE_ID, or add 'workspace_id = ...' to the profile.\n");
    }
    filled = replace_in_path(filled, "<workspace-id>", id->value);
    explain.push_back("<workspace-id>: " + id->value + " (from " + id->origin + ")");
  }
  return filled;
}

bool is_account_api_path(std::string_view path) {
  if (!path.starts_with("/api/")) return false;
  const std::size_t version_end = path.find('/', 5);
  return version_end != std::string_view::npos && path.substr(version_end).starts_with("/accounts/");
}

bool is_account_config(const DatabricksConfig& config) {
  return config.account_id && config.workspace && config.workspace->is_account_host();
}

}  // namespace dbcurl
