#include "creds/plan.hpp"

#include "cli/glob.hpp"

namespace dbcurl {

namespace {
constexpr int kUrlMalformat = 3;  // CURLE_URL_MALFORMAT, curl's exit code for bad globs
}  // namespace

Result<std::vector<PlannedTransfer>> plan_transfers(const CommandLine& line, CredentialResolver& resolver,
                                                    const WarningSink& warn) {
  std::vector<PlannedTransfer> planned;
  for (const auto& transfer : line.transfers) {
    for (std::size_t index = 0; index < transfer.urls.size(); ++index) {
      const std::string& given = transfer.urls[index];
      Result<UrlGlob> glob = transfer.globoff ? UrlGlob::literal(given) : UrlGlob::parse(given);
      if (!glob) {
        const Error& error = glob.error();
        return make_error(error.exit_code, "(3) " + error.message, glob_error_text(error, given));
      }
      if (glob->size() > kMaxGlobUrls) {
        return make_error(kUrlMalformat, "(3) " + given + " expands to more than " + std::to_string(kMaxGlobUrls) +
                                             " URLs, more than dbcurl plans in one call");
      }
      std::vector<std::string> matches;
      for (std::size_t k = 0; k < glob->size(); ++k) {
        const std::string url = glob->url(k, &matches);
        Result<RequestPlan> plan = plan_request(url, transfer, resolver, warn);
        if (!plan) return plan.error();
        std::optional<std::string> output;
        if (index < transfer.outputs.size()) output = glob_output_name(transfer.outputs[index], matches);
        planned.push_back(PlannedTransfer{&transfer, url, index, std::move(output), std::move(*plan)});
      }
    }
  }
  return planned;
}

}  // namespace dbcurl
