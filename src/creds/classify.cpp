#include "creds/classify.hpp"

#include <algorithm>

#include "common/files.hpp"
#include "common/redact.hpp"
#include "common/strings.hpp"
#include "creds/netrc.hpp"
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
                    "refusing to send a password (" + how + ") to the Databricks workspace " + origin, kPasswordWhy);
}

// Whether libcurl would send a request to host through a proxy: -x (or
// --socks*), else http_proxy/all_proxy, unless --noproxy or no_proxy names it.
bool proxied(std::string_view host, const TransferConfig& transfer, const Environment& env) {
  const std::optional<std::string> proxy = transfer.proxy                      ? transfer.proxy
                                           : env.get("http_proxy").has_value() ? env.get("http_proxy")
                                           : env.get("all_proxy").has_value()  ? env.get("all_proxy")
                                                                               : env.get("ALL_PROXY");
  if (transfer.preproxy) return true;  // a SOCKS pre-proxy sees the request too
  if (!proxy) return false;
  const std::optional<std::string> exempt = transfer.noproxy                  ? transfer.noproxy
                                            : env.get("no_proxy").has_value() ? env.get("no_proxy")
                                                                              : env.get("NO_PROXY");
  if (!exempt) return true;
  for (std::string_view entry : split(*exempt, ',')) {
    entry = trim(entry);
    if (entry.starts_with(".")) entry.remove_prefix(1);
    if (entry.empty()) continue;
    if (entry == "*" || iequals(entry, host) ||
        (host.size() > entry.size() && iequals(host.substr(host.size() - entry.size()), entry) &&
         host[host.size() - entry.size() - 1] == '.')) {
      return false;
    }
  }
  return true;
}

struct Target {
  std::string url;
  UrlParts parts;
  const DatabricksConfig* config = nullptr;  // null: a plain request
};

