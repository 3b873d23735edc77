#pragma once
// A token printed by a helper command (token_command, `databricks auth
// token`), cached while it is valid.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "creds/resolve.hpp"

namespace dbcurl {

// Runs the helper, or takes its token from the cache while it is valid. Its
// output is a bare token, or JSON {"access_token": ..., "expiry": ...}.
Result<Credential> helper_credential(const HelperCommand& command, std::string_view kind,
                                     const DatabricksConfig& config, const std::string& label,
                                     const ResolveContext& context);

}  // namespace dbcurl
