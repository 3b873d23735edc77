#include "creds/plan.hpp"

#include <algorithm>

#include "cli/glob.hpp"
#include "cli/output_names.hpp"
#include "creds/url.hpp"

namespace dbcurl {

Result<TransferPlan> plan_transfers(const CommandLine& line, CredentialResolver& resolver, const WarningSink& warn,
                                    ResolutionLimits* limits) {
  TransferPlan result;
  std::vector<PlannedTransfer>& planned = result.transfers;
  bool warned_more_outputs = false;
  for (const auto& transfer : line.transfers) {
    // A group's -m and --connect-timeout bound the token requests and helpers its requests need.
    if (limits != nullptr) {
      limits->set(std::chrono::milliseconds(transfer.max_time_ms),
                  std::chrono::milliseconds(transfer.connect_timeout_ms));
    }
    if (transfer.urls.empty()) {
      result.stop = PlanStop::kNoUrl;
      return result;
    }
    // A -o, -O or -T beyond the URLs: curl's warning, once.
    if (!warned_more_outputs &&
        std::max(transfer.outputs.size(), transfer.upload_files.size()) > transfer.urls.size()) {
      warn("Got more output options than URLs");
      warned_more_outputs = true;
    }
    for (std::size_t index = 0; index < transfer.urls.size(); ++index) {
      const std::string& given = transfer.urls[index];
      Result<UrlGlob> glob = transfer.globoff ? UrlGlob::literal(given) : UrlGlob::parse(given);
      if (!glob) {
        const Error& error = glob.error();
        return make_error(error.exit_code, "(3) " + error.message, glob_error_text(error, given));
      }
      if (glob->size() > kMaxGlobUrls) {
        return make_error(exit_code::kUrlMalformat, "(3) " + given + " expands to more than " +
                                                        std::to_string(kMaxGlobUrls) +
                                                        " URLs, more than dbcurl plans in one call");
      }
      // Each -T pairs with one URL argument, in order, as -o does. Its
      // pattern is expanded too: each file goes to every URL, as curl's.
      std::vector<std::optional<std::string>> upload_files{std::nullopt};
      if (index < transfer.upload_files.size()) {
        const std::string& pattern = transfer.upload_files[index];
        Result<UrlGlob> files = transfer.globoff ? UrlGlob::literal(pattern) : UrlGlob::parse(pattern);
        if (!files) {
          const Error& error = files.error();
          return make_error(error.exit_code, "(3) " + error.message, glob_error_text(error, pattern));
        }
        if (files->size() * glob->size() > kMaxGlobUrls) {
          return make_error(exit_code::kUrlMalformat, "(3) -T " + pattern + " with " + given + " makes more than " +
                                                          std::to_string(kMaxGlobUrls) +
                                                          " transfers, more than dbcurl plans in one call");
        }
        upload_files.clear();
        for (std::size_t f = 0; f < files->size(); ++f) upload_files.emplace_back(files->url(f));
      }
      std::vector<std::string> matches;
      for (const std::optional<std::string>& upload_file : upload_files) {
        for (std::size_t k = 0; k < glob->size(); ++k) {
          const std::string globbed = glob->url(k, &matches);
          const std::string url = with_upload_name(globbed, split_url(globbed).rest, upload_file);
          const std::string url_rest = split_url(url).rest;
          Result<RequestPlan> plan = plan_request(url, transfer, resolver, warn);
          if (!plan) return plan.error();
          if (uses_remote_name(transfer, index) && !transfer.remote_header_name && remote_name(url_rest).empty()) {
            result.stop = PlanStop::kNoRemoteName;
            return result;
          }
          std::optional<std::string> output = output_name(transfer, index, url_rest, matches);
          planned.push_back(PlannedTransfer{&transfer, url, index, std::move(output), upload_file,
                                            uses_remote_name(transfer, index), std::move(*plan)});
        }
      }
    }
  }
  return result;
}

}  // namespace dbcurl
