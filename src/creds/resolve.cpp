#include "creds/resolve.hpp"

#include "common/files.hpp"
#include "common/redact.hpp"
#include "creds/ini.hpp"
#include "creds/netrc.hpp"

namespace dbcurl {

namespace {

constexpr std::size_t kMaxConfigBytes = 1 << 20;
constexpr std::string_view kSettingsSection = "__settings__";

std::string config_file_path(const Environment& env) {
  if (auto path = env.get("DATABRICKS_CONFIG_FILE")) return expand_home(*path, env);
  return home_directory(env) + "/.databrickscfg";
}

Result<std::optional<IniFile>> read_config_file(const std::string& path) {
  Result<std::optional<std::string>> text = read_file_if_exists(path, kMaxConfigBytes, exit_code::kConfigInvalid);
  if (!text) return text.error();
  if (!*text) return std::optional<IniFile>{};
  warn_if_shared(path);
  Result<IniFile> parsed = parse_ini(**text, path);
  wipe_string(**text);
  if (!parsed) return parsed.error();
  return std::optional<IniFile>{std::move(*parsed)};
}

// Fills the attributes that are still empty from one source.
class AttributeFiller {
 public:
  explicit AttributeFiller(DatabricksConfig& config) : config_(config) {}

  void fill(std::string_view key, std::optional<std::string> value, const std::string& origin) {
    if (!value) return;
    if (key == "host") fill_plain(config_.host, std::move(*value), origin);
    if (key == "username") fill_plain(config_.username, std::move(*value), origin);
    if (key == "auth_type") fill_plain(config_.auth_type, std::move(*value), origin);
    if (key == "token") fill_secret(config_.token, std::move(*value), origin);
    if (key == "password") fill_secret(config_.password, std::move(*value), origin);
  }

