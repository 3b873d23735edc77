#pragma once
// ~/.databrickscfg as the Go SDK reads it (gopkg.in/ini.v1 with
// SpaceBeforeInlineComment): whole-line '#'/';' comments, inline comments only
// after a space, quoted values unquoted, '=' or ':', trailing '\' continues,
// case-sensitive names, last duplicate key wins, keys before any section go
// to DEFAULT.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"

namespace dbcurl {

struct IniSection {
  std::string name;
  std::vector<std::pair<std::string, std::string>> entries;  // in file order, keys unique
  std::optional<std::string> get(std::string_view key) const;
};

struct IniFile {
  IniFile() = default;
  IniFile(IniFile&&) = default;
  IniFile& operator=(IniFile&&) = default;
  ~IniFile();                        // values may be tokens: wiped
  std::vector<IniSection> sections;  // in file order, names unique
  const IniSection* find(std::string_view name) const;
};

// Errors are "PATH:LINE: ..." with exit code kConfigInvalid.
Result<IniFile> parse_ini(std::string_view text, const std::string& path);

}  // namespace dbcurl
