#include "creds/url.hpp"

#include <algorithm>

#include "common/strings.hpp"

namespace dbcurl {

namespace {

std::string default_port(std::string_view scheme) {
  if (scheme == "https") return "443";
  if (scheme == "http") return "80";
  return "";
}

bool is_number(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit); }

// The value of key=value in a query string, if present and not empty.
std::optional<std::string> query_value(std::string_view query, std::string_view key) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == key && equals + 1 < pair.size()) {
      return std::string(pair.substr(equals + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

}  // namespace

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  if (url.starts_with("/")) {
    parts.rest = std::string(url);
    return parts;
  }
  if (const auto separator = url.find("://"); separator != std::string_view::npos) {
    parts.scheme = to_lower(url.substr(0, separator));
    url.remove_prefix(separator + 3);
  }
  const auto authority_end = url.find_first_of("/?#");
  std::string_view authority = url.substr(0, authority_end);
  parts.rest = authority_end == std::string_view::npos ? "" : std::string(url.substr(authority_end));
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    parts.userinfo = std::string(authority.substr(0, at));
    authority.remove_prefix(at + 1);
  }
  std::size_t host_end = authority.size();
  if (authority.starts_with("[")) {
    const auto close = authority.find(']');
    host_end = close == std::string_view::npos ? authority.size() : close + 1;
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host_end = colon;
  }
  parts.host = std::string(authority.substr(0, host_end));
  if (host_end < authority.size() && authority[host_end] == ':')
    parts.port = std::string(authority.substr(host_end + 1));
  return parts;
}

std::string effective_port(const UrlParts& parts) { return parts.port.empty() ? parts.default_port : parts.port; }

std::string comparable_host(std::string_view host) {
  if (host.ends_with('.')) host.remove_suffix(1);
  return to_lower(host);
}

bool is_placeholder_host(std::string_view host) {
  return host.size() >= 2 && host.front() == '<' && host.back() == '>';
}

bool is_loopback_host(std::string_view host) {
  if (iequals(host, "localhost") || host == "[::1]" || host == "::1") return true;
  if (!host.starts_with("127.")) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

std::string WorkspaceHost::origin() const { return scheme + "://" + host + (port.empty() ? "" : ":" + port); }

bool WorkspaceHost::is_account_host() const {
  return host.starts_with("accounts.") || host.starts_with("accounts-dod.");
}

Result<WorkspaceHost> normalize_host(std::string_view configured) {
  std::string text(trim(configured));
  // As the SDKs: no "://" means no scheme, even for a host named "httpbin-ws...".
  if (text.find("://") == std::string::npos) text = "https://" + text;
  if (auto repaired = repair_doubled_scheme(text)) text = *repaired;
  const UrlParts parts = split_url(text);
  if (parts.host.empty() || parts.scheme.empty()) {
    return make_error(exit_code::kConfigInvalid, "invalid Databricks host: " + std::string(configured));
  }
  WorkspaceHost host;
  host.scheme = parts.scheme;
  host.host = to_lower(parts.host);
  host.port = parts.port == default_port(parts.scheme) ? "" : parts.port;
  if (const auto query = parts.rest.find('?'); query != std::string::npos) {
    std::string_view query_text = std::string_view(parts.rest).substr(query + 1);
    query_text = query_text.substr(0, query_text.find('#'));
    host.workspace_id = query_value(query_text, "w");
    for (std::string_view key : {"o", "workspace_id"}) {
      if (host.workspace_id) break;
      if (auto id = query_value(query_text, key); id && is_number(*id)) host.workspace_id = *id;
    }
    host.account_id = query_value(query_text, "a");
    if (!host.account_id) host.account_id = query_value(query_text, "account_id");
  }
  return host;
}

std::optional<std::string> repair_doubled_scheme(std::string_view url) {
  for (std::string_view outer : {"https://", "http://"}) {
    if (!istarts_with(url, outer)) continue;
    const std::string_view inner = url.substr(outer.size());
    if (istarts_with(inner, "https://") || istarts_with(inner, "http://")) return std::string(inner);
  }
  return std::nullopt;
}

std::optional<std::string> repair_msys_path(std::string_view url) {
  const bool drive = url.size() >= 3 && is_ascii_alpha(url[0]) && url[1] == ':' && url[2] == '/';
  const auto api = url.find("/api/");
  if (!drive || api == std::string_view::npos) return std::nullopt;
  return std::string(url.substr(api));
}

}  // namespace dbcurl
