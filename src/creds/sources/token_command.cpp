// Token source 2: token_command of config.toml (the profile's, else the
// [hosts."…"] entry of the workspace host).

#include "creds/sources/helper_token.hpp"
#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

class TokenCommand final : public TokenSource {
 public:
  std::string_view auth_type() const override { return "pat"; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !config.token_command || !auth_type_allows(config, "pat")) return std::nullopt;
    return "token_command '" + describe_command(config.token_command->argv) + "'";
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    Result<Credential> helped =
        helper_credential(*request.config.token_command, "token_command", request.config, "pat", request.context);
    if (!helped) return helped.error();
    return TokenAttempt{std::move(*helped)};
  }
  bool names_host(const HostQuery& query, DatabricksConfig& config) const override {
    if (query.dbcurl == nullptr) return false;
    for (const DbcurlHost& entry : query.dbcurl->hosts) {
      if (!query.matches(entry.host)) continue;
      config.token_command = entry.token_command;
      config.explain.push_back(query.dbcurl->path + ": [hosts.\"" + entry.host.host + "\"]");
      return true;
    }
    return false;
  }
};

}  // namespace

const TokenSource& token_command_source() {
  static const TokenCommand source;
  return source;
}

}  // namespace dbcurl
