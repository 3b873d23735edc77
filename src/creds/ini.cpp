#include "creds/ini.hpp"

#include <algorithm>

#include "common/secret.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr std::string_view kDefaultSection = "DEFAULT";

bool surrounded_by(std::string_view value, char quote) {
  return value.size() >= 2 && value.front() == quote && value.back() == quote &&
         std::count(value.begin(), value.end(), quote) == 2;
}

class IniParser {
 public:
  IniParser(std::string_view text, const std::string& path) : lines_(split_lines(text)), path_(path) {
    if (!lines_.empty() && lines_[0].starts_with("\xEF\xBB\xBF")) lines_[0].remove_prefix(3);
  }

  Result<IniFile> run() {
    for (index_ = 0; index_ < lines_.size(); ++index_) {
      const std::string_view line = trim(lines_[index_]);
      if (line.find('\0') != std::string_view::npos) return fail("NUL byte in line");
      if (line.empty() || line.front() == '#' || line.front() == ';') continue;
      if (line.front() == '[') {
        const auto close = line.find(']');
        if (close == std::string_view::npos) return fail("no ']' closes the section name (write [NAME])");
        current_ = &section(std::string(trim(line.substr(1, close - 1))));
        continue;
      }
      const auto delimiter = line.find_first_of("=:");
      if (delimiter == std::string_view::npos) return fail("no '=' after the key (write key = value)");
      const std::string key(trim(line.substr(0, delimiter)));
      if (key.empty()) return fail("no key before the '=' (write key = value)");
      Result<std::string> value = read_value(trim(line.substr(delimiter + 1)));
      if (!value) return value.error();
      set(current_ != nullptr ? *current_ : section(std::string(kDefaultSection)), key, std::move(*value));
    }
    return std::move(file_);
  }

 private:
  // A line may hold a secret (a value without its '='): messages say what is
  // wrong and where, never the line's text.
  Error fail(const std::string& message) const {
    return error_at(exit_code::kConfigInvalid, path_, index_ + 1, message);
  }

  IniSection& section(const std::string& name) {
    for (auto& existing : file_.sections) {
      if (existing.name == name) return existing;
    }
    file_.sections.push_back(IniSection{name, {}});
    current_ = nullptr;  // the vector may have moved
    return file_.sections.back();
  }

  static void set(IniSection& target, const std::string& key, std::string value) {
    for (auto& entry : target.entries) {
      if (entry.first == key) {
        entry.second = std::move(value);
        return;
      }
    }
    target.entries.emplace_back(key, std::move(value));
  }

  Result<std::string> read_value(std::string_view value) {
    if (value.empty()) return std::string{};
    if (value.starts_with("\"\"\"") && value.size() > 3) return read_triple_quoted(value.substr(3));
    if (value.back() == '\\') return read_continued(value);
    const auto hash = value.find(" #");
    const auto comment = hash != std::string_view::npos ? hash : value.find(" ;");
    if (comment != std::string_view::npos) value = trim(value.substr(0, comment));
    if (surrounded_by(value, '"') || surrounded_by(value, '\'')) value = value.substr(1, value.size() - 2);
    return std::string(value);
  }

  // A trailing backslash joins the next (trimmed) line, until a line without one.
  std::string read_continued(std::string_view first) {
    std::string value(first.substr(0, first.size() - 1));
    while (index_ + 1 < lines_.size()) {
      const std::string_view next = trim(lines_[++index_]);
      if (next.empty()) break;
      value += next;
      if (value.back() != '\\') break;
      value.pop_back();
    }
    return value;
  }

  Result<std::string> read_triple_quoted(std::string_view rest) {
    std::string value;
    for (;;) {
      const auto close = rest.find("\"\"\"");
      if (close != std::string_view::npos) return value + std::string(rest.substr(0, close));
      value += rest;
      if (index_ + 1 >= lines_.size()) return fail("unterminated \"\"\" value");
      value += '\n';
      rest = lines_[++index_];
    }
  }

  std::vector<std::string_view> lines_;
  const std::string& path_;
  IniFile file_;
  IniSection* current_ = nullptr;
  std::size_t index_ = 0;
};

}  // namespace

std::optional<std::string> IniSection::get(std::string_view key) const {
  for (const auto& entry : entries) {
    if (entry.first == key) return entry.second;
  }
  return std::nullopt;
}

IniFile::~IniFile() {
  for (auto& section : sections) {
    for (auto& entry : section.entries) wipe_string(entry.second);
  }
}

const IniSection* IniFile::find(std::string_view name) const {
  for (const auto& section : sections) {
    if (section.name == name) return &section;
  }
  return nullptr;
}

Result<IniFile> parse_ini(std::string_view text, const std::string& path) { return IniParser(text, path).run(); }

}  // namespace dbcurl
