#pragma once
// OAuth tokens from a Databricks host's token endpoint, shared by oauth-m2m
// and the workload identity federation sources (oidc_token.cpp): the
// endpoint, one token request, and the 0600 cache that keeps a token until a
// minute before it expires.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "creds/resolve.hpp"
#include "creds/token_http.hpp"

namespace dbcurl {

// The token endpoint of config's host, as the Go SDK finds it
// (Config.getOidcEndpoints): an account host's is fixed,
// <host>/oidc/accounts/<account_id>/v1/token; a workspace's is the
// "token_endpoint" of <host>/oidc/.well-known/oauth-authorization-server.
Result<std::string> oauth_token_endpoint(const DatabricksConfig& config, TokenHttp& http);

struct OAuthToken {
  SecretString access_token;
  std::optional<SystemTime> expiry;  // from expires_in; none: not cached
};

// POSTs the form to endpoint; the reply's access_token (added to the
// context's secrets), or an Error (kTokenRequestFailed) with the endpoint's OAuth error.
Result<OAuthToken> request_oauth_token(TokenHttp& http, const std::string& endpoint, const std::vector<HttpField>& form,
                                       const BasicCredentials* basic, const ResolveContext& context);

// The token cached under key while it is valid for another minute, else
// fetch()'s, cached until its expiry. key names no secret (the cache file
// holds it in clear); origin says where the token came from; fetch adds its
// steps to explain (for --explain).
using OAuthFetch = std::function<Result<OAuthToken>(TokenHttp& http, std::vector<std::string>& explain)>;
Result<Credential> cached_oauth_credential(const std::string& key, const std::string& origin,
                                           const ResolveContext& context, const OAuthFetch& fetch);

// The scope the SDKs ask for by default.
inline constexpr std::string_view kDefaultOAuthScope = "all-apis";

}  // namespace dbcurl