Result<Target> locate(const std::string& given, CredentialResolver& resolver, std::vector<std::string>& explain,
                      const WarningSink& warn) {
  std::string url = given;
  if (auto repaired = repair_msys_path(url)) {
    warn("repaired " + url + " to " + *repaired + " (Git Bash rewrote the path; MSYS_NO_PATHCONV=1 avoids it)");
    url = *repaired;
  }
  if (auto repaired = repair_doubled_scheme(url)) {
    warn("repaired a doubled scheme in " + url + " (the host already had https://)");
    url = *repaired;
  }
  UrlParts parts = split_url(url);
  const bool path_only = url.starts_with("/");
  const bool placeholder = is_placeholder_host(parts.host);
  const Result<DatabricksConfig>& config = resolver.config();

  if (path_only || placeholder) {
    if (!config) return config.error();
    if (!config->workspace) {
      return make_error(exit_code::kNoCredentials, "no Databricks workspace configured for " + given,
                        "Set DATABRICKS_HOST, pass --profile NAME, or add 'host = ...' to ~/.databrickscfg.\n");
    }
    const WorkspaceHost& workspace = *config->workspace;
    url = workspace.scheme + "://" + (parts.userinfo.empty() ? "" : parts.userinfo + "@") + workspace.host +
          (workspace.port.empty() ? "" : ":" + workspace.port) + parts.rest;
    explain.push_back(std::string(path_only ? "path-only URL" : "placeholder host " + parts.host) +
                      ": the resolved workspace " + workspace.origin() + " is put in front");
    return Target{url, split_url(url), &*config};
  }
  if (config && config->workspace && url_matches_workspace(parts, *config->workspace)) {
    explain.push_back("host " + parts.host + " is the resolved workspace");
    return Target{url, parts, &*config};
  }
  Result<const DatabricksConfig*> picked = resolver.config_for_host(parts);
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

bool url_matches_workspace(const UrlParts& url, const WorkspaceHost& workspace) {
  if (!iequals(url.host, workspace.host)) return false;
  if (url.port.empty()) return true;
  const std::string workspace_port =
      workspace.port.empty() ? (workspace.scheme == "http" ? "80" : "443") : workspace.port;
  return url.port == workspace_port;
}

const Result<std::optional<DbcurlConfig>>& CredentialResolver::dbcurl_config() {
  if (!dbcurl_) dbcurl_.emplace(load_dbcurl_config(env_));
  return *dbcurl_;
}

const DbcurlConfig* CredentialResolver::dbcurl_or_null() {
  const auto& loaded = dbcurl_config();
  return loaded && *loaded ? &**loaded : nullptr;
}

const Result<DatabricksConfig>& CredentialResolver::config() {
  if (!config_) {
    const auto& dbcurl = dbcurl_config();
    if (!dbcurl)
      config_.emplace(dbcurl.error());
    else
      config_.emplace(load_databricks_config(env_, ConfigRequest{profile_flag_, true}, dbcurl_or_null()));
  }
  return *config_;
}

Result<const DatabricksConfig*> CredentialResolver::config_for_host(const UrlParts& url) {
  const DatabricksConfig* none = nullptr;
  if (url.host.empty()) return none;
  const std::string key = to_lower(url.host) + ":" + url.port;
  auto found = host_configs_.find(key);
  if (found == host_configs_.end()) found = host_configs_.emplace(key, load_for_host(url)).first;
  if (found->second) return &*found->second;
  // kOk marks "nothing names this host": a plain request.
  if (found->second.error().exit_code == exit_code::kOk) return none;
  return found->second.error();
}

Result<DatabricksConfig> CredentialResolver::load_for_host(const UrlParts& url) {
  const Error nothing = make_error(exit_code::kOk, "");
  // Broken config files are reported when a workspace request needs them, never for a plain request.
  if (!dbcurl_config()) return nothing;
  const DbcurlConfig* own = dbcurl_or_null();
  const auto matches = [&url](const WorkspaceHost& candidate) { return url_matches_workspace(url, candidate); };

  Result<std::vector<std::string>> names = profiles_naming_host(env_, own, matches);
  if (!names) return nothing;
  if (names->size() > 1) {
    const Result<DatabricksConfig>& resolved = config();
    const bool resolved_is_one = resolved && resolved->profile &&
                                 std::find(names->begin(), names->end(), resolved->profile->value) != names->end();
    if (!resolved_is_one) {
      return make_error(exit_code::kAmbiguousHost,
                        "host " + url.host + " is named by several profiles: " + join(*names, ", "),
                        "Pick one with --profile NAME.\n");
    }
    names = std::vector<std::string>{resolved->profile->value};
  }
  if (names->size() == 1) return load_databricks_config(env_, ConfigRequest{names->front(), false}, own);

  DatabricksConfig bare;
  bare.workspace = WorkspaceHost{effective_scheme(url), to_lower(url.host), url.port, std::nullopt};
  if (own != nullptr) {
    for (const auto& entry : own->hosts) {
      if (!matches(entry.host)) continue;
      bare.token_command = entry.token_command;
      bare.explain.push_back(own->path + ": [hosts.\"" + entry.host.host + "\"]");
      return bare;
    }
  }
  if (netrc_names_token_host(env_, url.host)) {
    bare.explain.push_back("a netrc 'login token' entry names " + url.host);
    return bare;
  }
  return nothing;
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
  Result<Target> target = locate(url, resolver, plan.explain, warn);
  if (!target) return target.error();
  plan.url = target->url;
  plan.workspace = target->config != nullptr;
  plan.headers = transfer.headers;
  if (!plan.workspace) return plan;

  // A line break in a header would smuggle extra header lines next to the token.
  for (const auto& header : plan.headers) {
    if (header.find_first_of("\r\n") != std::string::npos) {
      return make_error(exit_code::kUnsafeInput, "refusing a header with a line break on a workspace request: " +
                                                     header.substr(0, header.find_first_of("\r\n")) + "...");
    }
  }
  const UrlParts& parts = target->parts;
  const std::string origin =
      effective_scheme(parts) + "://" + parts.host + (parts.port.empty() ? "" : ":" + parts.port);

  // The user's own credentials win; a placeholder Authorization asks for ours.
  bool wants_token = false;
  std::erase_if(plan.headers, [&](const std::string& header) {
    auto value = header_value(header, "Authorization");
    if (!value || !is_placeholder_value(*value)) return false;
    wants_token = true;
    return true;
  });
  const bool own_header = std::any_of(plan.headers.begin(), plan.headers.end(), [](const std::string& header) {
    return header_value(header, "Authorization").has_value();
  });

  if (own_header) {
    plan.auth = AuthMode::kUserSupplied;
    plan.credential_origin = "the Authorization header given with -H";
    plan.explain.push_back("auth: the Authorization header given with -H, used as given");
  } else if (!wants_token && transfer.oauth2_bearer) {
    warn(
        "--oauth2-bearer puts the token in the process list and shell history, where other local users can see it; "
        "let dbcurl find it instead (DATABRICKS_TOKEN, ~/.databrickscfg)");
    plan.auth = AuthMode::kUserSupplied;
    plan.credential_origin = "--oauth2-bearer";
    plan.explain.push_back("auth: --oauth2-bearer, used as given");
  } else if (!wants_token && (transfer.user || !parts.userinfo.empty())) {
    const std::string_view userinfo = transfer.user ? transfer.user->view() : std::string_view(parts.userinfo);
    const std::string how = transfer.user ? "-u" : "credentials in the URL";
    if (login_of(userinfo) != "token") return password_refused(origin, how);
    // "-u token" alone is curl's prompt, where the token is typed unseen: no warning.
    if (const auto colon = userinfo.find(':'); colon != std::string_view::npos) {
      register_secret(userinfo.substr(colon + 1));
      warn(how +
           " token:... puts the token in the process list and shell history, where other local users can "
           "see it; let dbcurl find it instead (DATABRICKS_TOKEN, ~/.databrickscfg)");
    }
    plan.auth = AuthMode::kUserSupplied;
    plan.auth_label = "pat";
    plan.credential_origin = how + " with login token";
    plan.explain.push_back("auth: " + how + " with login token, used as given");
  }

  if (plan.auth == AuthMode::kNone && !wants_token &&
      (transfer.netrc || transfer.netrc_optional || transfer.netrc_file)) {
    const std::string path = netrc_path(transfer.netrc_file, resolver.env());
    Result<std::optional<std::vector<NetrcEntry>>> entries = load_netrc(path);
    if (!entries) return entries.error();
    if (*entries) {
      if (const NetrcEntry* entry = find_netrc_entry(**entries, parts.host)) {
        if (entry->login.value_or("") != "token")
          return password_refused(origin, "a netrc entry with a login other than 'token'");
        if (entry->password) register_secret(entry->password->view());
        plan.auth = AuthMode::kNetrc;
        plan.auth_label = "netrc";
        plan.credential_origin = path + ":" + std::to_string(entry->line) + " (login token, sent by -n)";
        plan.explain.push_back("auth: netrc " + path + ":" + std::to_string(entry->line) +
                               " (login token), sent by libcurl");
      } else {
        plan.explain.push_back("netrc " + path + " has no entry for " + parts.host + ": using the resolved token");
      }
    }
  }

  if (plan.auth == AuthMode::kNone) {
    const DatabricksConfig& config = *target->config;
    if (config.password || config.username) {
      const std::string from = config.password ? config.password->origin : config.username->origin;
      return password_refused(origin, "username/password from " + from);
    }
    if (config.auth_type && config.auth_type->value != "pat" && config.auth_type->value != "databricks-cli") {
      if (config.auth_type->value == "basic") return password_refused(origin, "auth_type = basic");
      return make_error(exit_code::kUnsupportedAuth, "auth_type '" + config.auth_type->value + "' (from " +
                                                         config.auth_type->origin + ") is not supported by dbcurl yet");
    }
    const Result<Credential>& token = resolver.token(config, transfer.netrc_file);
    if (!token) return token.error();
    plan.auth = AuthMode::kBearer;
    plan.auth_label = token->auth_label;
    plan.bearer = token->token.clone();
    plan.credential_origin = token->origin + " (" + redacted_form(token->token.view()) + ")";
    for (const auto& line : token->explain) plan.explain.push_back(line);
    plan.explain.push_back("auth: bearer token " + redacted_form(token->token.view()) + " from " + token->origin);
    if (config.workspace && config.workspace->is_account_host()) {
      warn("a personal access token is workspace-scoped; " + config.workspace->origin() +
           " is an account host, where it will be rejected");
    }
  }

  if (effective_scheme(parts) == "http" && proxied(parts.host, transfer, resolver.env())) {
    return make_error(exit_code::kPlainHttpRefused,
                      "refusing to send a Databricks token over plain http:// through a proxy to " + parts.host,
                      "A proxy would read the token: use https://, or exclude the host with --noproxy.\n");
  }
  if (effective_scheme(parts) == "http" && !is_loopback_host(parts.host)) {
    return make_error(exit_code::kPlainHttpRefused,
                      "refusing to send a Databricks token over plain http:// to " + parts.host,
                      "Use https:// (Databricks workspaces only serve HTTPS).\n");
  }
  return plan;
}

}  // namespace dbcurl
