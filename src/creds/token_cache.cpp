#include "creds/token_cache.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <random>

#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr std::size_t kMaxCacheFileBytes = 64 * 1024;

std::string hex_hash(const std::string& key) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a: a stable file name, not a security boundary
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

bool parse_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

std::optional<std::string> read_private_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  std::optional<std::string> content;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::getuid() &&
      static_cast<std::size_t>(info.st_size) <= kMaxCacheFileBytes) {
    std::string text(static_cast<std::size_t>(info.st_size), '\0');
    if (::read(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())) content = std::move(text);
  }
  ::close(fd);
  return content;
}

std::string format_rfc3339(SystemTime when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

std::optional<SystemTime> parse_rfc3339(std::string_view text) {
  std::tm parts{};
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!parse_digits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' || !parse_digits(text, 5, 2, month) ||
      text[7] != '-' || !parse_digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != 't') ||
      !parse_digits(text, 11, 2, hour) || text[13] != ':' || !parse_digits(text, 14, 2, minute) || text[16] != ':' ||
      !parse_digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;  // sub-seconds: dropped
  }
  int offset_seconds = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int offset_hours = 0, offset_minutes = 0;
    if (!parse_digits(text, pos + 1, 2, offset_hours) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !parse_digits(text, pos + 4, 2, offset_minutes)) {
      return std::nullopt;
    }
    offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  // system_clock counts nanoseconds and ends in 2262: a later expiry means "far away".
  constexpr int kLastYear = 2200;
  parts.tm_year = std::min(year, kLastYear) - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  const std::time_t utc = timegm(&parts);
  return std::chrono::system_clock::from_time_t(utc - offset_seconds);
}

namespace {
constexpr long long kEpochSecondsOf2200 = 7258118400;  // 2200-01-01T00:00:00Z
}  // namespace

SystemTime expiry_at_epoch_seconds(long long seconds) {
  return SystemTime(std::chrono::seconds(std::clamp(seconds, 0LL, kEpochSecondsOf2200)));
}

SystemTime expiry_after(SystemTime now, long long seconds) {
  const long long now_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return expiry_at_epoch_seconds(now_seconds + std::clamp(seconds, 0LL, kEpochSecondsOf2200));
}

std::optional<SystemTime> parse_local_time(std::string_view text) {
  if (text.size() < 19 || text[10] != ' ') return std::nullopt;
  // The same fields as RFC 3339: read them as UTC, then take them as local time.
  std::string as_utc(text);
  as_utc[10] = 'T';
  as_utc += 'Z';
  const std::optional<SystemTime> wall_clock = parse_rfc3339(as_utc);
  if (!wall_clock) return std::nullopt;
  const std::time_t seconds = std::chrono::system_clock::to_time_t(*wall_clock);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  parts.tm_isdst = -1;
  const std::time_t local = std::mktime(&parts);
  if (local == static_cast<std::time_t>(-1)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(local);
}

std::string secret_fingerprint(std::string_view secret) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(secret.data(), secret.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    // Without a digest the caller's key cannot tell secrets apart: one that
    // matches nothing makes every lookup miss.
    std::random_device random;
    return "no-digest-" + std::to_string(random()) + std::to_string(random());
  }
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[digest[i] >> 4];
    hex += kDigits[digest[i] & 0xf];
  }
  return hex;
}

std::string TokenCache::default_directory(const Environment& env) {
  if (auto xdg = env.get("XDG_CACHE_HOME")) return *xdg + "/dbcurl";
  return home_directory(env) + "/.cache/dbcurl";
}

std::string TokenCache::file_for(const std::string& key) const { return directory_ + "/" + hex_hash(key) + ".json"; }

bool TokenCache::ensure_directory() const {
  const auto parent = directory_.substr(0, directory_.rfind('/'));
  if (!parent.empty()) ::mkdir(parent.c_str(), 0700);  // usually there already
  ::mkdir(directory_.c_str(), 0700);
  struct stat info {};
  if (::lstat(directory_.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid()) return false;
  if ((info.st_mode & 077) != 0 && ::chmod(directory_.c_str(), 0700) != 0) return false;
  return true;
}

std::optional<SecretString> TokenCache::get(const std::string& key, SystemTime now) const {
  std::optional<std::string> text = read_private_file(file_for(key));
  if (!text) return std::nullopt;
  std::optional<SecretString> token;
  nlohmann::json document = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  wipe_string(*text);
  if (document.is_object() && document.value("key", "") == key && document["access_token"].is_string() &&
      document["expiry"].is_string()) {
    const std::optional<SystemTime> expiry = parse_rfc3339(document["expiry"].get<std::string>());
    const std::string& cached = document["access_token"].get_ref<const std::string&>();
    if (expiry && now + kExpiryMargin < *expiry && !has_ascii_control(cached)) token.emplace(cached);
  }
  if (document.is_object() && document.contains("access_token") && document["access_token"].is_string()) {
    wipe_string(document["access_token"].get_ref<std::string&>());
  }
  return token;
}

bool TokenCache::put(const std::string& key, const SecretString& token, SystemTime expiry) const {
  // A token that would be refused (a line break from az or a metadata service)
  // is never stored: the cache would keep it on disk, and hand it out again.
  if (has_ascii_control(token.view()) || !ensure_directory()) return false;
  nlohmann::json document = {
      {"key", key}, {"access_token", std::string(token.view())}, {"expiry", format_rfc3339(expiry)}};
  std::string text = document.dump();
  wipe_string(document["access_token"].get_ref<std::string&>());

  std::random_device random;
  const std::string temporary = directory_ + "/.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  bool written =
      fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  wipe_string(text);
  written = written && ::rename(temporary.c_str(), file_for(key).c_str()) == 0;
  if (!written) ::unlink(temporary.c_str());
  return written;
}

}  // namespace dbcurl
