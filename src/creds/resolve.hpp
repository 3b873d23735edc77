#pragma once
// Databricks unified client authentication, as the Go SDK and the databricks
// CLI (>= 1.7) resolve it: --profile, then the environment, then one profile of
// ~/.databrickscfg; later sources only fill what is still empty.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/secret.hpp"
#include "creds/environment.hpp"
#include "creds/url.hpp"

namespace dbcurl {

struct Sourced {
  std::string value;
  std::string origin;  // "DATABRICKS_HOST", "/home/u/.databrickscfg [prod]", ...
};

struct SecretSourced {
  SecretString value;
  std::string origin;
};

struct DatabricksConfig {
  std::string config_file;         // the path looked at
  std::optional<Sourced> profile;  // the profile read from it, if any
  std::optional<Sourced> host;
  std::optional<WorkspaceHost> workspace;  // host, normalised
  std::optional<SecretSourced> token;
  std::optional<Sourced> username;
  std::optional<SecretSourced> password;
  std::optional<Sourced> auth_type;
  std::vector<std::string> explain;  // one line per step, secrets redacted
};

struct Credential {
  SecretString token;
  std::string origin;
  std::string auth_label;  // "pat", "oauth" or "netrc": for the User-Agent and --explain
};

Result<DatabricksConfig> load_databricks_config(const Environment& env, const std::optional<std::string>& profile_flag);

// The token for the resolved workspace, first hit wins: the profile or
// environment token, then a netrc "login token" entry for the host.
// looked_at collects what was tried, for the error message.
Result<Credential> resolve_workspace_token(const DatabricksConfig& config, const Environment& env,
                                           const std::optional<std::string>& netrc_file);

// Profile names of ~/.databrickscfg, in file order, for --list-profiles.
Result<std::vector<std::string>> list_profile_names(const Environment& env);

}  // namespace dbcurl
