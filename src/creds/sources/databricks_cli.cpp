// Token source 4: `databricks auth token --profile P` (or --host H), when
// auth_type = databricks-cli, or when no token was found and the CLI is on
// PATH (or at databricks_cli_path). Only when required is its failure an error.

#include "creds/sources/helper_token.hpp"
#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

// The Go SDK's name (config/config.go); a path, not a secret, and no auth method of its own.
constexpr Attribute kDatabricksCliAttributes[] = {
    {.key = "databricks_cli_path", .env = "DATABRICKS_CLI_PATH", .plain = &DatabricksConfig::cli_path},
};

HelperCommand databricks_cli_command(const DatabricksConfig& config) {
  const std::string executable = config.cli_path ? config.cli_path->value : "databricks";
  HelperCommand command;
  command.argv = {executable, "auth", "token"};
  if (config.profile)
    command.argv.insert(command.argv.end(), {"--profile", config.profile->value});
  else
    command.argv.insert(command.argv.end(), {"--host", config.workspace->origin()});
  command.origin = config.cli_path ? config.cli_path->origin : "";
  return command;
}

class DatabricksCli final : public TokenSource {
 public:
  std::string_view auth_type() const override { return "databricks-cli"; }
  std::span<const Attribute> attributes() const override { return kDatabricksCliAttributes; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !auth_type_allows(config, "databricks-cli")) return std::nullopt;
    const HelperCommand cli = databricks_cli_command(config);
    if (!requires_databricks_cli(config) &&
        !find_executable(cli.argv[0], request.context.io.env.get("PATH").value_or(""))) {
      return std::nullopt;
    }
    return "the databricks CLI '" + describe_command(cli.argv) + "'";
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    Result<Credential> oauth =
        helper_credential(databricks_cli_command(config), "databricks-cli", config, "oauth", request.context);
    if (oauth) return TokenAttempt{std::move(*oauth)};
    if (requires_databricks_cli(config) || oauth.error().kind == ErrorKind::kNotRun) return oauth.error();
    return TokenAttempt{std::nullopt, oauth.error().message};
  }
};

}  // namespace

const TokenSource& databricks_cli_source() {
  static const DatabricksCli source;
  return source;
}

}  // namespace dbcurl
