// Token source oauth-m2m (a service principal): client_id and client_secret
// are exchanged at the host's token endpoint for an access token
// (grant_type=client_credentials, scope=all-apis, the client authenticated
// with HTTP Basic of the form-encoded id and secret), as the Go SDK's
// M2mCredentials does with golang.org/x/oauth2 (AuthStyleInHeader).

#include "cli/url_encode.hpp"
#include "creds/sources/oauth_token.hpp"
#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

constexpr Attribute kOAuthM2mAttributes[] = {
    kOAuthClientId,
    {.key = "client_secret",
     .env = "DATABRICKS_CLIENT_SECRET",
     .secret = &DatabricksConfig::client_secret,
     .auth = "oauth"},
};

class OAuthM2m final : public TokenSource {
 public:
  std::string_view auth_type() const override { return "oauth-m2m"; }
  std::span<const Attribute> attributes() const override { return kOAuthM2mAttributes; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !auth_type_allows(config, auth_type())) return std::nullopt;
    if (!config.auth_type && !config.client_id && !config.client_secret) return std::nullopt;
    return "oauth-m2m (client_id and client_secret)";
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.client_id || !config.client_secret) {
      if (config.auth_type) {
        return make_error(exit_code::kNoCredentials, "auth_type oauth-m2m (from " + config.auth_type->origin +
                                                         ") needs client_id and client_secret; " +
                                                         (config.client_id ? "client_secret" : "client_id") +
                                                         " is not set");
      }
      return TokenAttempt{std::nullopt, config.client_id || config.client_secret ? "only one of the two" : "nothing"};
    }
    const std::string origin =
        "oauth-m2m client " + config.client_id->value + " (from " + config.client_id->origin + ")";
    const std::string key = "oauth-m2m\n" + config.workspace->origin() + "\n" +
                            (config.account_id ? config.account_id->value : std::string()) + "\n" +
                            config.client_id->value;
    if (request.context.http == nullptr)
      return make_error(exit_code::kTokenRequestFailed, origin + ": no HTTP client to ask for a token");
    TokenHttp& http = *request.context.http;
    const auto fetch = [&]() -> Result<ObtainedToken> {
      Result<std::string> endpoint = oauth_token_endpoint(config, http);
      if (!endpoint) return endpoint.error();
      std::string secret = url_encode_form(config.client_secret->value.view());
      const BasicCredentials basic{url_encode_form(config.client_id->value), SecretString(secret)};
      wipe_string(secret);
      std::vector<HttpField> form;
      form.push_back({"grant_type", SecretString("client_credentials")});
      form.push_back({"scope", SecretString(kDefaultOAuthScope)});
      Result<ObtainedToken> token = request_oauth_token(http, *endpoint, form, &basic, request.context);
      if (token) token->explain.push_back("oauth-m2m: token endpoint " + *endpoint);
      return token;
    };
    Result<Credential> credential = cached_credential(key, origin, "oauth", request.context, fetch);
    if (!credential) return credential.error();
    return TokenAttempt{std::move(*credential)};
  }
};

}  // namespace

const TokenSource& oauth_m2m_source() {
  static const OAuthM2m source;
  return source;
}

}  // namespace dbcurl
