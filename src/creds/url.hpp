#pragma once
// Just enough URL handling to classify requests, without libcurl: the parts
// curl's URL parser would see, and the Go SDK's host normalisation.

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace dbcurl {

struct UrlParts {
  std::string scheme;    // lower-case; empty when the URL has none
  std::string userinfo;  // without the '@'
  std::string host;      // IPv6 addresses keep their brackets
  std::string port;      // empty when not given
  std::string rest;      // path, query and fragment, as given
};

// Splits "scheme://user@host:port/rest". A path-only URL ("/api/...") yields
// an empty host.
UrlParts split_url(std::string_view url);
// The scheme curl uses: the given one, else its guess from the host name
// (--proto-default, when given, comes before the guess: see plan_request).
std::string effective_scheme(const UrlParts& parts);
std::string effective_port(const UrlParts& parts);
bool is_placeholder_host(std::string_view host);  // "<databricks-instance>" and any "<...>"
bool is_loopback_host(std::string_view host);     // 127.0.0.0/8, ::1, localhost

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
