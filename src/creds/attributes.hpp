#pragma once
// The Databricks configuration attributes dbcurl knows: their ~/.databrickscfg
// key, their environment variable, their field of DatabricksConfig (a secret
// or not). One table drives reading (profile and environment), --explain,
// redaction and the "holds a secret" test of the permission warning. Its rows
// are the core ones (attributes.cpp: host, routing, basic auth) and those each
// token source declares beside its code (TokenSource::attributes).

#include <optional>
#include <span>
#include <string_view>

namespace dbcurl {

struct DatabricksConfig;  // creds/resolve.hpp
struct Sourced;
struct SecretSourced;

struct Attribute {
  std::string_view key;  // in a ~/.databrickscfg profile
  std::string_view env;  // its environment variable
  // Where resolution keeps its value: one of the two. A secret is registered
  // for redaction and shown redacted by --explain.
  std::optional<Sourced> DatabricksConfig::*plain = nullptr;
  std::optional<SecretSourced> DatabricksConfig::*secret = nullptr;
  // The authentication method it belongs to ("pat", "oauth", "azure", ...; the
  // Go SDK's auth tag), empty for others. Set in the environment, it keeps the
  // config file closed when no profile is named; two methods configured and no
  // auth_type is an error (the SDKs' rules).
  std::string_view auth = {};
  // Routing and auth-steering attributes the databricks CLI never takes from
  // the environment once a profile is named explicitly (--profile).
  bool profile_only = false;

  bool operator==(const Attribute&) const = default;
};

// The core rows, then each token source's in token_sources() order, each key
// once; the order --explain lists what it read in.
std::span<const Attribute> databricks_attributes();

// The attribute of a config key; nullptr for keys dbcurl does not know.
const Attribute* find_attribute(std::string_view key);

}  // namespace dbcurl
