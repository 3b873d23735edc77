#pragma once
// --explain: what each transfer would send, tokens redacted. Sends nothing.

#include <string>
#include <vector>

#include "creds/plan.hpp"

namespace dbcurl {

std::string explain_transfers(const std::vector<std::string>& resolution,
                              const std::vector<PlannedTransfer>& transfers);

}  // namespace dbcurl
