#pragma once
// The files credential resolution reads — ~/.databrickscfg, dbcurl's
// config.toml, netrc files — each read once per run, on first use, and shared
// as plain values by resolution, the host lookups and the token sources. A
// file that holds credentials and is readable by others draws a warning.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/io.hpp"
#include "common/result.hpp"
#include "creds/dbcurl_config.hpp"
#include "creds/ini.hpp"
#include "creds/netrc.hpp"

namespace dbcurl {

using NetrcFile = Result<std::optional<SecretString>>;  // a netrc's text; nullopt: no such file

class ConfigFiles {
 public:
  // Read through io.files, found through io.env. warn: where the warnings go;
  // none, they are dropped (unit tests).
  explicit ConfigFiles(Io io, WarningSink warn = {}) : io_(io), warn_(std::move(warn)) {}
  ConfigFiles(const ConfigFiles&) = delete;
  ConfigFiles& operator=(const ConfigFiles&) = delete;

  const Environment& env() const { return io_.env; }
  // DATABRICKS_CONFIG_FILE (with ~ expanded), else ~/.databrickscfg.
  std::string databricks_config_path() const;
  const Result<std::optional<IniFile>>& databricks_config();
  const Result<std::optional<DbcurlConfig>>& dbcurl_config();
  const DbcurlConfig* dbcurl_config_or_null();  // null when missing or broken
  const NetrcFile& netrc(const std::string& path);

 private:
  void warn_if_shared(const std::string& path) const;

  Io io_;
  WarningSink warn_;
  std::optional<Result<std::optional<IniFile>>> databricks_config_;
  std::optional<Result<std::optional<DbcurlConfig>>> dbcurl_config_;
  std::map<std::string, NetrcFile> netrc_;
};

}  // namespace dbcurl
