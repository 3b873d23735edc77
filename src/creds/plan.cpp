#include "creds/plan.hpp"

#include <algorithm>

#include "cli/glob.hpp"
#include "creds/url.hpp"

namespace dbcurl {

namespace {
// -T to a URL whose path ends in '/' (or has none): curl appends the local
// file's name (after its last '/' or '\\'), percent-encoded as its URL API
// writes it (lower-case hex), before any query.
std::string with_upload_name(const std::string& url, const std::optional<std::string>& upload_file) {
  if (!upload_file || *upload_file == "-") return url;
  const std::string rest = split_url(url).rest;
  const std::string path = rest.substr(0, rest.find_first_of("?#"));
  if (!path.empty() && path.back() != '/') return url;
  const std::size_t path_end = url.size() - (rest.size() - path.size());
  std::string name = upload_file->substr(upload_file->find_last_of("/\\") + 1);
  std::string encoded;
  for (const char c : name) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      encoded += c;
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      encoded += '%';
      encoded += kHex[static_cast<unsigned char>(c) >> 4];
      encoded += kHex[static_cast<unsigned char>(c) & 0xf];
    }
  }
  return url.substr(0, path_end) + (path.empty() ? "/" : "") + encoded + url.substr(path_end);
}

// -O's name: the last segment of the URL's path.
std::string remote_name(const std::string& url) {
  std::string path = split_url(url).rest;
  path = path.substr(0, path.find_first_of("?#"));
  return path.substr(path.rfind('/') + 1);
}

// -O or --remote-name-all for this URL.
bool uses_remote_name(const TransferConfig& transfer, std::size_t index) {
  return index < transfer.outputs.size() ? !transfer.outputs[index].has_value() : transfer.remote_name_all;
}

// Where a URL's body goes: -o NAME (with #N), -O or --remote-name-all, in --output-dir.
std::optional<std::string> output_name(const TransferConfig& transfer, std::size_t index, const std::string& url,
                                       const std::vector<std::string>& matches) {
  std::optional<std::string> name;
  if (uses_remote_name(transfer, index))
    name = remote_name(url);
  else if (index < transfer.outputs.size())
    name = glob_output_name(*transfer.outputs[index], matches);
  if (name && transfer.output_dir && *name != "-" && !name->starts_with("/")) name = *transfer.output_dir + "/" + *name;
  return name;
}

}  // namespace

Result<TransferPlan> plan_transfers(const CommandLine& line, CredentialResolver& resolver, const WarningSink& warn) {
  TransferPlan result;
  std::vector<PlannedTransfer>& planned = result.transfers;
  bool warned_more_outputs = false;
  for (const auto& transfer : line.transfers) {
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
      // Each -T pairs with one URL argument, in order, as -o does.
      const std::optional<std::string> upload_file =
          index < transfer.upload_files.size() ? std::optional(transfer.upload_files[index]) : std::nullopt;
      std::vector<std::string> matches;
      for (std::size_t k = 0; k < glob->size(); ++k) {
        const std::string url = with_upload_name(glob->url(k, &matches), upload_file);
        Result<RequestPlan> plan = plan_request(url, transfer, resolver, warn);
        if (!plan) return plan.error();
        if (uses_remote_name(transfer, index) && !transfer.remote_header_name && remote_name(url).empty()) {
          result.stop = PlanStop::kNoRemoteName;
          return result;
        }
        std::optional<std::string> output = output_name(transfer, index, url, matches);
        planned.push_back(PlannedTransfer{&transfer, url, index, std::move(output), upload_file,
                                          uses_remote_name(transfer, index), std::move(*plan)});
      }
    }
  }
  return result;
}

}  // namespace dbcurl
