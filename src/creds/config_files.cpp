#include "creds/config_files.hpp"

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

Result<std::optional<IniFile>> read_databricks_config(const FileSystem& files, const std::string& path) {
  Result<std::optional<std::string>> text =
      files.read_file_if_exists(path, kMaxConfigFileBytes, exit_code::kConfigInvalid);
  if (!text) return text.error();
  if (!*text) return std::optional<IniFile>{};
  Result<IniFile> parsed = parse_ini(**text, path);
  wipe_string(**text);
  if (!parsed) return parsed.error();
  return std::optional<IniFile>{std::move(*parsed)};
}

}  // namespace

void ConfigFiles::warn_if_shared(const std::string& path) const {
  if (warn_ && io_.files.shared_with_others(path)) {
    warn_(path + " holds credentials and is readable by others; run: chmod 600 " + path);
  }
}

std::string ConfigFiles::databricks_config_path() const {
  if (auto path = io_.env.get("DATABRICKS_CONFIG_FILE")) return expand_home(*path, io_.env);
  return home_directory(io_.env) + "/.databrickscfg";
}

const Result<std::optional<IniFile>>& ConfigFiles::databricks_config() {
  if (!databricks_config_) {
    const std::string path = databricks_config_path();
    const auto& read = databricks_config_.emplace(read_databricks_config(io_.files, path));
    // A host-only file shared with others gives nothing away: no warning.
    if (read && *read && holds_secret(**read)) warn_if_shared(path);
  }
  return *databricks_config_;
}

const Result<std::optional<DbcurlConfig>>& ConfigFiles::dbcurl_config() {
  if (!dbcurl_config_) {
    const auto& read = dbcurl_config_.emplace(load_dbcurl_config(io_.env, io_.files));
    if (!read || *read) warn_if_shared(dbcurl_config_path(io_.env));  // also when it does not parse
  }
  return *dbcurl_config_;
}

const DbcurlConfig* ConfigFiles::dbcurl_config_or_null() {
  const auto& loaded = dbcurl_config();
  return loaded && *loaded ? &**loaded : nullptr;
}

const NetrcFile& ConfigFiles::netrc(const std::string& path) {
  auto found = netrc_.find(path);
  if (found == netrc_.end()) {
    found = netrc_.emplace(path, load_netrc(io_.files, path)).first;
    if (!found->second || *found->second) warn_if_shared(path);  // also when it does not parse
  }
  return found->second;
}

}  // namespace dbcurl
