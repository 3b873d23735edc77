#include "creds/attributes.hpp"

#include <algorithm>

namespace dbcurl {

namespace {

// Names as the Go SDK's config attributes spell them (config/config.go).
constexpr Attribute kAttributes[] = {
    {"host", "DATABRICKS_HOST"},
    {"token", "DATABRICKS_TOKEN", true, true},
    {"username", "DATABRICKS_USERNAME", false, true},
    {"password", "DATABRICKS_PASSWORD", true, true},
    {"client_id", "DATABRICKS_CLIENT_ID", false, true},
    {"client_secret", "DATABRICKS_CLIENT_SECRET", true, true},
    {"auth_type", "DATABRICKS_AUTH_TYPE", false, false, true},
    {"account_id", "DATABRICKS_ACCOUNT_ID", false, false, true},
    {"workspace_id", "DATABRICKS_WORKSPACE_ID", false, false, true},
};

}  // namespace

std::span<const Attribute> databricks_attributes() { return kAttributes; }

const Attribute* find_attribute(std::string_view key) {
  const auto* found = std::find_if(std::begin(kAttributes), std::end(kAttributes),
                                   [key](const Attribute& attribute) { return attribute.key == key; });
  return found == std::end(kAttributes) ? nullptr : found;
}

}  // namespace dbcurl
