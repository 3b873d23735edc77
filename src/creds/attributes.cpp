#include "creds/attributes.hpp"

#include <algorithm>
#include <vector>

#include "creds/resolve.hpp"
#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

// The rows no token source declares: the workspace and how resolution is
// steered (resolution reads them itself), and basic auth (read only to be
// refused). Names as the Go SDK's config attributes spell them (config/config.go).
constexpr Attribute kCoreAttributes[] = {
    {.key = "host", .env = "DATABRICKS_HOST", .plain = &DatabricksConfig::host},
    {.key = "username", .env = "DATABRICKS_USERNAME", .plain = &DatabricksConfig::username, .auth = "basic"},
    {.key = "password", .env = "DATABRICKS_PASSWORD", .secret = &DatabricksConfig::password, .auth = "basic"},
    {.key = "auth_type", .env = "DATABRICKS_AUTH_TYPE", .plain = &DatabricksConfig::auth_type, .profile_only = true},
    {.key = "account_id", .env = "DATABRICKS_ACCOUNT_ID", .plain = &DatabricksConfig::account_id, .profile_only = true},
    {.key = "workspace_id",
     .env = "DATABRICKS_WORKSPACE_ID",
     .plain = &DatabricksConfig::workspace_id,
     .profile_only = true},
};

const Attribute* find_attribute_in(std::span<const Attribute> table, std::string_view key) {
  const auto found = std::ranges::find(table, key, &Attribute::key);
  return found == table.end() ? nullptr : &*found;
}

std::vector<Attribute> compose_attributes() {
  std::vector<Attribute> table(std::begin(kCoreAttributes), std::end(kCoreAttributes));
  for (const TokenSource* source : token_sources()) {
    for (const Attribute& attribute : source->attributes()) {
      if (find_attribute_in(table, attribute.key) == nullptr)
        table.push_back(attribute);  // shared: added by its first reader
    }
  }
  return table;
}

}  // namespace

std::span<const Attribute> databricks_attributes() {
  static const std::vector<Attribute> table = compose_attributes();
  return table;
}

const Attribute* find_attribute(std::string_view key) { return find_attribute_in(databricks_attributes(), key); }

}  // namespace dbcurl
