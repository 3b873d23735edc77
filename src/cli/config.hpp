#pragma once
// The plain result of parsing curl's grammar: what the user asked for, with no
// credential decisions and no libcurl types. One TransferConfig per --next group.

#include <optional>
#include <string>
#include <vector>

#include "common/secret.hpp"

namespace dbcurl {

enum class TraceMode { kNone, kVerbose, kAscii, kBinary };

// Options that curl keeps across --next.
struct GlobalConfig {
  bool silent = false;      // -s
  bool show_error = false;  // -S
  bool no_progress_meter = false;
  TraceMode trace_mode = TraceMode::kNone;
  std::string trace_file;  // "-" is stdout, "%" is stderr (as curl's)
  bool trace_time = false;
  std::optional<std::string> stderr_file;  // --stderr
  bool fail_early = false;

  // dbcurl's own.
  std::optional<std::string> profile;
  bool explain = false;
  bool list_profiles = false;
  bool list_api_paths = false;

  bool show_version = false;
  bool show_help = false;
  bool show_manual = false;
};

struct TransferConfig {
  std::vector<std::string> urls;
  std::vector<std::string> outputs;  // -o, paired with urls in order
  bool globoff = false;              // -g

  std::optional<std::string> method;     // -X
  std::vector<std::string> headers;      // -H, in order
  std::optional<std::string> post_data;  // -d family, joined with '&'; --json pieces concatenated
  bool json = false;                     // --json given
  bool get_query = false;                // -G
  bool head = false;                     // -I
  bool include_headers = false;          // -i
  bool follow_location = false;          // -L
  bool location_trusted = false;         // --location-trusted: what the user typed may go to other hosts
  long max_redirects = 50;               // --max-redirs, curl\'s default
  bool insecure = false;                 // -k
  bool fail = false;                     // -f
  bool fail_with_body = false;
  std::optional<std::string> write_out;   // -w (file already read for @file)
  std::optional<std::string> user_agent;  // -A
  std::optional<std::string> cacert;
  std::optional<std::string> capath;
  long max_time_ms = 0;  // -m
  long connect_timeout_ms = 0;
  bool compressed = false;
  long retries = 0;              // --retry
  long retry_delay_seconds = 0;  // --retry-delay
  long retry_max_time_seconds = 0;
  bool retry_all_errors = false;
  bool retry_connection_refused = false;
  bool paginate = false;  // dbcurl's --paginate
  long paginate_max = 0;  // 0: no limit

  bool netrc = false;           // -n; --netrc-file implies it, as in curl
  bool netrc_optional = false;  // --netrc-optional, which wins over -n
  std::optional<std::string> netrc_file;
  std::optional<SecretString> user;           // -u user[:password]
  std::optional<SecretString> oauth2_bearer;  // --oauth2-bearer
};

struct CommandLine {
  GlobalConfig global;
  std::vector<TransferConfig> transfers;
};

}  // namespace dbcurl