 private:
  void fill_plain(std::optional<Sourced>& slot, std::string value, const std::string& origin) {
    if (slot) return;
    config_.explain.push_back("  " + origin + " gives " + value);
    slot = Sourced{std::move(value), origin};
  }
  void fill_secret(std::optional<SecretSourced>& slot, std::string value, const std::string& origin) {
    if (!slot) {
      register_secret(value);
      config_.explain.push_back("  " + origin + " gives " + redacted_form(value));
      slot = SecretSourced{SecretString(value), origin};
    }
    wipe_string(value);
  }
  DatabricksConfig& config_;
};

constexpr std::string_view kKeys[] = {"host", "token", "username", "password", "auth_type"};

std::string env_name(std::string_view key) {
  std::string name = "DATABRICKS_";
  for (char c : key) name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return name;
}

void fill_from_environment(AttributeFiller& filler, const Environment& env) {
  for (std::string_view key : kKeys) {
    const std::string name = env_name(key);
    filler.fill(key, env.get(name), name);
  }
}

bool environment_sets_auth(const Environment& env) {
  for (std::string_view name : {"DATABRICKS_HOST", "DATABRICKS_TOKEN", "DATABRICKS_USERNAME", "DATABRICKS_PASSWORD",
                                "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET"}) {
    if (env.get(name)) return true;
  }
  return false;
}

}  // namespace

Result<DatabricksConfig> load_databricks_config(const Environment& env,
                                                const std::optional<std::string>& profile_flag) {
  DatabricksConfig config;
  config.config_file = config_file_path(env);
  AttributeFiller filler(config);

  std::optional<Sourced> named;
  if (profile_flag)
    named = Sourced{*profile_flag, "--profile"};
  else if (auto from_env = env.get("DATABRICKS_CONFIG_PROFILE"))
    named = Sourced{*from_env, "DATABRICKS_CONFIG_PROFILE"};

  // Without a named profile, an environment that already configures auth
  // keeps the file closed (the SDK rule).
  const bool read_file = named.has_value() || !environment_sets_auth(env);
  if (!profile_flag) {
    config.explain.push_back("environment:");
    fill_from_environment(filler, env);
  }

  if (!read_file) {
    config.explain.push_back("config file " + config.config_file +
                             ": not read (no profile named, and the environment sets a host or credential)");
  } else {
    Result<std::optional<IniFile>> file = read_config_file(config.config_file);
    if (!file) return file.error();
    Sourced chosen = named ? *named : Sourced{"DEFAULT", "default"};
    if (!named && *file) {
      if (const IniSection* settings = (*file)->find(kSettingsSection)) {
        if (auto name = settings->get("default_profile")) chosen = Sourced{*name, "[__settings__] default_profile"};
      }
    }
    const IniSection* section = *file ? (*file)->find(chosen.value) : nullptr;
    if (section == nullptr && named) {
      return make_error(exit_code::kConfigInvalid,
                        config.config_file + " has no " + chosen.value + " profile configured");
    }
    if (section == nullptr) {
      config.explain.push_back("config file " + config.config_file + ": " +
                               (*file ? "no [" + chosen.value + "] profile" : "not found"));
    } else {
      config.explain.push_back("config file " + config.config_file + ": profile [" + chosen.value + "] (" +
                               chosen.origin + ")");
      const std::string origin = config.config_file + " [" + chosen.value + "]";
      for (std::string_view key : kKeys) filler.fill(key, section->get(key), origin);
      config.profile = chosen;
    }
  }

  if (profile_flag) {
    config.explain.push_back("environment (fills what --profile left empty):");
    fill_from_environment(filler, env);
  }

  if (config.host) {
    Result<WorkspaceHost> workspace = normalize_host(config.host->value);
    if (!workspace)
      return make_error(workspace.error().exit_code, workspace.error().message + " (from " + config.host->origin + ")");
    config.workspace = *workspace;
    config.explain.push_back("workspace: " + config.workspace->origin() + " (from " + config.host->origin + ")");
  } else {
    config.explain.push_back("workspace: none configured");
  }
  return config;
}

Result<Credential> resolve_workspace_token(const DatabricksConfig& config, const Environment& env,
                                           const std::optional<std::string>& netrc_file) {
  if (config.token) return Credential{config.token->value.clone(), config.token->origin, "pat"};
  std::vector<std::string> looked_at;
  looked_at.push_back(config.profile ? config.config_file + " [" + config.profile->value + "]" : config.config_file);
  looked_at.push_back("DATABRICKS_TOKEN");

  if (config.workspace) {
    const std::string path = netrc_path(netrc_file, env);
    looked_at.push_back(path);
    Result<std::optional<std::string>> text = read_file_if_exists(path, kMaxConfigBytes, exit_code::kConfigInvalid);
    if (!text) return text.error();
    if (*text) {
      warn_if_shared(path);
      Result<std::vector<NetrcEntry>> entries = parse_netrc(**text, path);
      wipe_string(**text);
      if (!entries) return entries.error();
      const NetrcEntry* entry = find_netrc_entry(*entries, config.workspace->host);
      if (entry != nullptr && entry->login == "token" && entry->password && !entry->password->empty()) {
        register_secret(entry->password->view());
        return Credential{entry->password->clone(), path + ":" + std::to_string(entry->line) + " (login token)", "pat"};
      }
    }
  }

  const std::string where = config.workspace ? config.workspace->origin() : std::string("the workspace");
  std::string message = "no Databricks token found for " + where + "; looked at: ";
  for (std::size_t i = 0; i < looked_at.size(); ++i) message += (i ? ", " : "") + looked_at[i];
  return make_error(exit_code::kNoCredentials, message,
                    "Fix it one of these ways:\n"
                    "  export DATABRICKS_HOST=https://<workspace> DATABRICKS_TOKEN=<personal-access-token>\n"
                    "  add 'host = ...' and 'token = ...' to a profile of ~/.databrickscfg (databricks configure)\n"
                    "  add 'machine <workspace-host> login token password <personal-access-token>' to ~/.netrc\n");
}

Result<std::vector<std::string>> list_profile_names(const Environment& env) {
  Result<std::optional<IniFile>> file = read_config_file(config_file_path(env));
  if (!file) return file.error();
  std::vector<std::string> names;
  if (*file) {
    for (const auto& section : (*file)->sections) {
      if (section.name != kSettingsSection) names.push_back(section.name);
    }
  }
  return names;
}

}  // namespace dbcurl
