// Token source 3: a netrc `machine <workspace-host> login token password
// <PAT>` entry (--netrc-file, else $NETRC, else ~/.netrc).

#include "common/redact.hpp"
#include "creds/netrc.hpp"
#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

class NetrcToken final : public TokenSource {
 public:
  std::string_view auth_type() const override { return "pat"; }
  std::optional<std::string> looks_at(const TokenRequest& request) const override {
    const DatabricksConfig& config = request.config;
    if (!config.workspace || !auth_type_allows(config, "pat")) return std::nullopt;
    return "a 'login token' entry for " + config.workspace->host + " in " +
           netrc_path(request.netrc_file, request.context.io.env);
  }
  Result<TokenAttempt> resolve(const TokenRequest& request) const override {
    const std::string path = netrc_path(request.netrc_file, request.context.io.env);
    std::optional<NetrcFile> own;
    const NetrcFile& text = request.context.files != nullptr ? request.context.files->netrc(path)
                                                             : own.emplace(load_netrc(request.context.io.files, path));
    if (!text) return text.error();
    if (!*text) return TokenAttempt{};
    Result<std::optional<NetrcMatch>> match =
        netrc_lookup((*text)->view(), request.config.workspace->host, std::nullopt, path);
    if (!match) return match.error();
    const std::optional<NetrcMatch>& entry = *match;
    if (!entry || entry->by_default || entry->login != "token" || !entry->password || entry->password->empty()) {
      return TokenAttempt{};
    }
    request.context.io.secrets.add(entry->password->view());
    return TokenAttempt{
        Credential{entry->password->clone(), path + ":" + std::to_string(entry->line) + " (login token)", "pat", {}}};
  }
  // The default netrc's (not --netrc-file's, which is curl's option for the request).
  bool names_host(const HostQuery& query, DatabricksConfig& config) const override {
    const std::string path = netrc_path(std::nullopt, query.files.env());
    const NetrcFile& text = query.files.netrc(path);
    if (!text || !*text) return false;  // a broken netrc never makes a plain request a workspace one
    const std::optional<NetrcMatch> entry = netrc_machine_match((*text)->view(), query.url.host, path);
    if (!entry || entry->login != "token") return false;
    config.explain.push_back("a netrc 'login token' entry names " + query.url.host);
    return true;
  }
};

}  // namespace

const TokenSource& netrc_token_source() {
  static const NetrcToken source;
  return source;
}

}  // namespace dbcurl
