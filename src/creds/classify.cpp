#include "creds/classify.hpp"

#include <algorithm>

#include "common/files.hpp"
#include "common/redact.hpp"
#include "common/secret.hpp"
#include "common/strings.hpp"
#include "creds/account.hpp"
#include "creds/netrc.hpp"
#include "creds/proxy_route.hpp"
#include "creds/sources/token_source.hpp"
#include "creds/url.hpp"

namespace dbcurl {

namespace {

const char* const kPasswordWhy =
    "Databricks ended password authentication for the REST API; use a personal access token instead\n"
    "(User Settings > Developer > Access tokens): it is scoped to one workspace, can expire and can be revoked.\n"
    "Store it where dbcurl finds it, and never type it on a command line:\n"
    "  export DATABRICKS_TOKEN=...            (or 'token = ...' in a ~/.databrickscfg profile)\n"
    "  machine <workspace-host> login token password <token>    (a ~/.netrc line, for -n)\n";

bool is_placeholder_value(std::string_view value) {
  const auto open = value.find('<');
  return open != std::string_view::npos && value.find('>', open) != std::string_view::npos;
}

std::optional<std::string_view> header_value(std::string_view header, std::string_view name) {
  if (header.size() <= name.size() || !istarts_with(header, name) || header[name.size()] != ':') return std::nullopt;
  return trim(header.substr(name.size() + 1));
}

std::string_view login_of(std::string_view userinfo) { return userinfo.substr(0, userinfo.find(':')); }

Error password_refused(const std::string& origin, const std::string& how) {
  return make_error(exit_code::kPasswordRefused,
                    "refusing to send a password (" + how + ") to the Databricks workspace " + origin +
                        "; use a personal access token: DATABRICKS_TOKEN, 'token =' in ~/.databrickscfg, "
                        "or a netrc 'login token' line",
                    kPasswordWhy);
}

// docs/SECURITY.md, whatever else the command line says: libcurl answers a server's
// challenge (--digest, --ntlm, --anyauth, ...) with a password even next to
// an own Authorization header or --oauth2-bearer, so no password may reach a
// workspace request at all.
std::optional<Error> refuse_passwords(const TransferConfig& transfer, const UrlParts& parts, const std::string& origin,
                                      const NetrcMatch* netrc_entry, const DatabricksConfig& config) {
  if (transfer.user && login_of(transfer.user->view()) != "token") return password_refused(origin, "-u");
  if (!parts.userinfo.empty() && login_of(parts.userinfo) != "token")
    return password_refused(origin, "credentials in the URL");
  if (netrc_entry != nullptr && netrc_entry->login.value_or("") != "token")
    return password_refused(origin, "a netrc entry with a login other than 'token'");
  if (config.password || config.username) {
    const std::string from = config.password ? config.password->origin : config.username->origin;
    return password_refused(origin, "username/password from " + from);
  }
  return std::nullopt;
}

// A line break in a header would smuggle extra header lines next to the
// token. Only the header's name is shown: its value may be a token.
std::optional<Error> refuse_header_line_breaks(const std::vector<std::string>& headers) {
  for (const auto& header : headers) {
    if (header.find_first_of("\r\n") != std::string::npos) {
      return make_error(exit_code::kUnsafeInput, "refusing a header with a line break on a workspace request: " +
                                                     header.substr(0, header.find_first_of(":\r\n")) +
                                                     " (given with -H)");
    }
  }
  return std::nullopt;
}

// The token dbcurl resolved for the workspace, as a bearer token.
void use_resolved_token(const Credential& resolved, const DatabricksConfig& config, RequestPlan& plan,
                        const WarningSink& warn) {
  plan.auth = AuthMode::kBearer;
  plan.auth_label = resolved.auth_label;
  plan.bearer = resolved.token.clone();
  for (const auto& line : resolved.explain) plan.explain.push_back(line);
  if (!resolved.obtained) {  // --explain asked no one: no token to show
    plan.credential_origin = resolved.origin;
    plan.explain.push_back("auth: bearer token from " + resolved.origin + ", not obtained under --explain");
    return;
  }
  plan.credential_origin = resolved.origin + " (" + redacted_form(resolved.token.view()) + ")";
  plan.explain.push_back("auth: bearer token " + redacted_form(resolved.token.view()) + " from " + resolved.origin);
  if (resolved.auth_label == "pat" && config.workspace && config.workspace->is_account_host()) {
    warn("a personal access token is workspace-scoped; " + config.workspace->origin() +
         " is an account host, where it will be rejected");
  }
}

// Reads one field of a "host:port:..." entry; a [bracketed] IPv6 address keeps its colons.
std::string_view next_field(std::string_view& rest) {
  std::size_t end = 0;
  if (rest.starts_with('[')) end = rest.find(']');
  end = rest.find(':', end == std::string_view::npos ? rest.size() : end);
  const std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return field;
}

struct RerouteTarget {
  std::string host;
  std::string option;
};

// --resolve (host:port:addr[,addr...]) and --connect-to (host:port:to-host:to-port)
// make libcurl connect somewhere other than the URL's host. Which entry matches a
// request is libcurl's decision, not redone here: for a token over plain http://
// every address they name must be loopback, or the request is refused.
std::optional<RerouteTarget> first_non_loopback_reroute(const TransferConfig& transfer) {
  for (const std::string& entry : transfer.resolve) {
    if (entry.starts_with('-')) continue;  // removes a cache entry, adds none
    std::string_view rest = std::string_view(entry).substr(entry.starts_with('+') ? 1 : 0);
    next_field(rest);
    next_field(rest);
    for (std::string_view address : split(rest, ',')) {
      if (!is_loopback_host(address)) return RerouteTarget{std::string(address), "--resolve"};
    }
  }
  for (const std::string& entry : transfer.connect_to) {
    std::string_view rest = entry;
    next_field(rest);
    next_field(rest);
    const std::string_view to_host = next_field(rest);
    if (!to_host.empty() && !is_loopback_host(to_host)) return RerouteTarget{std::string(to_host), "--connect-to"};
  }
  return std::nullopt;
}

// A token over plain http:// goes only to loopback, and never through a proxy
// (libcurl's choice of one, docs/SECURITY.md); apply.cpp then makes libcurl connect
// directly, as decided here.
std::optional<Error> plan_route(const UrlParts& parts, const TransferConfig& transfer, const Environment& env,
                                RequestPlan& plan) {
  const ProxyRoute route = libcurl_proxy_route(parts, transfer, env);
  plan.explain.push_back("route: " + route.why);
  if (parts.scheme != "http") return std::nullopt;
  if (route.proxied) {
    return make_error(exit_code::kPlainHttpRefused,
                      "refusing to send a Databricks token over plain http:// " + route.why + " to " + parts.host,
                      "A proxy would read the token: use https://, or exempt the host with --noproxy " +
                          libcurl_host_name(parts.host) + ".\n");
  }
  if (!is_loopback_host(parts.host)) {
    return make_error(exit_code::kPlainHttpRefused,
                      "refusing to send a Databricks token over plain http:// to " + parts.host,
                      "Use https:// (Databricks workspaces only serve HTTPS).\n");
  }
  if (const std::optional<RerouteTarget> away = first_non_loopback_reroute(transfer)) {
    return make_error(
        exit_code::kPlainHttpRefused,
        "refusing to send a Databricks token over plain http:// to " + away->host + " (" + away->option + ")",
        "Use https://, or point " + away->option + " at a loopback address.\n");
  }
  plan.direct_only = true;
  return std::nullopt;
}

// Databricks credentials go only over https:// (and http:// to loopback,
// plan_route): rtsp://, ftp://, imap://, ... to a workspace host would carry
// the token or a password in cleartext (docs/SECURITY.md). The scheme is the
// one libcurl uses (the UrlParser's: given, --proto-default's or guessed).
std::optional<Error> refuse_other_schemes(const UrlParts& parts) {
  if (parts.scheme == "https" || parts.scheme == "http") return std::nullopt;
  return make_error(
      exit_code::kPlainHttpRefused,
      "refusing to send Databricks credentials over " + parts.scheme + ":// to the workspace host " + parts.host,
      "dbcurl sends them only over https://: use https://" + parts.host +
          "/..., or plain curl for a service other than Databricks on that host.\n");
}

// A URL's password as libcurl sends it: %XX decoded.
SecretString percent_decoded(std::string_view text) {
  const auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      decoded += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  SecretString secret(decoded);
  wipe_string(decoded);
  return secret;
}

struct Target {
  std::string url;
  UrlParts parts;                            // as libcurl reads url
  const DatabricksConfig* config = nullptr;  // null: a plain request
};

// Where a URL goes, as libcurl reads it: what decides its credentials.
std::string describe_destination(const UrlParts& parts) {
  return parts.scheme + "://" + parts.host + ":" + effective_port(parts);
}

Result<Target> locate(const std::string& given, const TransferConfig& transfer, CredentialResolver& resolver,
                      std::vector<std::string>& explain, const WarningSink& warn) {
  std::string url = given;
  if (auto repaired = repair_msys_path(url)) {
    warn("repaired " + url + " to " + *repaired + " (Git Bash rewrote the path; MSYS_NO_PATHCONV=1 avoids it)");
    url = *repaired;
  }
  if (auto repaired = repair_doubled_scheme(url)) {
    warn("repaired a doubled scheme in " + url + " (the host already had https://)");
    url = *repaired;
  }
  const UrlParts text = split_url(url);
  // A path is dbcurl's only where curl fails on it: under --proto-default
  // libcurl reads one as a URL (file: a local file; https: host "api" of
  // /api/...), and it stays curl's.
  const bool path_only = url.starts_with("/") && !resolver.parse_url(url, transfer.default_protocol);
  const bool placeholder = is_placeholder_host(text.host);
  const Result<DatabricksConfig>& config = resolver.config();

  const DatabricksConfig* completed = nullptr;  // path-only or placeholder: the configuration put in front
  if (path_only || placeholder) {
    if (!config) return config.error();
    if (!config->workspace) {
      return make_error(exit_code::kNoCredentials, "no Databricks workspace configured for " + given,
                        "Set DATABRICKS_HOST, pass --profile NAME, or add 'host = ...' to ~/.databrickscfg.\n");
    }
    completed = &*config;
    if (path_only && is_account_api_path(text.rest) && !is_account_config(*config)) {
      Result<const DatabricksConfig*> account = resolver.account_config();
      if (!account) return account.error();
      if (*account != nullptr) {
        completed = *account;
        explain.push_back("account API path: the account profile [" + completed->profile->value + "]");
      }
    }
    const WorkspaceHost& workspace = *completed->workspace;
    url = workspace.scheme + "://" + (text.userinfo.empty() ? "" : text.userinfo + "@") + workspace.host +
          (workspace.port.empty() ? "" : ":" + workspace.port) + text.rest;
    explain.push_back(std::string(path_only ? "path-only URL" : "placeholder host " + text.host) + ": " +
                      (completed == &*config ? "the resolved workspace " : "") + workspace.origin() +
                      " is put in front");
  }
  // libcurl's reading decides, not the text: 127.1, 0x7f.0.0.1, %31%32%37.0.0.1,
  // :08443, https:/host, an upper-case host are all the host libcurl connects to.
  Result<UrlParts> parsed = resolver.parse_url(url, transfer.default_protocol);
  if (!parsed) {
    explain.push_back("libcurl rejects the URL (" + parsed.error().message + "): plain curl request");
    return Target{url, UrlParts{}, nullptr};
  }
  const UrlParts& parts = *parsed;
  explain.push_back("destination: " + describe_destination(parts) + " (as libcurl reads the URL)");
  if (completed != nullptr) return Target{url, parts, completed};
  const Result<const DatabricksConfig*> resolved = resolver.config_for_full_url(warn);
  if (!resolved) return resolved.error();
  if (*resolved != nullptr && (*resolved)->workspace && resolver.is_for_workspace(parts, *(*resolved)->workspace)) {
    explain.push_back("host " + parts.host + " is the resolved workspace");
    return Target{url, parts, *resolved};
  }
  Result<const DatabricksConfig*> picked = resolver.config_for_host(parts, warn);
  if (!picked) return picked.error();
  if (*picked != nullptr) {
    explain.push_back("host " + parts.host + " picks its own configuration:");
    for (const auto& line : (*picked)->explain) explain.push_back("  " + line);
    return Target{url, parts, *picked};
  }
  explain.push_back("host " + parts.host + " is not a Databricks workspace: plain curl request");
  return Target{url, parts, nullptr};
}

}  // namespace

bool url_matches_workspace(const UrlParts& url, const UrlParts& workspace) {
  if (comparable_host(url.host) != comparable_host(workspace.host)) return false;
  return url.port.empty() || url.port == effective_port(workspace);
}

bool is_other_scheme_to_workspace_host(const UrlParts& url, const UrlParts& workspace) {
  return url.scheme != "https" && url.scheme != "http" && comparable_host(url.host) == comparable_host(workspace.host);
}

bool CredentialResolver::is_for_workspace(const UrlParts& url, const WorkspaceHost& workspace) const {
  // The configured host as libcurl would read it too (127.1 is 127.0.0.1 there as well).
  const Result<UrlParts> parsed = parse_url(workspace.origin(), std::nullopt);
  if (!parsed) return false;
  return url_matches_workspace(url, *parsed) || is_other_scheme_to_workspace_host(url, *parsed);
}

const Result<std::optional<DbcurlConfig>>& CredentialResolver::dbcurl_config() { return files_.dbcurl_config(); }

const DbcurlConfig* CredentialResolver::dbcurl_or_null() { return files_.dbcurl_config_or_null(); }

const Result<DatabricksConfig>& CredentialResolver::config() {
  if (!config_) {
    const auto& dbcurl = dbcurl_config();
    if (!dbcurl)
      config_.emplace(dbcurl.error());
    else
      config_.emplace(
          load_databricks_config(context_.io, ConfigRequest{profile_flag_, true, &files_}, dbcurl_or_null()));
  }
  return *config_;
}

Result<const DatabricksConfig*> CredentialResolver::config_for_host(const UrlParts& url, const WarningSink& warn) {
  const DatabricksConfig* none = nullptr;
  if (url.host.empty()) return none;
  const std::string key = url.scheme + "://" + to_lower(url.host) + ":" + url.port;
  auto found = host_configs_.find(key);
  if (found == host_configs_.end()) found = host_configs_.emplace(key, load_for_host(url, warn)).first;
  if (found->second) return &*found->second;
  // kOk marks "nothing names this host": a plain request.
  if (found->second.error().exit_code == exit_code::kOk) return none;
  return found->second.error();
}

Result<const DatabricksConfig*> CredentialResolver::config_for_full_url(const WarningSink& warn) {
  const DatabricksConfig* none = nullptr;
  const Result<DatabricksConfig>& resolved = config();
  if (resolved) return &*resolved;
  // A named profile is a Databricks run: a profile that does not exist, or a
  // file it lives in that cannot be read, stops it (docs/resolution.md).
  if (profile_named()) return resolved.error();
  const Result<std::optional<DbcurlConfig>>& dbcurl = dbcurl_config();
  if (dbcurl) return none;
  if (!config_without_dbcurl_) {
    config_without_dbcurl_.emplace(
        load_databricks_config(context_.io, ConfigRequest{std::nullopt, true, &files_}, nullptr));
  }
  if (!*config_without_dbcurl_) return none;
  warn_unreadable(dbcurl.error(), warn);
  return &**config_without_dbcurl_;
}

bool CredentialResolver::profile_named() const {
  return profile_flag_ || context_.io.env.get("DATABRICKS_CONFIG_PROFILE");
}

std::optional<Error> CredentialResolver::skip_unreadable(const Error& error, const WarningSink& warn) {
  // A named profile is a Databricks run: the file it lives in must be read.
  if (profile_named()) return error;
  // Without one, a URL may be any curl user's: it goes out as curl would, once said.
  warn_unreadable(error, warn);
  return std::nullopt;
}

void CredentialResolver::warn_unreadable(const Error& error, const WarningSink& warn) {
  if (warn && unreadable_warned_.insert(error.message).second) {
    warn(error.message + "; requests to the hosts it may name go out without Databricks credentials");
  }
}

Result<DatabricksConfig> CredentialResolver::load_for_host(const UrlParts& url, const WarningSink& warn) {
  const Error nothing = make_error(exit_code::kOk, "");
  // A file that cannot be read only takes away what it would have named; the other files still name hosts.
  if (const auto& dbcurl = dbcurl_config(); !dbcurl) {
    if (std::optional<Error> stop = skip_unreadable(dbcurl.error(), warn)) return *stop;
  }
  if (const auto& file = files_.databricks_config(); !file) {
    if (std::optional<Error> stop = skip_unreadable(file.error(), warn)) return *stop;
  }
  const DbcurlConfig* own = dbcurl_or_null();
  const std::function<bool(const WorkspaceHost&)> matches = [this, &url](const WorkspaceHost& candidate) {
    return is_for_workspace(url, candidate);
  };

  std::vector<std::string> names = profiles_naming_host(files_, own, matches);
  if (names.size() > 1) {
    const Result<DatabricksConfig>& resolved = config();
    const bool resolved_is_one =
        resolved && resolved->profile && std::find(names.begin(), names.end(), resolved->profile->value) != names.end();
    if (!resolved_is_one) {
      return make_error(exit_code::kAmbiguousHost,
                        "host " + url.host + " is named by several profiles: " + join(names, ", "),
                        "Pick one with --profile NAME.\n");
    }
    names = std::vector<std::string>{resolved->profile->value};
  }
  if (names.size() == 1) return load_databricks_config(context_.io, ConfigRequest{names.front(), false, &files_}, own);

  DatabricksConfig bare;
  bare.workspace = WorkspaceHost{url.scheme, to_lower(url.host), url.port, std::nullopt};
  // The default netrc, read unasked (-n's is plan_request's): one that cannot
  // be read names no host, whatever profile is named (docs/resolution.md).
  if (const NetrcFile& netrc = files_.netrc(netrc_path(std::nullopt, env())); !netrc) {
    warn_unreadable(netrc.error(), warn);
  }
  const HostQuery query{url, files_, own, matches};
  for (const TokenSource* source : token_sources()) {
    if (source->names_host(query, bare)) return bare;
  }
  return nothing;
}

Result<const DatabricksConfig*> CredentialResolver::account_config() {
  if (!account_config_) {
    const Result<DatabricksConfig>& resolved = config();
    const std::optional<std::string> account_id =
        resolved && resolved->account_id ? std::optional<std::string>(resolved->account_id->value) : std::nullopt;
    Result<std::vector<std::string>> names = account_profile_names(files_, account_id);
    if (!names) {
      account_config_.emplace(names.error());
    } else if (names->size() > 1) {
      account_config_.emplace(make_error(exit_code::kAmbiguousHost,
                                         "an account API path, and several account profiles: " + join(*names, ", "),
                                         "Pick one with --profile NAME.\n"));
    } else if (names->size() == 1) {
      account_config_.emplace(
          load_databricks_config(context_.io, ConfigRequest{names->front(), false, &files_}, dbcurl_or_null()));
    } else {
      account_config_.emplace(make_error(exit_code::kOk, ""));  // none: the resolved workspace keeps it
    }
  }
  if (*account_config_) return &**account_config_;
  if (account_config_->error().exit_code == exit_code::kOk) return static_cast<const DatabricksConfig*>(nullptr);
  return account_config_->error();
}

const Result<Credential>& CredentialResolver::token(const DatabricksConfig& config,
                                                    const std::optional<std::string>& netrc_file) {
  const auto key = std::make_pair(&config, netrc_file.value_or(""));
  auto found = tokens_.find(key);
  if (found == tokens_.end()) found = tokens_.emplace(key, resolve_workspace_token(config, context_, netrc_file)).first;
  return found->second;
}

Result<RequestPlan> plan_request(const std::string& url, const TransferConfig& transfer, CredentialResolver& resolver,
                                 const WarningSink& warn) {
  RequestPlan plan;
  Result<Target> target = locate(url, transfer, resolver, plan.explain, warn);
  if (!target) return target.error();
  plan.url = target->url;
  plan.workspace = target->config != nullptr;
  plan.headers = transfer.headers;
  if (!plan.workspace) return plan;
  Result<std::string> filled = fill_id_placeholders(plan.url, *target->config, plan.explain);
  if (!filled) return filled.error();
  plan.url = std::move(*filled);
  if (std::optional<Error> refused = refuse_other_schemes(target->parts)) return *refused;

  if (std::optional<Error> refused = refuse_header_line_breaks(plan.headers)) return *refused;
  const UrlParts& parts = target->parts;
  const std::string origin = parts.scheme + "://" + parts.host + (parts.port.empty() ? "" : ":" + parts.port);
  const DatabricksConfig& config = *target->config;

  // -n: the entry curl would take for this host (a "default" entry too),
  // looked up by the name libcurl uses (no brackets, normal IPv4/IPv6 form).
  // A user name in the URL selects the entry, as libcurl looks it up.
  std::optional<NetrcMatch> netrc_match;
  bool netrc_read = false;  // the file exists
  const std::string netrc_file = netrc_path(transfer.netrc_file, resolver.env());
  if (transfer.netrc || transfer.netrc_optional || transfer.netrc_file) {
    const NetrcFile& text = resolver.files().netrc(netrc_file);
    if (!text) return text.error();
    netrc_read = text->has_value();
    if (netrc_read) {
      std::optional<std::string> url_user;
      if (!login_of(parts.userinfo).empty()) url_user.emplace(percent_decoded(login_of(parts.userinfo)).view());
      Result<std::optional<NetrcMatch>> match =
          netrc_lookup((*text)->view(), libcurl_host_name(parts.host), url_user, netrc_file);
      if (!match) return match.error();
      netrc_match = std::move(*match);
    }
  }
  const NetrcMatch* netrc_entry = netrc_match ? &*netrc_match : nullptr;
  if (std::optional<Error> refused = refuse_passwords(transfer, parts, origin, netrc_entry, config)) return *refused;

  // The user's own credentials win; a placeholder Authorization asks for ours.
  bool wants_token = false;
  std::erase_if(plan.headers, [&](const std::string& header) {
    auto value = header_value(header, "Authorization");
    if (!value || !is_placeholder_value(*value)) return false;
    wants_token = true;
    return true;
  });
  const auto own_header = std::find_if(plan.headers.begin(), plan.headers.end(), [](const std::string& header) {
    return header_value(header, "Authorization").has_value();
  });

  // The token this request carries and where it came from, for the one check below.
  std::optional<std::string_view> token;
  SecretString url_token;  // a URL's token, decoded
  std::string token_source;
  if (own_header != plan.headers.end()) {
    plan.auth = AuthMode::kUserSupplied;
    plan.credential_origin = "the Authorization header given with -H";
    plan.explain.push_back("auth: the Authorization header given with -H, used as given");
    token = header_value(*own_header, "Authorization");
    token_source = plan.credential_origin;
    // The credential after the scheme, so that it is redacted wherever dbcurl writes it (--libcurl, -w).
    const std::size_t scheme_end = token->find(' ');
    resolver.secrets().add(trim(scheme_end == std::string_view::npos ? *token : token->substr(scheme_end)));
  } else if (!wants_token && transfer.oauth2_bearer) {
    warn(
        "--oauth2-bearer puts the token in the process list and shell history, where other local users can see it; "
        "let dbcurl find it instead (DATABRICKS_TOKEN, ~/.databrickscfg)");
    plan.auth = AuthMode::kUserSupplied;
    plan.credential_origin = "--oauth2-bearer";
    plan.explain.push_back("auth: --oauth2-bearer, used as given");
    token = transfer.oauth2_bearer->view();
    token_source = plan.credential_origin;
    resolver.secrets().add(*token);
  } else if (!wants_token && (transfer.user || !parts.userinfo.empty())) {
    const std::string_view userinfo = transfer.user ? transfer.user->view() : std::string_view(parts.userinfo);
    const std::string how = transfer.user ? "-u" : "credentials in the URL";
    // "-u token" alone is curl's prompt, where the token is typed unseen: no warning.
    if (const auto colon = userinfo.find(':'); colon != std::string_view::npos) {
      token = userinfo.substr(colon + 1);
      resolver.secrets().add(*token);
      if (!transfer.user) {
        url_token = percent_decoded(*token);
        token = url_token.view();
      }
      warn(how +
           " token:... puts the token in the process list and shell history, where other local users can "
           "see it; let dbcurl find it instead (DATABRICKS_TOKEN, ~/.databrickscfg)");
    }
    plan.auth = AuthMode::kUserSupplied;
    plan.auth_label = "pat";
    plan.credential_origin = how + " with login token";
    plan.explain.push_back("auth: " + how + " with login token, used as given");
    token_source = plan.credential_origin;
  } else if (!wants_token && netrc_entry != nullptr) {
    const std::string where = netrc_file + ":" + std::to_string(netrc_entry->line);
    plan.auth = AuthMode::kNetrc;
    plan.auth_label = "netrc";
    plan.netrc_password = netrc_entry->password ? netrc_entry->password->clone() : SecretString();
    if (!plan.netrc_password->view().empty()) resolver.secrets().add(plan.netrc_password->view());
    plan.credential_origin = where + " (login token, sent by -n)";
    plan.explain.push_back("auth: netrc " + where + " (login token), sent to " + origin + " only");
    token = plan.netrc_password->view();
    token_source = "the netrc entry at " + where;
  } else {
    if (netrc_read && !wants_token)
      plan.explain.push_back("netrc " + netrc_file + " has no entry for " + parts.host + ": using the resolved token");
    if (config.auth_type && !is_supported_auth_type(config.auth_type->value)) {
      if (config.auth_type->value == "basic") return password_refused(origin, "auth_type = basic");
      return make_error(exit_code::kUnsupportedAuth, "auth_type '" + config.auth_type->value + "' (from " +
                                                         config.auth_type->origin + ") is not supported by dbcurl yet");
    }
    const Result<Credential>& resolved = resolver.token(config, transfer.netrc_file);
    if (!resolved) return resolved.error();
    use_resolved_token(*resolved, config, plan, warn);
    token = resolved->token.view();
    token_source = resolved->origin;
  }
  // A control character would end the Authorization line and start another
  // header (CR, LF), or be sent as a byte no server expects.
  if (token && has_ascii_control(*token)) {
    return make_error(exit_code::kUnsafeInput,
                      "refusing a token that holds a control character (CR, LF, ...) from " + token_source,
                      "Such a token would add header lines to the request. Check how it was stored: a line break "
                      "copied along, a quote or escape too many.\n");
  }

  if (std::optional<Error> refused = plan_route(parts, transfer, resolver.env(), plan)) return *refused;
  return plan;
}

}  // namespace dbcurl
