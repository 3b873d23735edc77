#pragma once
// Which requests get Databricks credentials (docs/resolution.md), which credential
// (same), and which are refused (docs/SECURITY.md). No libcurl here.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/config.hpp"
#include "common/diagnostics.hpp"
#include "common/result.hpp"
#include "creds/resolve.hpp"
#include "creds/url.hpp"

namespace dbcurl {

enum class AuthMode {
  kNone,          // a plain curl request: nothing of dbcurl's is attached
  kBearer,        // dbcurl's resolved token, as a bearer token
  kNetrc,         // -n with a "login token" entry: dbcurl looked it up, libcurl sends it
  kUserSupplied,  // the user's own Authorization, --oauth2-bearer or -u token:...
};

struct RequestPlan {
  std::string url;  // placeholders filled, path-only URLs completed
  bool workspace = false;
  AuthMode auth = AuthMode::kNone;
  std::string auth_label;              // "pat", "oauth" or "netrc" (User-Agent)
  std::optional<SecretString> bearer;  // kBearer only
  // kNetrc only: the password of the -n entry (login "token") for this request's
  // host, which libcurl gets as credentials for that host alone.
  std::optional<SecretString> netrc_password;
  bool direct_only = false;  // a token over http://: libcurl must not take a proxy (dbcurl decided there is none)
  std::vector<std::string> headers;  // to send; a placeholder Authorization is dropped for the bearer
  std::vector<std::string> explain;  // why, for --explain
  std::string credential_origin;     // where the credential came from (redacted), for 401/403 hints
  std::optional<std::string> body;   // replaces the -d data (--paginate's POST pages)
};

// Loads each configuration once and each token once, only when a request
// needs them.
class CredentialResolver {
 public:
  // parse_url reads URLs as libcurl does (src/apply/url_parser.hpp; tests pass fakes);
  // warn receives the files' warnings (a credential file readable by others).
  CredentialResolver(Io io, std::optional<std::string> profile_flag, const TokenCache* cache, UrlParser parse_url,
                     TokenHttp* http = nullptr, WarningSink warn = {})
      : files_(io, std::move(warn)),
        profile_flag_(std::move(profile_flag)),
        context_{io, cache},
        parse_url_(std::move(parse_url)) {
    context_.http = http;
    context_.files = &files_;
  }

  const Environment& env() const { return context_.io.env; }
  ConfigFiles& files() { return files_; }
  // The run's secrets: what resolution and planning read is added here.
  SecretRegistry& secrets() { return context_.io.secrets; }
  Result<UrlParts> parse_url(std::string_view url, const std::optional<std::string>& default_protocol) const {
    return parse_url_(url, default_protocol);
  }
  // Whether a request to url (parsed) is one for this workspace: it goes
  // there, or under another scheme to its host (which plan_request refuses).
  bool is_for_workspace(const UrlParts& url, const WorkspaceHost& workspace) const;
  const Result<std::optional<DbcurlConfig>>& dbcurl_config();
  // The resolved workspace (docs/resolution.md, "Workspace and attributes").
  const Result<DatabricksConfig>& config();
  // The resolved workspace a full URL may go to: config(), or when config.toml
  // cannot be read and no profile is named, what the other sources resolve
  // (the file's error once, as a warning); nullptr when there is none. With a
  // profile named, config()'s error is the run's, whatever the URL.
  Result<const DatabricksConfig*> config_for_full_url(const WarningSink& warn);
  // Rule 4: the configuration of the one profile, config.toml host or netrc
  // "login token" entry that names this host; nullptr when none does. A
  // config file that cannot be read is an error when a profile is named,
  // else one warning per run and nullptr (docs/resolution.md).
  Result<const DatabricksConfig*> config_for_host(const UrlParts& url, const WarningSink& warn);
  const Result<Credential>& token(const DatabricksConfig& config, const std::optional<std::string>& netrc_file);
  // Where an account API path goes when the resolved configuration is a
  // workspace's: the one account profile (of the resolved account_id, when
  // set); nullptr when there is none.
  Result<const DatabricksConfig*> account_config();

 private:
  const DbcurlConfig* dbcurl_or_null();
  Result<DatabricksConfig> load_for_host(const UrlParts& url, const WarningSink& warn);
  bool profile_named() const;
  // A config file that cannot be read: its error when a profile is named, else
  // nullopt after one warning (what it would have given is left out).
  std::optional<Error> skip_unreadable(const Error& error, const WarningSink& warn);
  void warn_unreadable(const Error& error, const WarningSink& warn);

  ConfigFiles files_;
  std::optional<std::string> profile_flag_;
  ResolveContext context_;
  std::optional<Result<DatabricksConfig>> config_;
  std::optional<Result<DatabricksConfig>> config_without_dbcurl_;  // config.toml left out
  std::map<std::string, Result<DatabricksConfig>> host_configs_;
  std::set<std::string> unreadable_warned_;  // the errors warn_unreadable gave, each once a run
  std::optional<Result<DatabricksConfig>> account_config_;
  std::map<std::pair<const DatabricksConfig*, std::string>, Result<Credential>> tokens_;
  UrlParser parse_url_;
};

// Both URLs as a UrlParser gives them. Whether url goes to the workspace: the
// same host, and the same port when url gives one (docs/differences.md).
bool url_matches_workspace(const UrlParts& url, const UrlParts& workspace);
// Whether url names the workspace's host under a scheme other than http(s),
// whatever its port: such a request would carry credentials in cleartext.
bool is_other_scheme_to_workspace_host(const UrlParts& url, const UrlParts& workspace);

// warn receives warnings (doubled scheme repaired, token in the process list).
Result<RequestPlan> plan_request(const std::string& url, const TransferConfig& transfer, CredentialResolver& resolver,
                                 const WarningSink& warn);

}  // namespace dbcurl
