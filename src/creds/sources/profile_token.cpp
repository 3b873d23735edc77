// Token source 1: the `token` attribute, from the profile, the environment or
// --profile's profile (resolution already chose which).

#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

constexpr Attribute kProfileTokenAttributes[] = {
    {.key = "token", .env = "DATABRICKS_TOKEN", .secret = &DatabricksConfig::token, .auth = "pat"},
};

class ProfileToken final : public TokenSource {
 public:
  std::string_view auth_type() const override { return "pat"; }
  std::span<const Attribute> attributes() const override { return kProfileTokenAttributes; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!auth_type_allows(config, "pat") && !requires_databricks_cli(config)) return std::nullopt;
    // A host named only by another source (a netrc 'login token' entry, a
    // config.toml [hosts] table) has no profile, and DATABRICKS_TOKEN is not for it.
    if (config.config_file.empty() && !config.token) return std::nullopt;
    return "'token' of " +
           (config.profile ? config.config_file + " [" + config.profile->value + "]" : config.config_file) +
           " or DATABRICKS_TOKEN";
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.token) return TokenAttempt{};
    return TokenAttempt{Credential{config.token->value.clone(), config.token->origin, "pat", {}}};
  }
};

}  // namespace

const TokenSource& profile_token_source() {
  static const ProfileToken source;
  return source;
}

}  // namespace dbcurl
