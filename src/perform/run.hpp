#pragma once
// Perform and report: one easy handle per URL on a shared connection cache,
// curl's output rules, error lines, -w, and the exit code of the last transfer.

#include <optional>
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "common/io.hpp"
#include "creds/plan.hpp"

namespace dbcurl {

// io: the environment, the diagnostics and the secrets redacted from -v/--trace and -w.
int perform_transfers(const GlobalConfig& global, std::vector<PlannedTransfer>& transfers, Io io);

}  // namespace dbcurl
