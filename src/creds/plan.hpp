#pragma once
// Every transfer of a command line, expanded (URL globs) and classified before
// the first one is sent: a refusal anywhere means nothing is sent at all.

#include <optional>
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "creds/classify.hpp"
#include "creds/resolution_limits.hpp"

namespace dbcurl {

struct PlannedTransfer {
  const TransferConfig* config = nullptr;
  std::string given_url;                   // the URL after glob expansion, for %{url}
  std::size_t url_index = 0;               // %{urlnum}: the URL argument's index in its option set
  std::optional<std::string> output;       // -o for this URL, #N filled
  std::optional<std::string> upload_file;  // -T for this URL
  bool remote_named = false;               // output is -O's (or --remote-name-all's) name: -J may replace it
  RequestPlan plan;
};

// Where curl's tool stops setting up transfers: at an option set without a URL
// (a trailing -:), or at a -O URL without a file name (and no -J). The
// transfers before it are sent, then the stop is reported; curl's exit code is
// the last transfer's failure, else the stop's.
enum class PlanStop { kNoUrl, kNoRemoteName };

struct TransferPlan {
  std::vector<PlannedTransfer> transfers;
  std::optional<PlanStop> stop;
};

Result<TransferPlan> plan_transfers(const CommandLine& line, CredentialResolver& resolver, const WarningSink& warn,
                                    ResolutionLimits* limits = nullptr);

}  // namespace dbcurl
