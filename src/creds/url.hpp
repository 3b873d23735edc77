#pragma once
// URL handling for classifying requests, without libcurl: the parts of a URL
// as libcurl's parser reads them (a UrlParser, implemented in src/apply), the
// Go SDK's host normalisation, and text-level repairs.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace dbcurl {

struct UrlParts {
  std::string scheme;        // lower-case; from a UrlParser, the one libcurl uses (given, --proto-default's or guessed)
  std::string userinfo;      // without the '@', as given (percent-encoded)
  std::string host;          // IPv6 addresses keep their brackets; from a UrlParser, libcurl's form (see below)
  std::string port;          // decimal; empty when the URL gives none
  std::string default_port;  // the scheme's, from a UrlParser (as libcurl knows it; empty for a scheme it does not)
  std::string rest;          // path, query and fragment
};

// A URL as libcurl reads it for a transfer, --proto-default (default_protocol)
// included: the scheme it uses; the host with IPv4 numbers in dotted decimal
// and %XX decoded, its case and a trailing dot kept; the port without leading
// zeros. An error when libcurl rejects the URL. src/apply/url_parser.hpp has
// the implementation; tests use fakes.
using UrlParser =
    std::function<Result<UrlParts>(std::string_view url, const std::optional<std::string>& default_protocol)>;

// Splits "scheme://user@host:port/rest" as text: for paths and placeholders,
// never to decide where a request goes (that is a UrlParser's job). A
// path-only URL ("/api/...") yields an empty host.
UrlParts split_url(std::string_view url);
// The port a request goes to: the given one, else the scheme's default.
std::string effective_port(const UrlParts& parts);
// A host as a connection sees it, for comparing two hosts (a UrlParser's):
// ASCII case folded, without the one trailing dot DNS ignores.
std::string comparable_host(std::string_view host);
bool is_placeholder_host(std::string_view host);  // "<databricks-instance>" and any "<...>"
bool is_loopback_host(std::string_view host);     // 127.0.0.0/8, ::1, localhost (as a UrlParser gives them)

// A workspace host normalised the Go SDK way.
struct WorkspaceHost {
  std::string scheme;  // "https" unless configured otherwise
  std::string host;    // lower-case
  std::string port;    // empty for the scheme's default port
  // Ids pasted with the host, as the Go SDK reads them: ?w= (any value), else a
  // numeric ?o= or ?workspace_id=; ?a= or ?account_id=.
  std::optional<std::string> workspace_id;
  std::optional<std::string> account_id = std::nullopt;  // defaulted: initialisers may stop before it
  std::string origin() const;                            // scheme://host[:port]
  bool is_account_host() const;
};

Result<WorkspaceHost> normalize_host(std::string_view configured);

// "https://https://host/..." (from "https://${DATABRICKS_HOST}" with a host that
// has a scheme already): the doubled scheme removed, or nullopt when not doubled.
std::optional<std::string> repair_doubled_scheme(std::string_view url);

// Git Bash (MSYS) turns "/api/2.0/x" into "C:/Program Files/Git/api/2.0/x":
// the original path, or nullopt when the URL is not such a rewrite.
std::optional<std::string> repair_msys_path(std::string_view url);

}  // namespace dbcurl
