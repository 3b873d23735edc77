#include "creds/resolve.hpp"

#include <unistd.h>

#include <algorithm>
#include <map>

#include "common/files.hpp"
#include "common/redact.hpp"
#include "common/strings.hpp"
#include "creds/attributes.hpp"
#include "creds/ini.hpp"
#include "creds/netrc.hpp"
#include "creds/sources/token_source.hpp"

namespace dbcurl {

namespace {

constexpr std::string_view kSettingsSection = "__settings__";

Error reserved_profile(const std::string& path, const Sourced& chosen) {
  return make_error(exit_code::kConfigInvalid,
                    path + ": " + std::string(kSettingsSection) +
                        " is a reserved section name and cannot be used as a profile (from " + chosen.origin + ")");
}

// Fills the attributes that are still empty from one source.
class AttributeFiller {
 public:
  // secrets: the run's registry, where each secret value read is added.
  AttributeFiller(DatabricksConfig& config, SecretRegistry& secrets) : config_(config), secrets_(secrets) {}

  // origin: where the value comes from, kept with it for messages; a variable or a key already named.
  void fill(const Attribute& attribute, std::optional<std::string> value, const std::string& origin) {
    fill_shown_as(attribute, std::move(value), origin, origin);
  }
  // A profile's value: --explain names the key too ("~/.databrickscfg [p] client_secret gives ...").
  void fill_from_profile(const Attribute& attribute, std::optional<std::string> value, const std::string& origin) {
    fill_shown_as(attribute, std::move(value), origin, origin + " " + std::string(attribute.key));
  }

  // "azure (azure_tenant_id from ARM_TENANT_ID) and pat (token from ...)" when
  // more than one authentication method is configured (basic aside: passwords
  // are refused on their own), sorted as the Go SDK names them.
  std::optional<std::string> conflicting_methods() const {
    std::vector<std::string> described;
    for (const auto& [method, first] : methods_) {
      if (method != "basic") described.push_back(std::string(method) + " (" + first + ")");
    }
    if (described.size() < 2) return std::nullopt;
    return join(described, " and ");
  }

