#pragma once
// Account-level APIs (/api/2.0/accounts/<account-id>/...): an account profile
// is one with account_id and an accounts host (accounts.*, accounts-dod.*).
// Its ids fill a URL's <account-id> and <workspace-id> as the workspace fills
// <databricks-instance>, and path-only account API URLs go to it
// (docs/resolution.md, "Account profiles").

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "creds/resolve.hpp"

namespace dbcurl {

// url with <account-id> and <workspace-id> replaced by config's account_id and
// workspace_id (also the host's ?o= id); an Error naming what is missing.
Result<std::string> fill_id_placeholders(const std::string& url, const DatabricksConfig& config,
                                         std::vector<std::string>& explain);

// A path of the account API: /api/<version>/accounts/...
bool is_account_api_path(std::string_view path);

// Whether config is an account profile's.
bool is_account_config(const DatabricksConfig& config);

}  // namespace dbcurl
