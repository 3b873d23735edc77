#pragma once
// Databricks unified client authentication, as the Go SDK and the databricks
// CLI (>= 1.7) resolve it: --profile, then the environment, then one profile of
// ~/.databrickscfg (joined by the dbcurl config.toml profile of the same name);
// later sources only fill what is still empty.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/command_runner.hpp"
#include "common/environment.hpp"
#include "common/io.hpp"
#include "common/redact.hpp"
#include "common/result.hpp"
#include "common/secret.hpp"
#include "creds/config_files.hpp"
#include "creds/dbcurl_config.hpp"
#include "creds/token_cache.hpp"
#include "creds/token_http.hpp"
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
  std::optional<Sourced> profile;  // the profile read, if any
  std::optional<Sourced> host;
  std::optional<WorkspaceHost> workspace;  // host, normalised
  std::optional<SecretSourced> token;
  std::optional<Sourced> username;
  std::optional<SecretSourced> password;
  std::optional<Sourced> auth_type;
  std::optional<Sourced> account_id;
  std::optional<Sourced> workspace_id;
  std::optional<Sourced> client_id;
  std::optional<SecretSourced> client_secret;
  std::optional<Sourced> audience;                              // of the OIDC id token
  std::optional<Sourced> oidc_token_env;                        // names the env-oidc variable
  std::optional<Sourced> oidc_token_filepath;                   // file-oidc
  std::optional<Sourced> actions_id_token_request_url;          // github-oidc
  std::optional<SecretSourced> actions_id_token_request_token;  // github-oidc
  std::optional<SecretSourced> metadata_service_url;            // a secret, as the SDKs mark it
  std::optional<Sourced> azure_resource_id;                     // azure_workspace_resource_id
  std::optional<Sourced> azure_client_id;
  std::optional<SecretSourced> azure_client_secret;
  std::optional<Sourced> azure_tenant_id;
  std::optional<Sourced> azure_environment;    // PUBLIC, USGOVERNMENT, CHINA
  std::optional<Sourced> cli_path;             // databricks_cli_path
  std::optional<HelperCommand> token_command;  // from config.toml
  std::vector<std::string> explain;            // one line per step, secrets redacted
};

// What resolution may use besides pure inputs.
struct ResolveContext {
  Io io;  // every secret a source reads or receives is added to io.secrets before anything is printed
  const TokenCache* cache = nullptr;  // null: no cache
  SystemTime now = std::chrono::system_clock::now();
  TokenHttp* http = nullptr;     // null: sources that need HTTP fail (unit tests pass a fake)
  ConfigFiles* files = nullptr;  // the run's files, read once; null: sources read their own
};

struct ConfigRequest {
  std::optional<std::string> profile;  // --profile, or the profile a request's host picked
  bool use_environment = true;         // false when a host picked the profile (docs/resolution.md)
  ConfigFiles* files = nullptr;        // the run's files, read once; null: read here
};

struct Credential {
  SecretString token;
  std::string origin;
  std::string auth_label;  // "pat", "oauth": for the User-Agent and --explain
  std::vector<std::string> explain;
  bool obtained = true;  // false: --explain named the source and asked it nothing (token empty)
};

// The secrets read are added to io.secrets.
Result<DatabricksConfig> load_databricks_config(Io io, const ConfigRequest& request, const DbcurlConfig* dbcurl);

// The token for config's workspace, first hit wins: the profile or environment
// token; config.toml's token_command; a netrc "login token" entry for the
// host; the databricks CLI (auth_type = databricks-cli, or when on PATH).
Result<Credential> resolve_workspace_token(const DatabricksConfig& config, const ResolveContext& context,
                                           const std::optional<std::string>& netrc_file);

// Profiles of ~/.databrickscfg and config.toml whose host matches; a
// ~/.databrickscfg that cannot be read names none.
std::vector<std::string> profiles_naming_host(ConfigFiles& files, const DbcurlConfig* dbcurl,
                                              const std::function<bool(const WorkspaceHost&)>& matches);

// Profiles of ~/.databrickscfg with an accounts host and an account_id
// (account_id, when given, must be theirs).
Result<std::vector<std::string>> account_profile_names(ConfigFiles& files,
                                                       const std::optional<std::string>& account_id);

// Profile names of ~/.databrickscfg then config.toml, without repeats.
Result<std::vector<std::string>> list_profile_names(ConfigFiles& files, const DbcurlConfig* dbcurl);

}  // namespace dbcurl
