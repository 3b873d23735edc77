#pragma once
// Which requests get Databricks credentials (SPEC §3), which credential
// (SPEC §5), and which are refused (SPEC §6, §7). Pure: no libcurl.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "common/diagnostics.hpp"
#include "common/result.hpp"
#include "creds/resolve.hpp"

namespace dbcurl {

enum class AuthMode {
  kNone,          // a plain curl request: nothing of dbcurl's is attached
  kBearer,        // dbcurl's resolved token, as a bearer token
  kNetrc,         // -n with a "login token" entry: libcurl sends it from netrc
  kUserSupplied,  // the user's own Authorization, --oauth2-bearer or -u token:...
};

struct RequestPlan {
  std::string url;  // placeholders filled, path-only URLs completed
  bool workspace = false;
  AuthMode auth = AuthMode::kNone;
  std::string auth_label;              // "pat", "oauth" or "netrc" (User-Agent)
  std::optional<SecretString> bearer;  // kBearer only
  std::vector<std::string> headers;    // to send; a placeholder Authorization is dropped for the bearer
  std::vector<std::string> explain;    // why, for --explain
};

// Loads the Databricks configuration once and the token once per netrc file,
// only when a request needs them.
class CredentialResolver {
 public:
  CredentialResolver(const Environment& env, std::optional<std::string> profile_flag)
      : env_(env), profile_flag_(std::move(profile_flag)) {}

  const Result<DatabricksConfig>& config();
  const Result<Credential>& token(const std::optional<std::string>& netrc_file);
  const Environment& env() const { return env_; }

 private:
  const Environment& env_;
  std::optional<std::string> profile_flag_;
  std::optional<Result<DatabricksConfig>> config_;
  std::map<std::string, Result<Credential>> tokens_;
};

// warn receives warnings (doubled scheme repaired, token in the process list).
Result<RequestPlan> plan_request(const std::string& url, const TransferConfig& transfer, CredentialResolver& resolver,
                                 const WarningSink& warn);

}  // namespace dbcurl
