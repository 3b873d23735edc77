#include "cli/option_table.hpp"

#include <array>

namespace dbcurl {

namespace {

using enum OptionId;
using enum ArgKind;
using H = ValueHint;

// Sorted by long name, as curl's --help lists them.
constexpr std::array kOptions = {
    OptionSpec{kCacert, "cacert", '\0', kValue, "<file>", H::kFile, false, "CA certificate to verify peer against"},
    OptionSpec{kCapath, "capath", '\0', kValue, "<dir>", H::kDirectory, false, "CA directory to verify peer against"},
    OptionSpec{kCompressed, "compressed", '\0', kBool, "", H::kNone, false, "Request compressed response"},
    OptionSpec{kConnectTimeout, "connect-timeout", '\0', kValue, "<fractional seconds>", H::kSeconds, false,
               "Maximum time allowed for connection"},
    OptionSpec{kData, "data", 'd', kValue, "<data>", H::kData, false, "HTTP POST data"},
    OptionSpec{kDataAscii, "data-ascii", '\0', kValue, "<data>", H::kData, false, "HTTP POST ASCII data"},
    OptionSpec{kDataBinary, "data-binary", '\0', kValue, "<data>", H::kData, false, "HTTP POST binary data"},
    OptionSpec{kDataRaw, "data-raw", '\0', kValue, "<data>", H::kText, false, "HTTP POST data, '@' allowed"},
    OptionSpec{kDisable, "disable", 'q', kBool, "", H::kNone, false, "Disable .curlrc"},
    OptionSpec{kExplain, "explain", '\0', kBool, "", H::kNone, true,
               "Show how workspace, token and auth were resolved; send nothing"},
    OptionSpec{kFail, "fail", 'f', kBool, "", H::kNone, false, "Fail fast with no output on HTTP errors"},
    OptionSpec{kFailEarly, "fail-early", '\0', kBool, "", H::kNone, false,
               "Fail on first transfer error, do not continue"},
    OptionSpec{kFailWithBody, "fail-with-body", '\0', kBool, "", H::kNone, false,
               "Fail on HTTP errors but save the body"},
    OptionSpec{kGet, "get", 'G', kBool, "", H::kNone, false, "Put the post data in the URL and use GET"},
    OptionSpec{kGlobOff, "globoff", 'g', kBool, "", H::kNone, false, "Disable URL sequences and ranges using {} and []"},
    OptionSpec{kHead, "head", 'I', kBool, "", H::kNone, false, "Show document info only"},
    OptionSpec{kHeader, "header", 'H', kValue, "<header/@file>", H::kHeader, false, "Pass custom header(s) to server"},
    OptionSpec{kHelp, "help", 'h', kBool, "", H::kNone, false, "Get help for commands"},
    OptionSpec{kInclude, "include", 'i', kBool, "", H::kNone, false, "Include protocol response headers in the output"},
    OptionSpec{kInsecure, "insecure", 'k', kBool, "", H::kNone, false, "Allow insecure server connections"},
    OptionSpec{kJson, "json", '\0', kValue, "<data>", H::kData, false, "HTTP POST JSON"},
    OptionSpec{kListApiPaths, "list-api-paths", '\0', kBool, "", H::kNone, true,
               "Print the Databricks REST API paths dbcurl knows, one a line"},
    OptionSpec{kListProfiles, "list-profiles", '\0', kBool, "", H::kNone, true,
               "Print the Databricks profile names, one a line"},
    OptionSpec{kLocation, "location", 'L', kBool, "", H::kNone, false, "Follow redirects"},
    OptionSpec{kLocationTrusted, "location-trusted", '\0', kBool, "", H::kNone, false,
               "Like --location, and send auth to other hosts"},
    OptionSpec{kManual, "manual", 'M', kBool, "", H::kNone, false, "Display the full manual"},
    OptionSpec{kMaxTime, "max-time", 'm', kValue, "<fractional seconds>", H::kSeconds, false,
               "Maximum time allowed for transfer"},
    OptionSpec{kMaxRedirs, "max-redirs", '\0', kValue, "<num>", H::kText, false, "Maximum number of redirects allowed"},
    OptionSpec{kNetrc, "netrc", 'n', kBool, "", H::kNone, false, "Must read .netrc for user name and password"},
    OptionSpec{kNetrcFile, "netrc-file", '\0', kValue, "<filename>", H::kFile, false, "Specify FILE for netrc"},
    OptionSpec{kNetrcOptional, "netrc-optional", '\0', kBool, "", H::kNone, false, "Use either .netrc or URL"},
    OptionSpec{kNext, "next", ':', kFlag, "", H::kNone, false, "Make next URL use its separate set of options"},
    OptionSpec{kProgressMeter, "progress-meter", '\0', kBool, "", H::kNone, false, "Show the progress meter"},
    OptionSpec{kOauth2Bearer, "oauth2-bearer", '\0', kValue, "<token>", H::kText, false, "OAuth 2 Bearer Token"},
    OptionSpec{kOutput, "output", 'o', kValue, "<file>", H::kFile, false, "Write to file instead of stdout"},
    OptionSpec{kPaginate, "paginate", '\0', kBool, "", H::kNone, true,
               "Follow Databricks page tokens; print the pages as one JSON document"},
    OptionSpec{kPaginateMax, "paginate-max", '\0', kValue, "<num>", H::kText, true,
               "Stop --paginate after this many pages"},
    OptionSpec{kProfile, "profile", '\0', kValue, "<name>", H::kProfile, true,
               "Databricks configuration profile to use"},
    OptionSpec{kRequest, "request", 'X', kValue, "<method>", H::kMethod, false, "Specify request method to use"},
    OptionSpec{kRetry, "retry", '\0', kValue, "<num>", H::kText, false, "Retry request if transient problems occur"},
    OptionSpec{kRetryAllErrors, "retry-all-errors", '\0', kBool, "", H::kNone, false,
               "Retry all errors (use with --retry)"},
    OptionSpec{kRetryConnrefused, "retry-connrefused", '\0', kBool, "", H::kNone, false,
               "Retry on connection refused (use with --retry)"},
    OptionSpec{kRetryDelay, "retry-delay", '\0', kValue, "<seconds>", H::kSeconds, false, "Wait time between retries"},
    OptionSpec{kRetryMaxTime, "retry-max-time", '\0', kValue, "<seconds>", H::kSeconds, false,
               "Retry only within this period"},
    OptionSpec{kShowError, "show-error", 'S', kBool, "", H::kNone, false, "Show error even when -s is used"},
    OptionSpec{kSilent, "silent", 's', kBool, "", H::kNone, false, "Silent mode"},
    OptionSpec{kStderr, "stderr", '\0', kValue, "<file>", H::kFile, false, "Where to redirect stderr"},
    OptionSpec{kTrace, "trace", '\0', kValue, "<file>", H::kFile, false, "Write a debug trace to FILE"},
    OptionSpec{kTraceAscii, "trace-ascii", '\0', kValue, "<file>", H::kFile, false,
               "Like --trace, but without hex output"},
    OptionSpec{kTraceTime, "trace-time", '\0', kBool, "", H::kNone, false, "Add time stamps to trace/verbose output"},
    OptionSpec{kUrl, "url", '\0', kValue, "<url>", H::kUrl, false, "URL to work with"},
    OptionSpec{kUser, "user", 'u', kValue, "<user:password>", H::kText, false, "Server user and password"},
    OptionSpec{kUserAgent, "user-agent", 'A', kValue, "<name>", H::kText, false, "Send User-Agent <name> to server"},
    OptionSpec{kVerbose, "verbose", 'v', kBool, "", H::kNone, false, "Make the operation more talkative"},
    OptionSpec{kVersion, "version", 'V', kBool, "", H::kNone, false, "Show version number and quit"},
    OptionSpec{kWriteOut, "write-out", 'w', kValue, "<format>", H::kText, false, "Use output FORMAT after completion"},
};

}  // namespace

std::span<const OptionSpec> option_table() { return kOptions; }

const OptionSpec* find_long_option(std::string_view name) {
  for (const auto& spec : kOptions) {
    if (spec.long_name == name) return &spec;
  }
  return nullptr;
}

const OptionSpec* find_short_option(char name) {
  if (name == '\0') return nullptr;
  for (const auto& spec : kOptions) {
    if (spec.short_name == name) return &spec;
  }
  return nullptr;
}

}  // namespace dbcurl