 private:
  // shown: how --explain names where the value comes from.
  void fill_shown_as(const Attribute& attribute, std::optional<std::string> value, const std::string& origin,
                     const std::string& shown) {
    if (!value || value->empty()) return;  // an empty value is unset, as an empty variable
    const bool filled = attribute.secret ? fill_secret(config_.*attribute.secret, std::move(*value), origin, shown)
                                         : fill_plain(config_.*attribute.plain, std::move(*value), origin, shown);
    if (filled && !attribute.auth.empty()) note_method(attribute, origin);
  }
  bool fill_plain(std::optional<Sourced>& slot, std::string value, const std::string& origin,
                  const std::string& shown) {
    if (slot) return false;
    config_.explain.push_back("  " + shown + " gives " + value);
    slot = Sourced{std::move(value), origin};
    return true;
  }
  bool fill_secret(std::optional<SecretSourced>& slot, std::string value, const std::string& origin,
                   const std::string& shown) {
    const bool empty = !slot;
    if (empty) {
      secrets_.add(value);
      config_.explain.push_back("  " + shown + " gives " + redacted_form(value));
      slot = SecretSourced{SecretString(value), origin};
    }
    wipe_string(value);
    return empty;
  }
  void note_method(const Attribute& attribute, const std::string& origin) {
    methods_.try_emplace(attribute.auth, std::string(attribute.key) + " from " + origin);
  }
  DatabricksConfig& config_;
  SecretRegistry& secrets_;
  std::map<std::string_view, std::string> methods_;  // method -> its first attribute and where from
};

// explicit_profile: --profile named the profile, so the attributes the CLI
// takes from the profile alone are not read here.
void fill_from_environment(AttributeFiller& filler, DatabricksConfig& config, const Environment& env,
                           bool explicit_profile) {
  const std::size_t lines_before = config.explain.size();
  for (const Attribute& attribute : databricks_attributes()) {
    std::optional<std::string> value = env.get(attribute.env);
    if (value && explicit_profile && attribute.profile_only) {
      config.explain.push_back("  " + std::string(attribute.env) + " ignored: --profile names the profile");
      continue;
    }
    filler.fill(attribute, std::move(value), std::string(attribute.env));
  }
  if (config.explain.size() == lines_before) config.explain.push_back("  nothing from DATABRICKS_* variables");
}

bool environment_sets_auth(const Environment& env) {
  for (const Attribute& attribute : databricks_attributes()) {
    if ((!attribute.auth.empty() || attribute.key == "host") && env.get(attribute.env)) return true;
  }
  return false;
}

// Which profile to read when none is named. An empty default_profile is unset.
Sourced implicit_profile(const std::optional<IniFile>& file, const DbcurlConfig* dbcurl) {
  if (dbcurl != nullptr && dbcurl->default_profile && !trim(*dbcurl->default_profile).empty()) {
    return Sourced{std::string(trim(*dbcurl->default_profile)), dbcurl->path + " default_profile"};
  }
  if (file) {
    if (const IniSection* settings = file->find(kSettingsSection)) {
      if (auto name = settings->get("default_profile"); name && !trim(*name).empty()) {
        return Sourced{std::string(trim(*name)), "[__settings__] default_profile"};
      }
    }
  }
  return Sourced{"DEFAULT", "default"};
}

}  // namespace

Result<DatabricksConfig> load_databricks_config(Io io, const ConfigRequest& request, const DbcurlConfig* dbcurl) {
  const Environment& env = io.env;
  std::optional<ConfigFiles> own_files;
  ConfigFiles& files = request.files != nullptr ? *request.files : own_files.emplace(io);
  DatabricksConfig config;
  config.config_file = files.databricks_config_path();
  AttributeFiller filler(config, io.secrets);

  std::optional<Sourced> named;
  if (request.profile)
    named = Sourced{*request.profile, request.use_environment ? "--profile" : "the request's host"};
  else if (auto from_env = env.get("DATABRICKS_CONFIG_PROFILE"))
    named = Sourced{*from_env, "DATABRICKS_CONFIG_PROFILE"};

  if (named && named->value == kSettingsSection) return reserved_profile(config.config_file, *named);

  // Without a named profile, an environment that already configures auth
  // keeps the file closed (the SDK rule).
  const bool read_file = named.has_value() || !environment_sets_auth(env);
  const bool env_first = request.use_environment && !request.profile;
  if (env_first) {
    config.explain.push_back("environment:");
    fill_from_environment(filler, config, env, false);
  }

  if (!read_file) {
    config.explain.push_back("config file " + config.config_file +
                             ": not read (no profile named, and the environment sets a host or credential)");
  } else {
    const Result<std::optional<IniFile>>& file = files.databricks_config();
    if (!file) return file.error();
    const Sourced chosen = named ? *named : implicit_profile(*file, dbcurl);
    if (chosen.value == kSettingsSection) return reserved_profile(config.config_file, chosen);
    const IniSection* section = *file ? (*file)->find(chosen.value) : nullptr;
    // A section without keys is no profile (the SDKs' rule), an empty [DEFAULT] included.
    if (section != nullptr && section->entries.empty()) section = nullptr;
    const DbcurlProfile* own = dbcurl != nullptr ? dbcurl->profile(chosen.value) : nullptr;
    const bool fallback = !named && chosen.origin == "default";
    // A missing file is skipped even for a named profile: the environment may still resolve.
    if (section == nullptr && own == nullptr && *file && !fallback) {
      return make_error(exit_code::kConfigInvalid,
                        config.config_file + " has no " + chosen.value + " profile configured");
    }
    if (section == nullptr && own == nullptr) {
      config.explain.push_back("config file " + config.config_file + ": " +
                               (*file ? "no [" + chosen.value + "] profile" : "not found"));
    } else {
      config.profile = chosen;
      if (section != nullptr) {
        config.explain.push_back("config file " + config.config_file + ": profile [" + chosen.value + "] (" +
                                 chosen.origin + ")");
        const std::string origin = config.config_file + " [" + chosen.value + "]";
        for (const Attribute& attribute : databricks_attributes()) {
          filler.fill_from_profile(attribute, section->get(attribute.key), origin);
        }
      }
      if (own != nullptr) {
        config.explain.push_back(dbcurl->path + ": [profiles." + chosen.value + "]");
        filler.fill_from_profile(*find_attribute("host"), own->host, dbcurl->path + " [profiles." + chosen.value + "]");
        if (own->token_command) config.token_command = own->token_command;
      }
    }
  }

  if (request.use_environment && !env_first) {
    config.explain.push_back("environment (fills what the profile left empty):");
    fill_from_environment(filler, config, env, true);
  }

  // Two authentication methods (a token and OAuth client credentials, a token
  // and Azure attributes, ...) and no auth_type to pick one: the SDKs refuse
  // to guess, and so does dbcurl.
  if (std::optional<std::string> methods = filler.conflicting_methods(); methods && !config.auth_type) {
    return make_error(exit_code::kConfigInvalid,
                      "more than one authorization method configured: " + *methods + "; set auth_type to pick one");
  }

  if (config.host) {
    Result<WorkspaceHost> workspace = normalize_host(config.host->value);
    if (!workspace) {
      return make_error(workspace.error().exit_code, workspace.error().message + " (from " + config.host->origin + ")");
    }
    config.workspace = *workspace;
    // Ids pasted with the host fill what no source set (the Go SDK's fixHostIfNeeded).
    for (const auto& [key, id] :
         {std::pair{"workspace_id", workspace->workspace_id}, std::pair{"account_id", workspace->account_id}}) {
      filler.fill(*find_attribute(key), id, config.host->origin + " (" + key + " in the host's query)");
    }
    config.explain.push_back("workspace: " + config.workspace->origin() + " (from " + config.host->origin + ")");
    if (!config.token_command && dbcurl != nullptr) {
      if (const DbcurlHost* entry = dbcurl->host(*config.workspace)) config.token_command = entry->token_command;
    }
  } else {
    config.explain.push_back("workspace: none configured");
    config.explain.push_back(
        "first step: export DATABRICKS_HOST=https://<workspace-host> DATABRICKS_TOKEN=<personal-access-token>");
    config.explain.push_back(
        "  or put host and token in a ~/.databrickscfg profile ('databricks configure' writes one);");
    config.explain.push_back("  see RESOLUTION ORDER in 'man dbcurl'");
  }
  return config;
}

Result<Credential> resolve_workspace_token(const DatabricksConfig& config, const ResolveContext& context,
                                           const std::optional<std::string>& netrc_file) {
  // Each source tried, in order, and what it gave: --explain and the error both list them.
  struct Attempt {
    std::string source;
    std::string outcome;
  };
  std::vector<Attempt> attempts;
  const TokenRequest request{config, context, netrc_file};
  for (const TokenSource* source : token_sources()) {
    std::optional<std::string> looks_at = source->looks_at(request);
    if (!looks_at) continue;
    Result<TokenAttempt> attempt = source->resolve(request);
    // --explain (creds/explain_probes.hpp): the first source that would run a
    // helper or ask a server is where the token would come from.
    if (!attempt && attempt.error().kind == ErrorKind::kNotRun) {
      attempts.push_back({*looks_at, attempt.error().message + " (not under --explain)"});
      attempt = TokenAttempt{Credential{SecretString(), *looks_at, std::string(source->auth_type()), {}, false}};
    }
    if (!attempt) return attempt.error();
    if (!attempt->credential) {
      attempts.push_back({std::move(*looks_at), std::move(attempt->outcome)});
      continue;
    }
    if (attempt->credential->obtained) attempts.push_back({std::move(*looks_at), "found"});
    Credential credential = std::move(*attempt->credential);
    for (std::size_t i = 0; i < attempts.size(); ++i) {
      credential.explain.push_back("token source " + std::to_string(i + 1) + ", " + attempts[i].source + ": " +
                                   attempts[i].outcome);
    }
    return credential;
  }

  const std::string where = config.workspace ? config.workspace->origin() : std::string("the workspace");
  std::string message = "no Databricks token found for " + where + "; looked at ";
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    message += (i ? "; " : "") + attempts[i].source + " (" + attempts[i].outcome + ")";
  }
  return make_error(exit_code::kNoCredentials, message,
                    "Fix it one of these ways:\n"
                    "  export DATABRICKS_HOST=https://<workspace> DATABRICKS_TOKEN=<personal-access-token>\n"
                    "  add 'host = ...' and 'token = ...' to a profile of ~/.databrickscfg (databricks configure)\n"
                    "  add 'machine <workspace-host> login token password <personal-access-token>' to ~/.netrc,\n"
                    "  or a token_command to ~/.config/dbcurl/config.toml (see FILES in 'man dbcurl')\n");
}

