#include "common/redact.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "common/secret.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

// Shorter secrets are not worth the noise of replacing them.
constexpr std::size_t kMinRegisteredSecret = 8;
// Shorter secrets could be ordinary words of a message ("password"): they are
// replaced only where they stand as a whole value.
constexpr std::size_t kUnambiguousSecret = 16;
constexpr std::string_view kPatPrefix = "dapi";
constexpr std::size_t kPatHexDigits = 32;
// Also the end of "proxy-authorization".
constexpr std::string_view kAuthName = "authorization";
constexpr std::string_view kLineEnds = "\r\n";

using Secrets = std::vector<std::unique_ptr<SecretString>>;

// Protocol text is ASCII: no locale here.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_alnum(char c) { return is_digit(c) || (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z'); }
// RFC 9110 token characters, of which an auth scheme is made.
bool is_tchar(char c) { return is_alnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos; }

bool iequals_at(std::string_view text, std::size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ascii_lower(text[pos + i]) != word[i]) return false;
  }
  return true;
}

std::size_t ifind(std::string_view text, std::string_view word, std::size_t from) {
  for (std::size_t pos = from; pos + word.size() <= text.size(); ++pos) {
    if (iequals_at(text, pos, word)) return pos;
  }
  return std::string_view::npos;
}

// Length of a PAT starting at text[pos], or 0.
std::size_t pat_length_at(std::string_view text, std::size_t pos) {
  if (text.compare(pos, kPatPrefix.size(), kPatPrefix) != 0) return 0;
  std::size_t end = pos + kPatPrefix.size();
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

// Whether the occurrence of a short secret at text[pos, end) is a whole value,
// as in "user:secret@host" or "password=secret", not a word of a sentence.
bool stands_as_value(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos == 0 || (text[pos - 1] != ':' && text[pos - 1] != '=')) return false;
  return end == text.size() || std::string_view(" \t\r\n@/&;,\"')]}").find(text[end]) != std::string_view::npos;
}

std::string replace_secret(std::string_view text, std::string_view secret) {
  const bool anywhere = secret.size() >= kUnambiguousSecret;
  std::string out;
  std::size_t copied = 0;
  for (std::size_t pos = text.find(secret); pos != std::string_view::npos; pos = text.find(secret, pos + 1)) {
    if (pos < copied || (!anywhere && !stands_as_value(text, pos, pos + secret.size()))) continue;
    out += text.substr(copied, pos - copied);
    out += redacted_form(secret);
    copied = pos + secret.size();
  }
  out += text.substr(copied);
  return out;
}

std::string replace_registered(const Secrets& secrets, std::string_view text) {
  std::string out(text);
  for (const auto& secret : secrets) out = replace_secret(out, secret->view());
  return out;
}

// An Authorization-type value in text: its bytes [start, end), and whether
// the text ends inside it (its rest is still to come).
struct AuthValue {
  std::size_t start;
  std::size_t end;
  bool open;
};

// libcurl spells the header "Authorization: v\r\n" (HTTP/1 and the HTTP/1
// form of an HTTP/2 request) and "h2h3 [authorization: v]" (HTTP/2 info).
std::optional<AuthValue> find_auth_value(std::string_view text, std::size_t from) {
  for (std::size_t name = ifind(text, kAuthName, from); name != std::string_view::npos;
       name = ifind(text, kAuthName, name + 1)) {
    std::size_t pos = name + kAuthName.size();
    while (pos < text.size() && is_blank(text[pos])) ++pos;
    if (pos == text.size() || text[pos] != ':') continue;
    ++pos;
    while (pos < text.size() && is_blank(text[pos])) ++pos;
    const std::size_t line_end = std::min(text.find_first_of(kLineEnds, pos), text.size());
    AuthValue value{pos, line_end, line_end == text.size()};
    const std::size_t newline = text.find_last_of('\n', name);
    const std::size_t line_start = newline == std::string_view::npos ? 0 : newline;
    const bool bracketed = text.substr(line_start, name - line_start).find('[') != std::string_view::npos;
    if (bracketed && value.end > value.start && text[value.end - 1] == ']') {
      value.end -= 1;
      value.open = false;
    }
    return value;
  }
  return std::nullopt;
}

