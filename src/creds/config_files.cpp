#include "creds/config_files.hpp"

#include "common/files.hpp"
#include "common/strings.hpp"
#include "creds/attributes.hpp"

namespace dbcurl {

namespace {

// Whether any profile of the file holds a secret (token, password, client secret).
bool holds_secret(const IniFile& file) {
  for (const auto& section : file.sections) {
    for (const auto& [key, value] : section.entries) {
      const Attribute* attribute = find_attribute(key);
      if (attribute != nullptr && attribute->secret && !trim(value).empty()) return true;
    }
  }
  return false;
}

Result<std::optional<IniFile>> read_databricks_config(const std::string& path) {
  Result<std::optional<std::string>> text = read_file_if_exists(path, kMaxConfigFileBytes, exit_code::kConfigInvalid);
  if (!text) return text.error();
  if (!*text) return std::optional<IniFile>{};
  Result<IniFile> parsed = parse_ini(**text, path);
  wipe_string(**text);
  if (!parsed) return parsed.error();
  // A host-only file shared with others gives nothing away: no warning.
  if (holds_secret(*parsed)) warn_if_shared(path);
  return std::optional<IniFile>{std::move(*parsed)};
}

}  // namespace

std::string ConfigFiles::databricks_config_path() const {
  if (auto path = env_.get("DATABRICKS_CONFIG_FILE")) return expand_home(*path, env_);
  return home_directory(env_) + "/.databrickscfg";
}

const Result<std::optional<IniFile>>& ConfigFiles::databricks_config() {
  if (!databricks_config_) databricks_config_.emplace(read_databricks_config(databricks_config_path()));
  return *databricks_config_;
}

const Result<std::optional<DbcurlConfig>>& ConfigFiles::dbcurl_config() {
  if (!dbcurl_config_) dbcurl_config_.emplace(load_dbcurl_config(env_));
  return *dbcurl_config_;
}

const DbcurlConfig* ConfigFiles::dbcurl_config_or_null() {
  const auto& loaded = dbcurl_config();
  return loaded && *loaded ? &**loaded : nullptr;
}

const NetrcFile& ConfigFiles::netrc(const std::string& path) {
  auto found = netrc_.find(path);
  if (found == netrc_.end()) found = netrc_.emplace(path, load_netrc(path)).first;
  return found->second;
}

}  // namespace dbcurl
