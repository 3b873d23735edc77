#include "creds/netrc.hpp"

#include <algorithm>

#include "common/files.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

// libcurl 7.88 reads netrc with Curl_get_line() (lib/curl_get_line.c) over
// fgets() into 4096 bytes: a line that does not fit with its '\n' (more than
// 4094 bytes, a CR counted, the last line's too) is dropped; a line is read
// up to its first NUL, and a NUL that starts what fgets() read ends the file.
class LibcurlLines {
 public:
  explicit LibcurlLines(std::string_view text) : text_(text) {}

  // The next line libcurl reads, without its '\n'; nullopt: libcurl reads no more.
  std::optional<std::string_view> next() {
    bool partial = false;  // the rest of a line too long for the buffer
    while (pos_ < text_.size()) {
      line_ = line_after_;
      const std::size_t available = std::min(text_.size() - pos_, kBuffer - 1);
      const std::size_t newline = text_.substr(pos_, available).find('\n');
      const bool at_end = newline == std::string_view::npos && available < kBuffer - 1;  // fgets() saw EOF
      const std::string_view chunk = text_.substr(pos_, newline == std::string_view::npos ? available : newline + 1);
      pos_ += chunk.size();
      if (chunk.ends_with('\n')) ++line_after_;
      const std::string_view read = chunk.substr(0, chunk.find('\0'));  // strlen()
      if (read.empty()) return std::nullopt;
      if (read.ends_with('\n')) {
        if (partial) {
          partial = false;
          continue;
        }
        return read.substr(0, read.size() - 1);
      }
      if (at_end) {
        if (partial || read.size() + 1 >= kBuffer) return std::nullopt;
        return read;
      }
      partial = true;
    }
    return std::nullopt;
  }
  std::size_t line() const { return line_; }  // the number of the line next() gave

 private:
  static constexpr std::size_t kBuffer = 4096;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
  std::size_t line_after_ = 1;
};

// C isspace() and isblank() in the "C" locale, as libcurl's ISSPACE and ISBLANK.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

// parsenetrc()'s state for one host, fed one word at a time.
class HostLookup {
 public:
  HostLookup(std::string_view host, const std::optional<std::string>& url_user)
      : host_(host), specific_login_(url_user.has_value()), login_(url_user) {}

  bool done() const { return done_; }
  bool in_macro_body() const { return state_ == State::kMacro; }
  void end_macro_body() { state_ = State::kNothing; }

  void word(const std::string& word, std::size_t line) {
    switch (state_) {
      case State::kNothing:
        if (iequals(word, "macdef")) {
          state_ = State::kMacro;
        } else if (iequals(word, "machine")) {
          new_machine();
          our_login_ = false;
        } else if (iequals(word, "default")) {
          enter_entry(true, line);
        }
        break;
      case State::kMacro:  // the macro's name line: an empty word (a CR, blanks before '\n') ends the macro
        if (word.empty()) state_ = State::kNothing;
        break;
      case State::kMachine:
        if (iequals(word, host_)) {
          enter_entry(false, line);
        } else {
          state_ = State::kNothing;
        }
        break;
      case State::kOurs: ours(word, line); break;
    }
  }

  std::optional<NetrcMatch> result() && {
    if (!found_host_) return std::nullopt;
    if (!password_ && our_login_) {
      password_.emplace("");
    } else if (!login_ && !password_) {
      return std::nullopt;  // a "default" (or entry) without credentials
    }
    return NetrcMatch{by_default_, std::move(login_), std::move(password_), line_};
  }

 private:
  enum class State { kNothing, kMachine, kOurs, kMacro };
  enum class Expect { kKeyword, kLogin, kPassword };

  void ours(const std::string& word, std::size_t line) {
    if (expect_ == Expect::kLogin) {
      if (specific_login_) {
        our_login_ = *login_ == word;
      } else {
        our_login_ = true;
        login_ = word;
      }
      found_login_ = true;
      expect_ = Expect::kKeyword;
    } else if (expect_ == Expect::kPassword) {
      password_.emplace(word);
      found_password_ = true;
      expect_ = Expect::kKeyword;
    } else if (iequals(word, "login")) {
      expect_ = Expect::kLogin;
    } else if (iequals(word, "password")) {
      expect_ = Expect::kPassword;
    } else if (iequals(word, "machine")) {
      new_machine();  // libcurl keeps our_login here
    } else if (iequals(word, "default")) {
      forget_credentials();
      enter_entry(true, line);
    }  // anything else, "account", "macdef" and their values too, is skipped one word at a time
    done_ = found_login_ && found_password_ && our_login_;
  }

