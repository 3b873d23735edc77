#include "creds/sources/token_source.hpp"

namespace dbcurl {

const TokenSource& profile_token_source();
const TokenSource& token_command_source();
const TokenSource& netrc_token_source();
const TokenSource& databricks_cli_source();

std::span<const TokenSource* const> token_sources() {
  static const TokenSource* const kSources[] = {&profile_token_source(), &token_command_source(), &netrc_token_source(),
                                                &databricks_cli_source()};
  return kSources;
}

bool requires_databricks_cli(const DatabricksConfig& config) {
  return config.auth_type && config.auth_type->value == "databricks-cli";
}

}  // namespace dbcurl
