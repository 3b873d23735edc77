#pragma once
// A token printed by a helper command (token_command, `databricks auth
// token`), cached while it is valid.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "creds/helper.hpp"
#include "creds/resolve.hpp"

namespace dbcurl {

// A token a source obtained, with its expiry when it has one, and the steps
// that got it (for --explain).
struct ObtainedToken {
  SecretString token;
  std::optional<SystemTime> expiry;
  std::vector<std::string> explain = {};
};

// The token cached under key while it is valid, else obtain()'s: registered
// as a secret before anything is printed, and cached when it has an expiry.
// origin says where it came from, label is the auth type (User-Agent).
Result<Credential> cached_credential(const std::string& key, const std::string& origin, const std::string& label,
                                     const ResolveContext& context,
                                     const std::function<Result<ObtainedToken>()>& obtain);

// Runs the helper, or takes its token from the cache while it is valid. Its
// output is a bare token, or JSON {"access_token": ..., "expiry": ...}.
Result<Credential> helper_credential(const HelperCommand& command, std::string_view kind,
                                     const DatabricksConfig& config, const std::string& label,
                                     const ResolveContext& context);

}  // namespace dbcurl
