#pragma once
// Tokens with an expiry (OAuth from the databricks CLI, helper output with an
// "expiry") are cached so that a second call within the token's lifetime
// spawns nothing: $XDG_CACHE_HOME/dbcurl/, else ~/.cache/dbcurl/. The directory
// is 0700 and owned by the user, files are 0600 and written atomically, and
// nothing is followed through a symlink. A corrupt file is ignored.

#include <chrono>
#include <optional>
#include <string>

#include "common/environment.hpp"
#include "common/secret.hpp"

namespace dbcurl {

using SystemTime = std::chrono::system_clock::time_point;

// RFC 3339 as the databricks CLI prints it ("2024-05-01T12:00:00.123456789+02:00").
std::optional<SystemTime> parse_rfc3339(std::string_view text);
// Local wall-clock time as `az account get-access-token` prints expiresOn
// ("2024-05-01 12:00:00.123456"), read in the local time zone.
std::optional<SystemTime> parse_local_time(std::string_view text);
// An expiry a token service gives, as seconds from now (expires_in) or since
// the epoch (expires_on): any number, clamped to [now or the epoch, 2200],
// since system_clock's nanoseconds overflow in 2262.
SystemTime expiry_after(SystemTime now, long long seconds);
SystemTime expiry_at_epoch_seconds(long long seconds);

// What a cache key holds of a secret that tells tokens apart (an OIDC id
// token, a metadata service URL): its SHA-256 in hex, never the secret, since
// the key is written in the cache file.
std::string secret_fingerprint(std::string_view secret);

class TokenCache {
 public:
  explicit TokenCache(std::string directory) : directory_(std::move(directory)) {}
  static std::string default_directory(const Environment& env);

  // The token stored under key, if it is still valid for at least a minute.
  std::optional<SecretString> get(const std::string& key, SystemTime now) const;
  // Stores a token; false (and the cache is skipped) when the directory is unsafe.
  bool put(const std::string& key, const SecretString& token, SystemTime expiry) const;

  std::string file_for(const std::string& key) const;

 private:
  bool ensure_directory() const;
  std::string directory_;
};

inline constexpr std::chrono::seconds kExpiryMargin{60};

}  // namespace dbcurl
