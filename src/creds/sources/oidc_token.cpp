// Token sources github-oidc, env-oidc and file-oidc (workload identity
// federation): an OIDC id token from GitHub Actions, an environment variable
// or a file is exchanged at the host's token endpoint for a Databricks token
// (RFC 8693: grant_type=urn:ietf:params:oauth:grant-type:token-exchange,
// subject_token_type=urn:ietf:params:oauth:token-type:jwt, scope=all-apis,
// client_id when configured, else account-wide federation), as the Go SDK's
// config/auth_oidc.go and config/experimental/auth/oidc do. A source applies
// when its id token is configured (or auth_type names it); then its failure
// is an error.

#include <nlohmann/json.hpp>

#include "cli/url_encode.hpp"
#include "common/files.hpp"
#include "common/redact.hpp"
#include "common/strings.hpp"
#include "creds/sources/oauth_token.hpp"
#include "creds/sources/token_source.hpp"
#include "creds/token_cache.hpp"

namespace dbcurl {

namespace {

// An OIDC id token's size limit: real ones are a few KiB.
constexpr std::size_t kMaxIdTokenBytes = 64 * 1024;

// The audience: all three read it, and the federation policy's client
// (kOAuthClientId), besides where their id token comes from (config/auth_oidc.go).
constexpr Attribute kOidcAudience = {
    .key = "audience", .env = "DATABRICKS_TOKEN_AUDIENCE", .plain = &DatabricksConfig::audience};

constexpr Attribute kGithubOidcAttributes[] = {
    kOAuthClientId,
    kOidcAudience,
    {.key = "actions_id_token_request_url",
     .env = "ACTIONS_ID_TOKEN_REQUEST_URL",
     .plain = &DatabricksConfig::actions_id_token_request_url},
    {.key = "actions_id_token_request_token",
     .env = "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
     .secret = &DatabricksConfig::actions_id_token_request_token},
};

constexpr Attribute kEnvOidcAttributes[] = {
    kOAuthClientId,
    kOidcAudience,
    {.key = "oidc_token_env",
     .env = "DATABRICKS_OIDC_TOKEN_ENV",
     .plain = &DatabricksConfig::oidc_token_env,
     .auth = "env-oidc"},
};

constexpr Attribute kFileOidcAttributes[] = {
    kOAuthClientId,
    kOidcAudience,
    {.key = "databricks_id_token_filepath",
     .env = "DATABRICKS_OIDC_TOKEN_FILEPATH",
     .plain = &DatabricksConfig::oidc_token_filepath,
     .auth = "file-oidc"},
};

Error id_token_failure(const std::string& source, const std::string& why) {
  return make_error(exit_code::kTokenRequestFailed, source + ": " + why);
}

// One way to get an id token.
class IdTokenSource : public TokenSource {
 public:
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !auth_type_allows(config, auth_type())) return std::nullopt;
    if (!config.auth_type && !configured(request)) return std::nullopt;
    return std::string(auth_type()) + " (" + where(request) + ")";
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override;

