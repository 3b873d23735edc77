#pragma once
// Perform and report: one easy handle per URL on a shared connection cache,
// curl's output rules, error lines, -w, and the exit code of the last transfer.

#include <optional>
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "common/diagnostics.hpp"
#include "common/environment.hpp"
#include "creds/plan.hpp"

namespace dbcurl {

int perform_transfers(const GlobalConfig& global, std::vector<PlannedTransfer>& transfers, const Environment& env,
                      const Diagnostics& diagnostics, const SecretRegistry& secrets);

}  // namespace dbcurl
