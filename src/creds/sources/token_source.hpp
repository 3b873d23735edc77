#pragma once
// The sources of a workspace token, first hit wins: each one is a file of this
// directory implementing TokenSource; resolve_workspace_token loops over
// token_sources() in order, and so does the classifier asking which source
// names a host. Adding a source is one file (its code and the configuration
// attributes it reads), one line in token_sources(), and its test.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "creds/attributes.hpp"
#include "creds/resolve.hpp"
#include "creds/url.hpp"

namespace dbcurl {

// What one source is asked about: the resolved configuration and what
// resolution may use.
struct TokenRequest {
  const DatabricksConfig& config;
  const ResolveContext& context;
  const std::optional<std::string>& netrc_file;  // --netrc-file
};

// A request's host, asked of each source when no profile names it: the run's
// files, and whether a host a source knows is the request's workspace.
struct HostQuery {
  const UrlParts& url;
  ConfigFiles& files;
  const DbcurlConfig* dbcurl;  // config.toml; null: none
  const std::function<bool(const WorkspaceHost&)>& matches;
};

// What a source gave: a credential, or what it found instead ("nothing", or
// why a source that may fail quietly failed), for --explain and the error.
struct TokenAttempt {
  std::optional<Credential> credential;
  std::string outcome = "nothing";
};

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // The SDKs' auth_type name of what it yields ("pat", "azure-cli", ...).
  virtual std::string_view auth_type() const = 0;
  // What the source looks at, for --explain and the "nothing found" message;
  // nullopt when it does not apply (no workspace, ruled out by auth_type, ...).
  virtual std::optional<std::string> looks_at(const TokenRequest& request) const = 0;
  // Its credential, or nothing; an Error stops resolution (a helper that failed).
  virtual Result<TokenAttempt> resolve(const TokenRequest& request) const = 0;
  // Whether the source names the query's host as a workspace by itself
  // (config.toml's [hosts."…"], a netrc "login token" machine); if so it adds
  // what it knows to config (a token_command, why, for --explain). Most
  // sources name no host.
  virtual bool names_host(const HostQuery& /*query*/, DatabricksConfig& /*config*/) const { return false; }
  // The configuration attributes it reads besides the core ones (host,
  // auth_type, account_id, ...: attributes.cpp), rows of databricks_attributes().
  // A row several sources read is defined once, in the file they share, and
  // listed by each.
  virtual std::span<const Attribute> attributes() const { return {}; }
};

// The sources in the order they are tried.
std::span<const TokenSource* const> token_sources();

// Whether a source of this auth_type exists (else auth_type is refused).
bool is_supported_auth_type(std::string_view name);

// Whether a source of auth type name may be tried: no auth_type, or that one.
bool auth_type_allows(const DatabricksConfig& config, std::string_view name);

// auth_type = databricks-cli: the CLI is the only source after an explicit token.
bool requires_databricks_cli(const DatabricksConfig& config);

}  // namespace dbcurl
