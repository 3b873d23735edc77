#include "common/redact.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include "common/secret.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

// Shorter secrets would turn ordinary words of the output into noise.
constexpr std::size_t kMinRegisteredSecret = 8;
constexpr std::size_t kPatHexDigits = 32;

std::vector<std::unique_ptr<SecretString>>& registered_secrets() {
  static std::vector<std::unique_ptr<SecretString>> secrets;
  return secrets;
}

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of a PAT starting at text[pos], or 0.
std::size_t pat_length_at(std::string_view text, std::size_t pos) {
  if (text.compare(pos, 4, "dapi") != 0) return 0;
  std::size_t end = pos + 4;
  for (std::size_t i = 0; i < kPatHexDigits; ++i, ++end) {
    if (end >= text.size() || !is_lower_hex(text[end])) return 0;
  }
  if (end + 1 < text.size() && text[end] == '-' && is_digit(text[end + 1])) {
    end += 1;
    while (end < text.size() && is_digit(text[end])) ++end;
  }
  return end - pos;
}

std::string replace_pats(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = text[pos] == 'd' ? pat_length_at(text, pos) : 0;
    if (length != 0) {
      out += redacted_form(text.substr(pos, length));
      pos += length;
    } else {
      out += text[pos++];
    }
  }
  return out;
}

std::string replace_registered(std::string_view text) {
  std::string out(text);
  for (const auto& secret : registered_secrets()) {
    const std::string_view value = secret->view();
    const std::string replacement = redacted_form(value);
    for (std::size_t pos = out.find(value); pos != std::string::npos; pos = out.find(value, pos + replacement.size())) {
      out.replace(pos, value.size(), replacement);
    }
  }
  return out;
}

// Replaces the credential of each Authorization-type header line.
std::string replace_auth_headers(std::string_view data) {
  std::string out;
  out.reserve(data.size());
  std::size_t line_start = 0;
  while (line_start < data.size()) {
    std::size_t line_end = data.find('\n', line_start);
    line_end = line_end == std::string_view::npos ? data.size() : line_end + 1;
    std::string_view line = data.substr(line_start, line_end - line_start);
    const std::string_view name = line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
    const bool is_auth = istarts_with(name, "authorization:") || istarts_with(name, "proxy-authorization:");
    if (!is_auth) {
      out += line;
    } else {
      std::size_t value_start = line.find(':') + 1;
      while (value_start < line.size() && line[value_start] == ' ') ++value_start;
      std::size_t value_end = line.size();
      while (value_end > value_start && (line[value_end - 1] == '\n' || line[value_end - 1] == '\r')) --value_end;
      std::string_view value = line.substr(value_start, value_end - value_start);
      const std::size_t space = value.find(' ');
      std::string_view scheme = space == std::string_view::npos ? std::string_view{} : value.substr(0, space + 1);
      std::string_view credential = value.substr(scheme.size());
      out += line.substr(0, value_start);
      out += scheme;
      if (!credential.empty()) out += redacted_form(credential);
      out += line.substr(value_end);
    }
    line_start = line_end;
  }
  return out;
}

}  // namespace

void register_secret(std::string_view secret) {
  if (secret.size() < kMinRegisteredSecret) return;
  for (const auto& known : registered_secrets()) {
    if (known->view() == secret) return;
  }
  registered_secrets().push_back(std::make_unique<SecretString>(secret));
}

std::string redacted_form(std::string_view secret) {
  constexpr std::size_t kShown = 4;
  if (secret.size() < 3 * kShown) return "(redacted)";
  return std::string(secret.substr(0, kShown)) + "\u2026(redacted)";
}

std::string redact_text(std::string_view text) { return replace_pats(replace_registered(text)); }

std::string redact_trace(std::string_view data) { return redact_text(replace_auth_headers(data)); }

}  // namespace dbcurl