  void new_machine() {
    state_ = State::kMachine;
    expect_ = Expect::kKeyword;
    found_login_ = found_password_ = false;
    forget_credentials();
  }
  void forget_credentials() {
    password_.reset();
    if (!specific_login_) login_.reset();
  }
  void enter_entry(bool by_default, std::size_t line) {
    state_ = State::kOurs;
    found_host_ = true;
    by_default_ = by_default;
    line_ = line;
  }

  std::string_view host_;
  bool specific_login_;
  std::optional<std::string> login_;
  std::optional<SecretString> password_;
  State state_ = State::kNothing;
  Expect expect_ = Expect::kKeyword;
  bool found_login_ = false;
  bool found_password_ = false;
  bool our_login_ = false;
  bool found_host_ = false;
  bool done_ = false;
  bool by_default_ = false;
  std::size_t line_ = 0;
};

// Feeds one line's words to lookup as libcurl splits them: blanks (space, tab)
// separate words, any other white space ends one, so the CR of a CRLF line, or
// blanks before the line's end, make an empty word; a word starting with '#'
// ends the line; a closing quote also swallows the character after it.
std::optional<Error> read_words(std::string_view line, std::size_t line_number, HostLookup& lookup,
                                const std::string& path) {
  // libcurl's buffer: the line, its '\n', then the NUL that ends it.
  const auto at = [line](std::size_t i) { return i < line.size() ? line[i] : i == line.size() ? '\n' : '\0'; };
  std::string word;
  std::size_t pos = 0;
  while (!lookup.done()) {
    while (is_blank(at(pos))) ++pos;
    if (at(pos) == '\0' || at(pos) == '#') break;
    std::size_t end = pos;
    if (at(pos) != '"') {
      while (!is_space(at(end))) ++end;
      word.assign(line.substr(pos, end - pos));
    } else {
      bool escape = false;
      bool closed = false;
      for (++end; at(end) != '\0' && !closed; ++end) {
        char c = at(end);
        if (escape) {
          escape = false;
          c = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
        } else if (c == '\\') {
          escape = true;
          continue;
        } else if (c == '"') {
          closed = true;
          continue;
        }
        word += c;
      }
      if (escape || !closed) {
        wipe_string(word);
        return error_at(exit_code::kConfigInvalid, path, line_number, "unterminated quoted string");
      }
    }
    lookup.word(word, line_number);
    wipe_string(word);
    word.clear();
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace

Result<std::optional<NetrcMatch>> netrc_lookup(std::string_view text, std::string_view host,
                                               const std::optional<std::string>& url_user, const std::string& path) {
  LibcurlLines lines(text);
  HostLookup lookup(host, url_user);
  while (!lookup.done()) {
    std::optional<std::string_view> line = lines.next();
    if (!line) break;
    if (lookup.in_macro_body()) {
      // A macro body ends at a line that starts with its line break (LF or CR), read on as any line.
      if (!line->empty() && line->front() != '\r') continue;
      lookup.end_macro_body();
    }
    if (std::optional<Error> error = read_words(*line, lines.line(), lookup, path)) return *error;
  }
  return std::move(lookup).result();
}

std::optional<NetrcMatch> netrc_machine_match(std::string_view text, std::string_view host, const std::string& path) {
  Result<std::optional<NetrcMatch>> match = netrc_lookup(text, host, std::nullopt, path);
  if (!match || !*match || (*match)->by_default) return std::nullopt;
  return std::move(*match);
}

Result<std::optional<SecretString>> load_netrc(const FileSystem& files, const std::string& path) {
  Result<std::optional<std::string>> text =
      files.read_file_if_exists(path, kMaxConfigFileBytes, exit_code::kConfigInvalid);
  if (!text) return text.error();
  if (!*text) return std::optional<SecretString>{};
  std::optional<SecretString> secret{SecretString(**text)};
  wipe_string(**text);
  return secret;
}

std::string netrc_path(const std::optional<std::string>& netrc_file, const Environment& env) {
  if (netrc_file) return *netrc_file;
  if (auto from_env = env.get("NETRC")) return *from_env;
  return home_directory(env) + "/.netrc";
}

}  // namespace dbcurl
