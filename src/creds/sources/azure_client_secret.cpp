// Token source: an Azure service principal's client secret (auth_type
// azure-client-secret): azure_client_id, azure_client_secret, azure_tenant_id
// (ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_TENANT_ID) for an Azure Databricks
// workspace give a Microsoft Entra ID client-credentials token for the Azure
// Databricks application, from <login endpoint of the workspace's cloud>
// <tenant>/oauth2/token, as the SDKs ask for it (Go
// config/auth_azure_client_secret.go, Python azure_service_principal):
// grant_type=client_credentials, client_id, client_secret, resource. Without
// auth_type it applies when all three are set for an Azure workspace (the
// SDKs skip other hosts); then its failure is the error: dbcurl does not fall
// back quietly to another identity.

#include <nlohmann/json.hpp>

#include "common/redact.hpp"
#include "common/strings.hpp"
#include "creds/sources/azure_environment.hpp"
#include "creds/sources/helper_token.hpp"
#include "creds/sources/token_source.hpp"
#include "creds/url.hpp"

namespace dbcurl {

namespace {

constexpr std::string_view kAzureClientSecretAuthType = "azure-client-secret";

constexpr Attribute kAzureClientSecretAttributes[] = {
    kAzureResourceId,
    {.key = "azure_client_id", .env = "ARM_CLIENT_ID", .plain = &DatabricksConfig::azure_client_id, .auth = "azure"},
    {.key = "azure_client_secret",
     .env = "ARM_CLIENT_SECRET",
     .secret = &DatabricksConfig::azure_client_secret,
     .auth = "azure"},
    kAzureTenantId,
    kAzureEnvironment,
};

// The SDKs have no setting for the login endpoint (their tests replace the
// environment in code); dbcurl's tests need one, and it takes only loopback
// URLs, so a stray value cannot send the client secret anywhere else.
constexpr std::string_view kTestLoginEndpoint = "DBCURL_TEST_AZURE_LOGIN_ENDPOINT";

Result<std::string> login_endpoint(const Environment& env, const AzureEnvironment& cloud) {
  const std::optional<std::string> test_endpoint = env.get(std::string(kTestLoginEndpoint));
  if (!test_endpoint) return std::string(cloud.active_directory_endpoint);
  const UrlParts parts = split_url(*test_endpoint);
  if ((parts.scheme != "http" && parts.scheme != "https") || !is_loopback_host(parts.host)) {
    return make_error(exit_code::kConfigInvalid,
                      std::string(kTestLoginEndpoint) + " must be an http:// or https:// URL on this machine");
  }
  return test_endpoint->ends_with('/') ? *test_endpoint : *test_endpoint + "/";
}

// "AADSTS7000215: Invalid client secret provided. Trace ID: ..." without the
// trace, as the Go SDK shortens Entra's error_description.
std::string entra_error(const nlohmann::json& document) {
  if (!document.is_object()) return "";
  std::string text;
  if (document.contains("error_description") && document["error_description"].is_string()) {
    text = document["error_description"].get<std::string>();
  } else if (document.contains("error") && document["error"].is_string()) {
    text = document["error"].get<std::string>();
  }
  text = text.substr(0, text.find(". Trace ID"));
  text = text.substr(0, text.find_first_of("\r\n"));
  return text.size() > 300 ? text.substr(0, 300) + "..." : text;
}

Result<ObtainedToken> parse_reply(const HttpReply& reply, const std::string& url, SystemTime now) {
  nlohmann::json document = nlohmann::json::parse(reply.body.view(), nullptr, /*allow_exceptions=*/false);
  const auto failed = [&](const std::string& why) {
    return make_error(exit_code::kTokenRequestFailed, "Microsoft Entra ID (" + url + ") " + why);
  };
  if (reply.status != 200) {
    const std::string why = entra_error(document);
    return failed("refused the client secret token request: HTTP " + std::to_string(reply.status) +
                  (why.empty() ? "" : ": " + why));
  }
  if (!document.is_object() || !document.contains("access_token") || !document["access_token"].is_string() ||
      document["access_token"].get_ref<const std::string&>().empty()) {
    return failed("answered no JSON with an \"access_token\"");
  }
  ObtainedToken token{SecretString(document["access_token"].get_ref<const std::string&>()), std::nullopt};
  wipe_string(document["access_token"].get_ref<std::string&>());
  if (document.contains("token_type") &&
      !(document["token_type"].is_string() && iequals(document["token_type"].get<std::string>(), "Bearer"))) {
    return failed("answered a token that is not a Bearer token");
  }
  // Entra's v1 endpoint writes expires_in as a string of digits, OAuth as a number.
  const nlohmann::json& expires_in = document.contains("expires_in") ? document["expires_in"] : nlohmann::json();
  std::optional<long> seconds;
  if (expires_in.is_number_integer()) seconds = expires_in.get<long>();
  if (expires_in.is_string()) {
    const std::string& digits = expires_in.get_ref<const std::string&>();
    if (!digits.empty() && digits.size() < 10 && digits.find_first_not_of("0123456789") == std::string::npos) {
      seconds = std::stol(digits);
    }
  }
  if (seconds) token.expiry = expiry_after(now, *seconds);
  return token;
}

struct ServicePrincipal {
  const Sourced& client_id;
  const SecretSourced& client_secret;
  const Sourced& tenant_id;
};

std::optional<ServicePrincipal> service_principal(const DatabricksConfig& config) {
  if (!config.azure_client_id || !config.azure_client_secret || !config.azure_tenant_id) return std::nullopt;
  return ServicePrincipal{*config.azure_client_id, *config.azure_client_secret, *config.azure_tenant_id};
}

Result<Credential> entra_credential(const DatabricksConfig& config, const ServicePrincipal& principal,
                                    const ResolveContext& context) {
  Result<std::optional<AzureEnvironment>> cloud = azure_environment(config);
  if (!cloud) return cloud.error();
  if (!*cloud) {
    return make_error(exit_code::kConfigInvalid,
                      "an Azure client secret (from " + principal.client_secret.origin +
                          ") is for Azure Databricks workspaces, and " + config.workspace->host +
                          " is none (*.azuredatabricks.net, *.databricks.azure.us, *.databricks.azure.cn); set "
                          "azure_workspace_resource_id if it is one");
  }
  Result<std::string> endpoint = login_endpoint(context.io.env, **cloud);
  if (!endpoint) return endpoint.error();
  if (context.http == nullptr) return make_error(exit_code::kTokenRequestFailed, "no HTTP client to ask Entra ID");
  const std::string url = *endpoint + principal.tenant_id.value + "/oauth2/token";
  const std::string application((*cloud)->application_id);
  const std::string key = std::string(kAzureClientSecretAuthType) + "\n" + config.workspace->origin() + "\n" + url +
                          "\n" + principal.client_id.value + "\n" + application;
  return cached_credential(
      key, "Microsoft Entra ID for " + principal.client_id.value + " (" + principal.client_secret.origin + ")",
      std::string(kAzureClientSecretAuthType), context, [&]() -> Result<ObtainedToken> {
        std::vector<HttpField> fields;
        fields.push_back({"grant_type", SecretString("client_credentials")});
        fields.push_back({"client_id", SecretString(principal.client_id.value)});
        fields.push_back({"client_secret", principal.client_secret.value.clone()});
        fields.push_back({"resource", SecretString(application)});
        Result<HttpReply> reply = context.http->post_form(url, {}, fields, nullptr);
        if (!reply) return reply.error();
        return parse_reply(*reply, url, context.now);
      });
}

class AzureClientSecret final : public TokenSource {
 public:
  std::string_view auth_type() const override { return kAzureClientSecretAuthType; }
  std::span<const Attribute> attributes() const override { return kAzureClientSecretAttributes; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !auth_type_allows(config, kAzureClientSecretAuthType)) return std::nullopt;
    const std::optional<ServicePrincipal> principal = service_principal(config);
    if (!principal && !config.auth_type) return std::nullopt;
    if (!config.auth_type) {
      const Result<std::optional<AzureEnvironment>> cloud = azure_environment(config);
      if (cloud && !*cloud) return std::nullopt;
    }
    if (!principal) return "an Azure service principal (azure_client_id, azure_client_secret, azure_tenant_id)";
    return "the Azure service principal " + principal->client_id.value + " (" + principal->client_id.origin + ")";
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    const std::optional<ServicePrincipal> principal = service_principal(config);
    if (!principal) {
      return make_error(exit_code::kConfigInvalid,
                        "auth_type azure-client-secret (from " + config.auth_type->origin +
                            ") needs azure_client_id, azure_client_secret and azure_tenant_id (ARM_CLIENT_ID, "
                            "ARM_CLIENT_SECRET, ARM_TENANT_ID)");
    }
    Result<Credential> credential = entra_credential(config, *principal, request.context);
    if (!credential) return credential.error();
    return TokenAttempt{std::move(*credential)};
  }
};

}  // namespace

const TokenSource& azure_client_secret_source() {
  static const AzureClientSecret source;
  return source;
}

}  // namespace dbcurl