// The length of "Scheme " at the start of an auth value, or 0 when there is
// no scheme to keep (the value is one word: all of it is the credential).
std::size_t scheme_length(std::string_view value) {
  std::size_t end = 0;
  while (end < value.size() && is_tchar(value[end])) ++end;
  if (end == 0 || end == value.size() || !is_blank(value[end])) return 0;
  while (end < value.size() && is_blank(value[end])) ++end;
  return end;
}

// Rule 3; sets open when the text ends inside a value.
std::string replace_auth_values(std::string_view text, bool& open) {
  std::string out;
  std::size_t copied = 0;
  for (auto value = find_auth_value(text, 0); value; value = find_auth_value(text, value->end)) {
    out += text.substr(copied, value->start - copied);
    const std::string_view whole = text.substr(value->start, value->end - value->start);
    const std::size_t scheme = scheme_length(whole);
    out += whole.substr(0, scheme);
    if (whole.size() > scheme || value->open) out += redacted_form(whole.substr(scheme));
    copied = value->end;
    open = open || value->open;
  }
  out += text.substr(copied);
  return out;
}

std::string redact_all(const Secrets& secrets, std::string_view text, bool& open) {
  return replace_pats(replace_registered(secrets, replace_auth_values(text, open)));
}

// How many bytes at the end of text could be the start of a PAT or of a
// registered secret, whose rest is still to come.
std::size_t secret_tail_length(const Secrets& secrets, std::string_view text) {
  std::size_t longest = 0;
  const std::size_t pat_size = kPatPrefix.size() + kPatHexDigits;
  for (std::size_t length = std::min(text.size(), pat_size - 1); length > 0; --length) {
    const std::string_view tail = text.substr(text.size() - length);
    const std::size_t prefix = std::min(tail.size(), kPatPrefix.size());
    if (tail.substr(0, prefix) == kPatPrefix.substr(0, prefix) &&
        std::all_of(tail.begin() + static_cast<std::ptrdiff_t>(prefix), tail.end(), is_lower_hex)) {
      longest = length;
      break;
    }
  }
  for (const auto& secret : secrets) {
    const std::string_view value = secret->view();
    for (std::size_t length = std::min(text.size(), value.size() - 1); length > longest; --length) {
      if (text[text.size() - length] == value[0] && text.substr(text.size() - length) == value.substr(0, length)) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}

// How many bytes at the end of text could be the start of an Authorization
// header name ("Auth", "authorization  "), whose value is still to come.
std::size_t auth_name_tail_length(std::string_view text) {
  std::size_t blanks = 0;
  while (blanks < text.size() && is_blank(text[text.size() - 1 - blanks])) ++blanks;
  const std::string_view before_blanks = text.substr(0, text.size() - blanks);
  if (before_blanks.size() >= kAuthName.size() &&
      iequals_at(before_blanks, before_blanks.size() - kAuthName.size(), kAuthName)) {
    return kAuthName.size() + blanks;
  }
  if (blanks != 0) return 0;
  for (std::size_t length = std::min(text.size(), kAuthName.size() - 1); length > 0; --length) {
    if (iequals_at(text, text.size() - length, kAuthName.substr(0, length))) return length;
  }
  return 0;
}

// Moves cut back to the start of any PAT or registered secret in text that
// it would split, so that the part before it can be redacted on its own.
std::size_t cut_outside_secrets(const Secrets& secrets, std::string_view text, std::size_t cut) {
  for (bool moved = true; moved;) {
    moved = false;
    const std::size_t pat_search =
        cut > kPatPrefix.size() + kPatHexDigits ? cut - kPatPrefix.size() - kPatHexDigits : 0;
    for (std::size_t start = text.find(kPatPrefix, pat_search); start < cut; start = text.find(kPatPrefix, start + 1)) {
      if (start + pat_length_at(text, start) > cut) {
        cut = start;
        moved = true;
        break;
      }
    }
    for (const auto& secret : secrets) {
      const std::string_view value = secret->view();
      const std::size_t search = cut >= value.size() ? cut - value.size() + 1 : 0;
      if (const std::size_t start = text.find(value, search); start < cut) {
        cut = start;
        moved = true;
      }
    }
  }
  return cut;
}

}  // namespace

void SecretRegistry::add(std::string_view secret) {
  const auto add_one = [this](std::string_view value) {
    if (value.size() < kMinRegisteredSecret) return;
    for (const auto& known : secrets_) {
      if (known->view() == value) return;
    }
    secrets_.push_back(std::make_unique<SecretString>(value));
  };
  add_one(secret);
  // A secret is sent form- or URL-encoded (client secrets, ids in a query),
  // and an endpoint may echo it back that way in its refusal.
  for (const bool space_as_plus : {true, false}) {
    std::string encoded = percent_encode(secret, space_as_plus);
    if (encoded != secret) add_one(encoded);
    wipe_string(encoded);
  }
}

std::string redacted_form(std::string_view secret) {
  constexpr std::size_t kShown = 4;
  if (secret.size() < 3 * kShown) return "(redacted)";
  return std::string(secret.substr(0, kShown)) + "\u2026(redacted)";
}

std::string SecretRegistry::redact_text(std::string_view text) const {
  return replace_pats(replace_registered(secrets_, text));
}

std::string SecretRegistry::redact_trace(std::string_view data) const {
  bool open = false;
  return redact_all(secrets_, data, open);
}

RedactingStream::~RedactingStream() { wipe_string(held_); }

std::string RedactingStream::write(std::string_view piece) {
  if (dropping_value_) {
    const std::size_t value_end = piece.find_first_of(kLineEnds);
    if (value_end == std::string_view::npos) return {};
    piece.remove_prefix(value_end);
    dropping_value_ = false;
  }
  held_ += piece;
  std::string out;
  std::size_t line_start = 0;
  for (std::size_t newline = held_.find('\n'); newline != std::string::npos; newline = held_.find('\n', line_start)) {
    bool open = false;
    out += redact_all(secrets_.secrets_, std::string_view(held_).substr(line_start, newline + 1 - line_start), open);
    line_start = newline + 1;
  }
  held_.erase(0, line_start);
  if (held_.size() > kMaxHeldLine) out += pause();
  return out;
}

std::string RedactingStream::pause() {
  bool open = false;
  std::string shown = redact_all(secrets_.secrets_, held_, open);
  if (open) {
    // The value is shown as redacted now; its rest, in later pieces, is dropped.
    dropping_value_ = true;
    wipe_string(held_);
    return shown;
  }
  const Secrets& secrets = secrets_.secrets_;
  const std::size_t kept = std::max(secret_tail_length(secrets, held_), auth_name_tail_length(held_));
  const std::size_t cut = kept >= held_.size() ? 0 : cut_outside_secrets(secrets, held_, held_.size() - kept);
  if (cut == 0) {
    if (held_.size() <= kMaxHeldLine) return {};
    // All of an overlong line could be a secret: show none of it.
    dropping_value_ = true;
    wipe_string(held_);
    return redacted_form({});
  }
  shown = redact_all(secrets, std::string_view(held_).substr(0, cut), open);
  held_.erase(0, cut);
  return shown;
}

std::string RedactingStream::finish() {
  // What could begin a secret is not known to be harmless: an aborted
  // transfer may have cut a token short.
  const Secrets& secrets = secrets_.secrets_;
  const std::size_t tail = secret_tail_length(secrets, held_);
  const std::size_t cut =
      tail >= kPatPrefix.size() ? cut_outside_secrets(secrets, held_, held_.size() - tail) : held_.size();
  bool open = false;
  std::string shown = redact_all(secrets, std::string_view(held_).substr(0, cut), open);
  if (cut != held_.size()) shown += redacted_form(std::string_view(held_).substr(cut));
  wipe_string(held_);
  dropping_value_ = false;
  return shown;
}

}  // namespace dbcurl
