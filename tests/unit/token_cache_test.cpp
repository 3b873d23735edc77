#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "creds/token_cache.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::TempHome;
using namespace std::chrono_literals;

TEST_CASE("RFC 3339 times as the databricks CLI prints them") {
  const SystemTime epoch_plus_day = std::chrono::system_clock::from_time_t(86400);
  CHECK(parse_rfc3339("1970-01-02T00:00:00Z") == epoch_plus_day);
  CHECK(parse_rfc3339("1970-01-02T00:00:00.123456789Z") == epoch_plus_day);
  CHECK(parse_rfc3339("1970-01-02T02:00:00+02:00") == epoch_plus_day);
  CHECK(parse_rfc3339("1970-01-01T23:00:00-01:00") == epoch_plus_day);
  CHECK_FALSE(parse_rfc3339("1970-01-02 00:00:00").has_value());
  CHECK_FALSE(parse_rfc3339("1970-01-02T00:00:00").has_value());
  CHECK_FALSE(parse_rfc3339("1970-13-02T00:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339("garbage").has_value());
  CHECK(parse_rfc3339("9999-12-31T23:59:59Z") > std::chrono::system_clock::now() + 24h * 365 * 100);
}

TEST_CASE("the cache returns a token until a minute before its expiry") {
  TempHome home;
  const TokenCache cache(home.path("cache/dbcurl"));
  const SystemTime now = std::chrono::system_clock::now();
  REQUIRE(cache.put("key", SecretString("eyJ-token"), now + 1h));
  CHECK(cache.get("key", now)->view() == "eyJ-token");
  CHECK(cache.get("key", now + 58min)->view() == "eyJ-token");
  CHECK_FALSE(cache.get("key", now + 59min + 30s).has_value());
  CHECK_FALSE(cache.get("other", now).has_value());
}

TEST_CASE("cache files are 0600 in a 0700 directory") {
  TempHome home;
  const std::string directory = home.path("cache/dbcurl");
  const TokenCache cache(directory);
  REQUIRE(cache.put("key", SecretString("t"), std::chrono::system_clock::now() + 1h));
  struct stat info {};
  REQUIRE(::stat(directory.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
  REQUIRE(::stat(cache.file_for("key").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK(std::filesystem::directory_iterator(directory) != std::filesystem::directory_iterator());
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    CHECK_FALSE(entry.path().filename().string().starts_with(".tmp"));  // the temp file was renamed
  }
}

TEST_CASE("a corrupt cache file is ignored and rewritten") {
  TempHome home;
  const TokenCache cache(home.path("cache/dbcurl"));
  const SystemTime now = std::chrono::system_clock::now();
  REQUIRE(cache.put("key", SecretString("first"), now + 1h));
  std::ofstream(cache.file_for("key"), std::ios::trunc) << "{not json";
  CHECK_FALSE(cache.get("key", now).has_value());
  REQUIRE(cache.put("key", SecretString("second"), now + 1h));
  CHECK(cache.get("key", now)->view() == "second");
}

TEST_CASE("a token with a control character is never cached, nor read back from a cache file") {
  TempHome home;
  const TokenCache cache(home.path("cache/dbcurl"));
  const SystemTime now = std::chrono::system_clock::now();
  const std::string with_nul("eyJ\0b", 5);
  for (const std::string& token :
       {std::string("eyJ-a\r\nX-Injected: 1"), std::string("eyJ-a\n"), std::string("eyJ\x7f"), with_nul}) {
    CHECK_FALSE(cache.put("key", SecretString(token), now + 1h));
    CHECK_FALSE(std::filesystem::exists(cache.file_for("key")));
  }
  // Written by an earlier dbcurl, or by hand: refused on the way out too.
  REQUIRE(cache.put("key", SecretString("eyJ-clean"), now + 1h));
  std::ofstream(cache.file_for("key"), std::ios::trunc)
      << R"({"key": "key", "access_token": "eyJ-a\r\nX-Injected: 1", "expiry": "2199-01-01T00:00:00Z"})";
  CHECK_FALSE(cache.get("key", now).has_value());
}

TEST_CASE("a cache directory that is a symlink is not used") {
  TempHome home;
  std::filesystem::create_directories(home.path("elsewhere"));
  std::filesystem::create_directories(home.path("cache"));
  std::filesystem::create_directory_symlink(home.path("elsewhere"), home.path("cache/dbcurl"));
  const TokenCache cache(home.path("cache/dbcurl"));
  CHECK_FALSE(cache.put("key", SecretString("t"), std::chrono::system_clock::now() + 1h));
  CHECK(std::filesystem::is_empty(home.path("elsewhere")));
}

// Hidden from the plain run: ctest runs it alone as unit.local_time, with TZ
// set for it (tests/CMakeLists.txt), so that no test changes the environment.
TEST_CASE("local times as az prints expiresOn, in the local time zone", "[.][local_time]") {
  const char* zone = std::getenv("TZ");
  REQUIRE(zone != nullptr);
  REQUIRE(std::string(zone) == "UTC-02:00");  // POSIX: two hours east of UTC
  const SystemTime epoch_plus_day = std::chrono::system_clock::from_time_t(86400);
  CHECK(parse_local_time("1970-01-02 02:00:00.123456") == epoch_plus_day);
  CHECK(parse_local_time("1970-01-02 02:00:00") == epoch_plus_day);
  CHECK_FALSE(parse_local_time("1970-01-02T02:00:00").has_value());
  CHECK_FALSE(parse_local_time("1970-01-02 02:00").has_value());
  CHECK_FALSE(parse_local_time("1970-01-02 02:00:00Z").has_value());
}

TEST_CASE("a secret in a cache key is its SHA-256") {
  // FIPS 180-2's example: SHA-256("abc").
  CHECK(secret_fingerprint("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(secret_fingerprint("id-token-1") != secret_fingerprint("id-token-2"));
}

TEST_CASE("a token service's expiry is clamped, never overflowing the clock") {
  using std::chrono::hours;
  const SystemTime now = expiry_at_epoch_seconds(1796000000);  // late 2026
  const SystemTime year_2199 = expiry_at_epoch_seconds(7226582400);
  const SystemTime year_2200 = expiry_at_epoch_seconds(7258118400);
  CHECK(expiry_after(now, 3600) == now + hours(1));
  CHECK(expiry_after(now, 99999999999) == year_2200);
  CHECK(expiry_after(now, 9223372036854775807) == year_2200);
  CHECK(expiry_after(now, -9223372036854775807 - 1) == now);
  CHECK(expiry_at_epoch_seconds(99999999999) == year_2200);
  CHECK(expiry_at_epoch_seconds(9223372036854775807) > year_2199);
  CHECK(expiry_at_epoch_seconds(-99999999999999) == SystemTime{});
}