std::vector<std::string> profiles_naming_host(ConfigFiles& files, const DbcurlConfig* dbcurl,
                                              const std::function<bool(const WorkspaceHost&)>& matches) {
  const Result<std::optional<IniFile>>& file = files.databricks_config();
  std::vector<std::string> names;
  const auto add_if_named = [&](const std::string& name, const std::optional<std::string>& configured) {
    if (!configured || name == kSettingsSection) return;
    Result<WorkspaceHost> normalized = normalize_host(*configured);
    if (normalized && matches(*normalized) && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  };
  if (file && *file) {
    for (const auto& section : (*file)->sections) add_if_named(section.name, section.get("host"));
  }
  if (dbcurl != nullptr) {
    for (const auto& profile : dbcurl->profiles) add_if_named(profile.name, profile.host);
  }
  return names;
}

Result<std::vector<std::string>> account_profile_names(ConfigFiles& files,
                                                       const std::optional<std::string>& account_id) {
  const Result<std::optional<IniFile>>& file = files.databricks_config();
  if (!file) return file.error();
  std::vector<std::string> names;
  if (!*file) return names;
  for (const auto& section : (*file)->sections) {
    const std::optional<std::string> host = section.get("host");
    const std::optional<std::string> id = section.get("account_id");
    if (section.name == kSettingsSection || !host || !id || trim(*id).empty()) continue;
    Result<WorkspaceHost> normalized = normalize_host(*host);
    if (normalized && normalized->is_account_host() && (!account_id || trim(*id) == *account_id)) {
      names.push_back(section.name);
    }
  }
  return names;
}

Result<std::vector<std::string>> list_profile_names(ConfigFiles& files, const DbcurlConfig* dbcurl) {
  const Result<std::optional<IniFile>>& file = files.databricks_config();
  if (!file) return file.error();
  std::vector<std::string> names;
  if (*file) {
    for (const auto& section : (*file)->sections) {
      if (section.name != kSettingsSection) names.push_back(section.name);
    }
  }
  if (dbcurl != nullptr) {
    for (const auto& profile : dbcurl->profiles) {
      if (std::find(names.begin(), names.end(), profile.name) == names.end()) names.push_back(profile.name);
    }
  }
  return names;
}

}  // namespace dbcurl
