#pragma once
// dbcurl's own config, for what ~/.databrickscfg has no place for:
// $DBCURL_CONFIG, else $XDG_CONFIG_HOME/dbcurl/config.toml, else
// ~/.config/dbcurl/config.toml.
//
//   default_profile = "prod"
//   [profiles.prod]                      # joins the ~/.databrickscfg profile of that name
//   host = "https://adb-1.2.azuredatabricks.net"
//   token_command = ["keyring", "get", "databricks", "prod"]
//   token_timeout = 10                   # seconds, default 30
//   [hosts."dbc-a1b2.cloud.databricks.com"]
//   token_command = ["secret-tool", "lookup", "service", "databricks", "username", "me"]

#include <optional>
#include <string>
#include <vector>

#include "common/command_runner.hpp"
#include "common/environment.hpp"
#include "common/files.hpp"
#include "common/result.hpp"
#include "creds/url.hpp"

namespace dbcurl {

struct DbcurlProfile {
  std::string name;
  std::optional<std::string> host;
  std::optional<HelperCommand> token_command;
};

struct DbcurlHost {
  WorkspaceHost host;
  HelperCommand token_command;
};

struct DbcurlConfig {
  std::string path;
  std::optional<std::string> default_profile;
  std::vector<DbcurlProfile> profiles;
  std::vector<DbcurlHost> hosts;

  const DbcurlProfile* profile(std::string_view name) const;
  const DbcurlHost* host(const WorkspaceHost& workspace) const;
};

std::string dbcurl_config_path(const Environment& env);

// nullopt when the file does not exist. Unknown keys, wrong types and bad TOML
// are errors "PATH:LINE:COLUMN: ..." with exit code kConfigInvalid.
Result<std::optional<DbcurlConfig>> load_dbcurl_config(const Environment& env, const FileSystem& files);
Result<std::optional<DbcurlConfig>> parse_dbcurl_config(std::string_view text, const std::string& path);

}  // namespace dbcurl
