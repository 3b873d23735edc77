// Token source: a local metadata service (auth_type metadata-service), which
// IDE extensions run: DATABRICKS_METADATA_SERVICE_URL (metadata_service_url),
// accepted only on localhost or 127.0.0.1 as the Go SDK checks it
// (config/auth_metadata_service.go), asked with GET and the headers
// X-Databricks-Metadata-Version: 1 and X-Databricks-Host: <workspace> for JSON
// access_token, token_type, expires_on (epoch seconds); cached until then.
// A configured service that fails, or is not local, is the error, with or
// without auth_type: dbcurl does not fall back quietly to another identity.

#include <nlohmann/json.hpp>

#include "common/redact.hpp"
#include "common/strings.hpp"
#include "creds/sources/helper_token.hpp"
#include "creds/sources/token_source.hpp"
#include "creds/token_cache.hpp"
#include "creds/url.hpp"

namespace dbcurl {

namespace {

constexpr std::string_view kMetadataServiceAuthType = "metadata-service";

constexpr Attribute kMetadataServiceAttributes[] = {
    {.key = "metadata_service_url",
     .env = "DATABRICKS_METADATA_SERVICE_URL",
     .secret = &DatabricksConfig::metadata_service_url,
     .auth = "metadata-service"},
};

// Nothing when the URL names localhost or 127.0.0.1 (the Go SDK's check), else why not.
std::optional<Error> refuse_remote(const SecretSourced& url) {
  const UrlParts parts = split_url(url.value.view());
  const auto refused = [&](const std::string& why) {
    return make_error(exit_code::kConfigInvalid, "the metadata service URL (from " + url.origin + ") " + why);
  };
  if (parts.scheme != "http" && parts.scheme != "https") return refused("is not an http:// or https:// URL");
  if (!iequals(parts.host, "localhost") && parts.host != "127.0.0.1") {
    return refused("is not on this machine: only localhost and 127.0.0.1 are allowed");
  }
  return std::nullopt;
}

Result<ObtainedToken> parse_reply(const HttpReply& reply, const std::string& origin) {
  const auto malformed = [&](const std::string& why) {
    return make_error(exit_code::kTokenRequestFailed, "the metadata service (from " + origin + ") " + why);
  };
  if (reply.status != 200) return malformed("answered HTTP " + std::to_string(reply.status));
  nlohmann::json document = nlohmann::json::parse(reply.body.view(), nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains("access_token") || !document["access_token"].is_string() ||
      document["access_token"].get_ref<const std::string&>().empty()) {
    return malformed("answered no JSON with an \"access_token\"");
  }
  ObtainedToken token{SecretString(document["access_token"].get_ref<const std::string&>()), std::nullopt};
  wipe_string(document["access_token"].get_ref<std::string&>());
  if (document.contains("token_type") &&
      !(document["token_type"].is_string() && iequals(document["token_type"].get<std::string>(), "Bearer"))) {
    return malformed("answered a token that is not a Bearer token");
  }
  const nlohmann::json& expires_on = document.contains("expires_on") ? document["expires_on"] : nlohmann::json();
  if (expires_on.is_number_integer()) {
    token.expiry = expiry_at_epoch_seconds(expires_on.get<long long>());
  } else if (expires_on.is_string() && !expires_on.get_ref<const std::string&>().empty() &&
             expires_on.get_ref<const std::string&>().find_first_not_of("0123456789") == std::string::npos &&
             expires_on.get_ref<const std::string&>().size() < 12) {
    token.expiry = expiry_at_epoch_seconds(std::stoll(expires_on.get<std::string>()));
  }
  if (!token.expiry) return malformed("answered no \"expires_on\" in epoch seconds");
  return token;
}

class MetadataService final : public TokenSource {
 public:
  std::string_view auth_type() const override { return kMetadataServiceAuthType; }
  std::span<const Attribute> attributes() const override { return kMetadataServiceAttributes; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !auth_type_allows(config, kMetadataServiceAuthType)) return std::nullopt;
    if (!config.metadata_service_url && !config.auth_type) return std::nullopt;
    return "the metadata service of " +
           (config.metadata_service_url ? config.metadata_service_url->origin : std::string("metadata_service_url"));
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.metadata_service_url) {
      return make_error(exit_code::kConfigInvalid, "auth_type metadata-service (from " + config.auth_type->origin +
                                                       ") needs DATABRICKS_METADATA_SERVICE_URL");
    }
    const SecretSourced& url = *config.metadata_service_url;
    Result<Credential> credential = [&]() -> Result<Credential> {
      if (std::optional<Error> refused = refuse_remote(url)) return *refused;
      if (request.context.http == nullptr) {
        return make_error(exit_code::kTokenRequestFailed, "the metadata service cannot be asked here");
      }
      const std::string key = std::string(kMetadataServiceAuthType) + "\n" + config.workspace->origin() + "\n" +
                              secret_fingerprint(url.value.view());
      return cached_credential(key, "the metadata service of " + url.origin, std::string(kMetadataServiceAuthType),
                               request.context, [&]() -> Result<ObtainedToken> {
                                 std::vector<HttpField> headers;
                                 headers.push_back({"X-Databricks-Metadata-Version", SecretString("1")});
                                 headers.push_back({"X-Databricks-Host", SecretString(config.workspace->origin())});
                                 headers.push_back({"Accept", SecretString("application/json")});
                                 Result<HttpReply> reply =
                                     request.context.http->get(std::string(url.value.view()), headers);
                                 if (!reply) return reply.error();
                                 return parse_reply(*reply, url.origin);
                               });
    }();
    if (!credential) return credential.error();
    return TokenAttempt{std::move(*credential)};
  }
};

}  // namespace

const TokenSource& metadata_service_source() {
  static const MetadataService source;
  return source;
}

}  // namespace dbcurl
