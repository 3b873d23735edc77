#pragma once
// --explain: what each transfer would send, tokens redacted. Sends nothing.

#include <string>
#include <vector>

#include "common/redact.hpp"
#include "creds/plan.hpp"

namespace dbcurl {

// secrets: redacted from what is shown.
std::string explain_transfers(const std::vector<std::string>& resolution, const std::vector<PlannedTransfer>& transfers,
                              const SecretRegistry& secrets);

}  // namespace dbcurl
