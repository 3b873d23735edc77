#pragma once
// OAuth tokens from a Databricks host's token endpoint, shared by oauth-m2m
// and the workload identity federation sources (oidc_token.cpp): the
// endpoint, one token request, and the 0600 cache that keeps a token until a
// minute before it expires.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "creds/attributes.hpp"
#include "creds/resolve.hpp"
#include "creds/sources/helper_token.hpp"
#include "creds/token_http.hpp"

namespace dbcurl {

// The token endpoint of config's host, as the Go SDK finds it
// (Config.getOidcEndpoints): an account host's is fixed,
// <host>/oidc/accounts/<account_id>/v1/token; a workspace's is the
// "token_endpoint" of <host>/oidc/.well-known/oauth-authorization-server.
Result<std::string> oauth_token_endpoint(const DatabricksConfig& config, TokenHttp& http);

// POSTs the form to endpoint; the reply's access_token (added to the
// context's secrets) with its expiry from expires_in (none: not cached), or an
// Error (kTokenRequestFailed) with the endpoint's OAuth error. Sources cache it
// with cached_credential (helper_token.hpp).
Result<ObtainedToken> request_oauth_token(TokenHttp& http, const std::string& endpoint,
                                          const std::vector<HttpField>& form, const BasicCredentials* basic,
                                          const ResolveContext& context);

// The OAuth client: oauth-m2m's service principal, the federation policy's
// client for the OIDC sources.
inline constexpr Attribute kOAuthClientId = {
    .key = "client_id", .env = "DATABRICKS_CLIENT_ID", .plain = &DatabricksConfig::client_id, .auth = "oauth"};

// The scope the SDKs ask for by default.
inline constexpr std::string_view kDefaultOAuthScope = "all-apis";

}  // namespace dbcurl