 protected:
  // Where the id token comes from, for messages and the cache key (no secret).
  virtual std::string where(const TokenRequest& request) const = 0;
  virtual bool configured(const TokenRequest& request) const = 0;
  // What tells one id token from another, read before the cache (whose key
  // holds its fingerprint, so that another id token is never answered with
  // the first one's Databricks token) and before any request, so a broken one
  // costs no round trip: the id token itself when it is read here; GitHub's
  // request URL and token, which name the job that asks for one.
  virtual Result<SecretString> identity(const TokenRequest& request) const = 0;
  // Whether the id token is made for an audience (GitHub's).
  virtual bool asks_for_audience() const { return false; }
  // The id token for audience, registered as a secret; for sources that read
  // it here, their identity.
  virtual Result<SecretString> id_token(const TokenRequest&, TokenHttp&, const std::string& /*audience*/,
                                        SecretString identity) const {
    return identity;
  }
};

// The audience the id token is asked for: the configured one, else an account's
// id, else the token endpoint (DatabricksOIDCTokenSource.determineAudience).
std::string audience_for(const DatabricksConfig& config, const std::string& endpoint) {
  if (config.audience) return config.audience->value;
  if (config.workspace->is_account_host() && config.account_id) return config.account_id->value;
  return endpoint;
}

Result<TokenAttempt> IdTokenSource::resolve(const TokenRequest& request) const {
  const DatabricksConfig& config = request.config;
  const std::string source = std::string(auth_type()) + " (" + where(request) + ")";
  if (!configured(request)) {
    return make_error(exit_code::kNoCredentials, "auth_type " + std::string(auth_type()) + " (from " +
                                                     config.auth_type->origin +
                                                     ") found no id token: " + where(request) + " is not set");
  }
  Result<SecretString> known_as = identity(request);
  if (!known_as) return known_as.error();
  const std::string client = config.client_id ? config.client_id->value : std::string();
  const std::string key = std::string(auth_type()) + "\n" + config.workspace->origin() + "\n" +
                          (config.account_id ? config.account_id->value : std::string()) + "\n" + client + "\n" +
                          (config.audience ? config.audience->value : std::string()) + "\n" + where(request) + "\n" +
                          secret_fingerprint(known_as->view());
  const std::string origin =
      source + (client.empty() ? ", account-wide federation"
                               : " for client " + client + " (from " + config.client_id->origin + ")");
  if (request.context.http == nullptr)
    return make_error(exit_code::kTokenRequestFailed, origin + ": no HTTP client to ask for a token");
  TokenHttp& http = *request.context.http;
  const auto fetch = [&]() -> Result<ObtainedToken> {
    Result<std::string> endpoint = oauth_token_endpoint(config, http);
    if (!endpoint) return endpoint.error();
    std::string step = std::string(auth_type()) + ": token endpoint " + *endpoint;
    std::string audience;
    if (asks_for_audience()) {
      audience = audience_for(config, *endpoint);
      step += ", id token audience " + audience;
    }
    Result<SecretString> subject = id_token(request, http, audience, std::move(*known_as));
    if (!subject) return subject.error();
    std::vector<HttpField> form;
    form.push_back({"grant_type", SecretString("urn:ietf:params:oauth:grant-type:token-exchange")});
    form.push_back({"subject_token_type", SecretString("urn:ietf:params:oauth:token-type:jwt")});
    form.push_back({"subject_token", std::move(*subject)});
    form.push_back({"scope", SecretString(kDefaultOAuthScope)});
    if (!client.empty()) form.push_back({"client_id", SecretString(client)});
    Result<ObtainedToken> token = request_oauth_token(http, *endpoint, form, nullptr, request.context);
    if (token) token->explain.push_back(std::move(step));
    return token;
  };
  Result<Credential> credential = cached_credential(key, origin, "oauth", request.context, fetch);
  if (!credential) return credential.error();
  return TokenAttempt{std::move(*credential)};
}

// A token read whole (a file's trailing line break dropped), checked and added to secrets.
Result<SecretString> checked_id_token(std::string& text, const std::string& source, SecretRegistry& secrets) {
  const std::string_view token = trim(text);
  if (token.empty()) {
    wipe_string(text);
    return id_token_failure(source, "the id token is empty");
  }
  secrets.add(token);
  SecretString result(token);
  wipe_string(text);
  return result;
}

class EnvOidc final : public IdTokenSource {
 public:
  std::string_view auth_type() const override { return "env-oidc"; }
  std::span<const Attribute> attributes() const override { return kEnvOidcAttributes; }

