#pragma once
// curl's command-line grammar → CommandLine. Pure: -K files, .curlrc and
// @file values are read through the run's Io, warnings go to the given sinks.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/config.hpp"
#include "cli/data_args.hpp"
#include "common/io.hpp"
#include "common/result.hpp"

namespace dbcurl {

// What the installed libcurl can do, for curl's "the installed libcurl version
// doesn't support this" (read from curl_version_info by the caller).
struct LibcurlFeatures {
  bool http3 = false;
  bool tls_srp = false;
  bool dns_servers = false;            // c-ares: --dns-servers, --dns-interface, --dns-ipv4/6-addr
  std::vector<std::string> protocols;  // the schemes libcurl speaks, for --proto
};

struct ParseContext {
  Io io;
  // Sinks rather than io.diagnostics: -s and -S take effect as the parser reads them.
  WarningSink warn;                           // called only while -s is not in effect, as curl does
  WarningSink note;                           // "dbcurl: <text>" lines curl hides under -s unless -S
  std::optional<std::string> default_config;  // the .curlrc to read first, if any
  LibcurlFeatures features;
  // --stderr FILE, called as it is read (as curl opens it then): later
  // warnings and errors go to FILE ("-": standard output). False: FILE cannot
  // be opened, and they stay where they were.
  std::function<bool(std::string_view)> redirect_errors;
};

Result<CommandLine> parse_command_line(const std::vector<std::string>& args, const ParseContext& context);

// -T and -d against the kind -I or -F fixed: curl's warning text when they
// conflict (dbcurl then exits 2, as curl does), nullopt when they do not.
std::optional<std::string> request_method_conflict(const TransferConfig& transfer);
// The method a transfer sends: -X, else HEAD for -I, POST for data, GET.
std::string request_method(const TransferConfig& transfer);
std::string request_kind_conflict(RequestKind asked, RequestKind already);

// One line of a -K file, split as curl splits it: the option as written (one
// without a dash may have '=' or ':' after it), its value (quoted with curl's
// escapes, or up to white space; none when empty and unquoted), and whether
// more than a comment follows an unquoted value. nullopt for blank lines and
// lines starting with '#', '/' or '*'.
struct ConfigLine {
  std::string option;
  std::optional<std::string> value;
  bool text_after_value = false;
};
std::optional<ConfigLine> config_line(std::string_view text);

}  // namespace dbcurl
