// Token source: the Azure CLI (auth_type azure-cli), for Azure Databricks
// workspaces, run as the SDKs run it (Go config/auth_azure_cli.go, Python
// AzureCliTokenSource): `az account get-access-token --resource <the Azure
// Databricks application id> --output json`, with --tenant when a tenant is
// configured and the CLI is not signed in as a managed identity, and with
// --subscription from azure_workspace_resource_id when no tenant is (tried
// again without it when that fails, but not when it timed out). Without auth_type it is tried only for
// an Azure workspace and with `az` on PATH, and its failure is quiet.

#include <nlohmann/json.hpp>

#include "common/redact.hpp"
#include "creds/sources/azure_environment.hpp"
#include "creds/sources/helper_token.hpp"
#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

constexpr std::string_view kAzureCliAuthType = "azure-cli";

constexpr Attribute kAzureCliAttributes[] = {kAzureResourceId, kAzureTenantId, kAzureEnvironment};

HelperCommand az(std::initializer_list<std::string> arguments) {
  HelperCommand command;
  command.argv = {"az"};
  command.argv.insert(command.argv.end(), arguments);
  return command;
}

// `az account show`: a managed identity is given no --tenant (the SDKs' rule).
// An answer that cannot be read counts as "no"; an az that timed out is the error.
Result<bool> signed_in_as_managed_identity(CommandRunner& runner) {
  Result<SecretString> output = runner.run(az({"account", "show", "--output", "json"}));
  if (!output) {
    if (output.error().kind == ErrorKind::kTimedOut) return output.error();
    return false;
  }
  const nlohmann::json account = nlohmann::json::parse(output->view(), nullptr, /*allow_exceptions=*/false);
  if (!account.is_object() || !account.contains("user") || !account["user"].is_object()) return false;
  const nlohmann::json& user = account["user"];
  const auto field = [&](const char* name) {
    return user.contains(name) && user[name].is_string() ? user[name].get<std::string>() : std::string();
  };
  return field("type") == "servicePrincipal" &&
         (field("name") == "systemAssignedIdentity" || field("name") == "userAssignedIdentity");
}

// accessToken, and the expiry: expires_on (epoch seconds, az >= 2.54), else
// expiresOn (local time, what the SDKs read).
Result<ObtainedToken> parse_az_token(const SecretString& output, const HelperCommand& command) {
  const auto malformed = [&](const std::string& why) {
    return make_error(exit_code::kHelperFailed, "the Azure CLI '" + describe_command(command.argv) + "' " + why);
  };
  nlohmann::json document = nlohmann::json::parse(output.view(), nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains("accessToken") || !document["accessToken"].is_string() ||
      document["accessToken"].get_ref<const std::string&>().empty()) {
    return malformed("printed no JSON with an \"accessToken\"");
  }
  ObtainedToken token{SecretString(document["accessToken"].get_ref<const std::string&>()), std::nullopt};
  wipe_string(document["accessToken"].get_ref<std::string&>());
  if (document.contains("expires_on") && document["expires_on"].is_number_integer()) {
    token.expiry = expiry_at_epoch_seconds(document["expires_on"].get<long long>());
  } else if (document.contains("expiresOn") && document["expiresOn"].is_string()) {
    token.expiry = parse_local_time(document["expiresOn"].get<std::string>());
  }
  if (!token.expiry) return malformed("printed no \"expires_on\" or \"expiresOn\" it could read");
  return token;
}

Result<ObtainedToken> run_az(CommandRunner& runner, const HelperCommand& command) {
  Result<SecretString> output = runner.run(command);
  if (!output) {
    Error failed = output.error();
    failed.hint = "Sign in with 'az login' (or 'az login --tenant <tenant-id>'), or pick another auth_type.\n";
    return failed;
  }
  return parse_az_token(*output, command);
}

Result<ObtainedToken> az_token(const DatabricksConfig& config, const AzureEnvironment& environment,
                               CommandRunner& runner) {
  HelperCommand command =
      az({"account", "get-access-token", "--resource", std::string(environment.application_id), "--output", "json"});
  if (config.azure_tenant_id) {
    Result<bool> managed_identity = signed_in_as_managed_identity(runner);
    if (!managed_identity) return managed_identity.error();
    if (!*managed_identity) command.argv.insert(command.argv.end(), {"--tenant", config.azure_tenant_id->value});
  } else if (config.azure_resource_id) {
    // The user may reach the workspace without reaching its subscription: then
    // without it. Not after a timeout (a hanging az would hang again), nor
    // under --explain (the first command is the one named).
    if (std::optional<std::string> subscription = azure_subscription(config.azure_resource_id->value)) {
      HelperCommand with_subscription = command;
      with_subscription.argv.insert(with_subscription.argv.end(), {"--subscription", *subscription});
      Result<ObtainedToken> token = run_az(runner, with_subscription);
      if (token || token.error().kind != ErrorKind::kFailed) return token;
    }
  }
  return run_az(runner, command);
}

std::string not_azure(const DatabricksConfig& config) {
  return "auth_type azure-cli (from " + config.auth_type->origin + ") needs an Azure Databricks workspace, and " +
         config.workspace->host +
         " is none (*.azuredatabricks.net, *.databricks.azure.us, *.databricks.azure.cn); set "
         "azure_workspace_resource_id if it is one";
}

class AzureCli final : public TokenSource {
 public:
  std::string_view auth_type() const override { return kAzureCliAuthType; }
  std::span<const Attribute> attributes() const override { return kAzureCliAttributes; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !auth_type_allows(config, kAzureCliAuthType)) return std::nullopt;
    if (!config.auth_type) {
      const Result<std::optional<AzureEnvironment>> environment = azure_environment(config);
      if (environment && !*environment) return std::nullopt;
      if (!find_executable("az", request.context.io.env.get("PATH").value_or(""))) return std::nullopt;
    }
    return "the Azure CLI 'az account get-access-token'";
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    const bool required = config.auth_type.has_value();
    Result<std::optional<AzureEnvironment>> environment = azure_environment(config);
    if (!environment) return environment.error();
    if (!*environment) return make_error(exit_code::kConfigInvalid, not_azure(config));
    if (!find_executable("az", request.context.io.env.get("PATH").value_or(""))) {
      return make_error(exit_code::kHelperFailed, "auth_type azure-cli: the Azure CLI 'az' is not on PATH",
                        "Install it (https://aka.ms/azure-cli) and sign in with 'az login', or pick another "
                        "auth_type.\n");
    }
    const AzureEnvironment& cloud = **environment;
    const std::string key = std::string(kAzureCliAuthType) + "\n" + config.workspace->origin() + "\n" +
                            std::string(cloud.application_id) + "\n" +
                            (config.azure_tenant_id ? config.azure_tenant_id->value : "") + "\n" +
                            (config.azure_resource_id ? config.azure_resource_id->value : "");
    Result<Credential> credential =
        cached_credential(key, "az account get-access-token --resource " + std::string(cloud.application_id),
                          std::string(kAzureCliAuthType), request.context,
                          [&] { return az_token(config, cloud, request.context.io.runner); });
    if (credential) return TokenAttempt{std::move(*credential)};
    if (required || credential.error().kind == ErrorKind::kNotRun) return credential.error();
    return TokenAttempt{std::nullopt, credential.error().message};
  }
};

}  // namespace

const TokenSource& azure_cli_source() {
  static const AzureCli source;
  return source;
}

}  // namespace dbcurl