 protected:
  static std::string variable(const TokenRequest& request) {
    return request.config.oidc_token_env ? request.config.oidc_token_env->value : "DATABRICKS_OIDC_TOKEN";
  }
  std::string where(const TokenRequest& request) const override { return variable(request); }
  bool configured(const TokenRequest& request) const override {
    return request.context.io.env.get(variable(request)).has_value();
  }
  Result<SecretString> identity(const TokenRequest& request) const override {
    std::string text = request.context.io.env.get(variable(request)).value_or("");
    return checked_id_token(text, "env-oidc (" + variable(request) + ")", request.context.io.secrets);
  }
};

class FileOidc final : public IdTokenSource {
 public:
  std::string_view auth_type() const override { return "file-oidc"; }
  std::span<const Attribute> attributes() const override { return kFileOidcAttributes; }

 protected:
  std::string where(const TokenRequest& request) const override {
    return request.config.oidc_token_filepath ? request.config.oidc_token_filepath->value
                                              : "DATABRICKS_OIDC_TOKEN_FILEPATH";
  }
  bool configured(const TokenRequest& request) const override { return request.config.oidc_token_filepath.has_value(); }
  Result<SecretString> identity(const TokenRequest& request) const override {
    const std::string path = expand_home(request.config.oidc_token_filepath->value, request.context.io.env);
    Result<std::optional<std::string>> text =
        request.context.io.files.read_file_if_exists(path, kMaxIdTokenBytes, exit_code::kTokenRequestFailed);
    if (!text) return text.error();
    if (!*text) return id_token_failure("file-oidc", path + " does not exist");
    return checked_id_token(**text, "file-oidc (" + path + ")", request.context.io.secrets);
  }
};

class GithubOidc final : public IdTokenSource {
 public:
  std::string_view auth_type() const override { return "github-oidc"; }
  std::span<const Attribute> attributes() const override { return kGithubOidcAttributes; }

 protected:
  bool asks_for_audience() const override { return true; }
  std::string where(const TokenRequest&) const override {
    return "ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN";
  }
  bool configured(const TokenRequest& request) const override {
    return request.config.actions_id_token_request_url && request.config.actions_id_token_request_token;
  }
  Result<SecretString> identity(const TokenRequest& request) const override {
    std::string both = request.config.actions_id_token_request_url->value + "\n" +
                       std::string(request.config.actions_id_token_request_token->value.view());
    SecretString result(both);
    wipe_string(both);
    return result;
  }
  // GET <request URL>&audience=<audience> with the request token as Bearer;
  // the id token is the JSON reply's "value" (githubIDTokenSource.IDToken).
  Result<SecretString> id_token(const TokenRequest& request, TokenHttp& http, const std::string& audience,
                                SecretString) const override {
    const std::string url =
        request.config.actions_id_token_request_url->value + "&audience=" + url_encode_form(audience);
    std::string authorization = "Bearer " + std::string(request.config.actions_id_token_request_token->value.view());
    std::vector<HttpField> headers;
    headers.push_back({"Authorization", SecretString(authorization)});
    wipe_string(authorization);
    Result<HttpReply> reply = http.get(url, headers);
    if (!reply) return reply.error();
    const std::string source = "github-oidc (" + request.config.actions_id_token_request_url->origin + ")";
    if (reply->status != 200) {
      return id_token_failure(source, "GitHub's id token endpoint answered HTTP " + std::to_string(reply->status));
    }
    nlohmann::json document = nlohmann::json::parse(reply->body.view(), nullptr, /*allow_exceptions=*/false);
    const auto value = document.is_object() ? document.find("value") : document.end();
    if (value == document.end() || !value->is_string()) {
      return id_token_failure(source, "GitHub's id token endpoint answered without a \"value\"");
    }
    return checked_id_token(value->get_ref<std::string&>(), source, request.context.io.secrets);
  }
};

}  // namespace

const TokenSource& github_oidc_source() {
  static const GithubOidc source;
  return source;
}

const TokenSource& env_oidc_source() {
  static const EnvOidc source;
  return source;
}

const TokenSource& file_oidc_source() {
  static const FileOidc source;
  return source;
}

}  // namespace dbcurl
